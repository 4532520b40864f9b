package pull

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/okrctl/okrctl/pkg/kpi"
)

// dialect is how a snapshot file writes its rows.
type dialect struct {
	comma      rune
	crlf       bool
	dateFormat string // "YYYY-MM-DD", "DD/MM/YYYY" or "MM/DD/YYYY"
	decimal    byte   // '.' or ','
}

// record is one data row of a snapshot file: its bytes as written, where
// it starts, and what it says.
type record struct {
	raw    []byte // the row's bytes, with any blank lines before it and its line end
	line   int    // 1-based line of the row
	fields []string
	day    kpi.Day
	dayOK  bool
}

// snapshotFile is a parsed long-layout snapshot file.
type snapshotFile struct {
	path    string // as displayed
	exists  bool
	head    []byte // BOM and header line, as written
	header  []string
	date    int // column indexes
	kpi     int
	value   int
	rows    []record
	tail    []byte // bytes after the last row (blank lines)
	dialect dialect
	// index finds the first row of a KPI on a day.
	index map[key]int
}

type key struct {
	kpi string
	day kpi.Day
}

var slashDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// readSnapshotFile reads path; a missing file is an empty one to be
// created with the header date,kpi,value. conf is the file's configured
// dialect (.okrctl.yaml snapshots:): a decimal mark or date format set
// there wins over what the file's rows suggest.
func readSnapshotFile(path, display string, conf kpi.Dialect) (*snapshotFile, error) {
	f := &snapshotFile{path: display, index: map[key]int{}}
	defer f.configure(conf)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		f.newHeader()
		return f, nil
	}
	if err != nil {
		return nil, err
	}
	f.exists = true
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, bom))) == 0 {
		f.newHeader() // an empty file gets the header a new one would
		if bytes.HasPrefix(data, bom) {
			f.head = append(append([]byte{}, bom...), f.head...)
		}
		return f, nil
	}
	return f, f.parse(data)
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// configure applies the configured dialect. A new file whose decimal mark
// is a comma is separated by semicolons, as spreadsheets in such locales
// write it.
func (f *snapshotFile) configure(conf kpi.Dialect) {
	if conf.Decimal != 0 {
		f.dialect.decimal = conf.Decimal
	}
	if conf.DateFormat != "" {
		f.dialect.dateFormat = string(conf.DateFormat)
	}
	if !f.exists && len(f.rows) == 0 && f.dialect.decimal == ',' && f.dialect.comma == ',' {
		f.dialect.comma = ';'
		f.head = bytes.ReplaceAll(f.head, []byte{','}, []byte{';'})
	}
}

func (f *snapshotFile) newHeader() {
	f.header = []string{"date", "kpi", "value"}
	f.date, f.kpi, f.value = 0, 1, 2
	f.dialect = dialect{comma: ',', dateFormat: "YYYY-MM-DD", decimal: '.'}
	f.head = []byte("date,kpi,value\n")
}

func (f *snapshotFile) parse(data []byte) error {
	start := 0
	if bytes.HasPrefix(data, bom) {
		start = len(bom)
	}
	firstLine, _, _ := bytes.Cut(data[start:], []byte{'\n'})
	f.dialect.comma = ','
	for _, s := range []byte{'\t', ';', ','} {
		if bytes.IndexByte(firstLine, s) >= 0 {
			f.dialect.comma = rune(s)
			break
		}
	}
	f.dialect.crlf = bytes.HasSuffix(firstLine, []byte{'\r'})
	cr := csv.NewReader(bytes.NewReader(data[start:]))
	cr.Comma = f.dialect.comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	hdr, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s:1: cannot read the header: %v", f.path, err)
	}
	f.header = append([]string(nil), hdr...)
	f.date, f.kpi, f.value = -1, -1, -1
	for i, h := range hdr {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "date":
			if f.date < 0 {
				f.date = i
			}
		case "kpi":
			if f.kpi < 0 {
				f.kpi = i
			}
		case "value":
			if f.value < 0 {
				f.value = i
			}
		}
	}
	if f.date < 0 || f.kpi < 0 || f.value < 0 {
		return fmt.Errorf("%s:1: not a long-layout snapshot file (its header has no date, kpi and value columns): okrctl pull writes one row a value; point source.file at such a file or a new one", f.path)
	}
	off := start + int(cr.InputOffset())
	f.head = data[:off]
	var dates []string
	var commaValues, dotValues int
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: cannot read the file: %v", f.path, err)
		}
		line, _ := cr.FieldPos(0)
		end := start + int(cr.InputOffset())
		r := record{raw: data[off:end], line: line, fields: append([]string(nil), rec...)}
		off = end
		if f.date < len(rec) {
			dates = append(dates, strings.TrimSpace(rec[f.date]))
		}
		if f.value < len(rec) {
			v := rec[f.value]
			if strings.Contains(v, ",") && !strings.Contains(v, ".") {
				commaValues++
			} else if strings.Contains(v, ".") {
				dotValues++
			}
		}
		f.rows = append(f.rows, r)
	}
	f.tail = data[off:]
	f.dialect.decimal = '.'
	if f.dialect.comma != ',' && commaValues > dotValues {
		f.dialect.decimal = ','
	}
	f.dialect.dateFormat = dateFormat(dates)
	for i := range f.rows {
		r := &f.rows[i]
		if f.date < len(r.fields) {
			r.day, r.dayOK = f.dialect.parseDay(r.fields[f.date])
		}
		if r.dayOK && f.kpi < len(r.fields) {
			k := key{strings.TrimSpace(r.fields[f.kpi]), r.day}
			if _, dup := f.index[k]; !dup {
				f.index[k] = i
			}
		}
	}
	return nil
}

// dateFormat tells the file's date format from its dates: ISO unless they
// are written with slashes, then day first unless a month above 12 shows
// the month first.
func dateFormat(dates []string) string {
	slash, monthFirst := false, false
	for _, d := range dates {
		m := slashDate.FindStringSubmatch(d)
		if m == nil {
			if _, err := kpi.ParseDay(d); err == nil {
				return "YYYY-MM-DD"
			}
			continue
		}
		slash = true
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a > 12 {
			return "DD/MM/YYYY"
		}
		if b > 12 {
			monthFirst = true
		}
	}
	switch {
	case slash && monthFirst:
		return "MM/DD/YYYY"
	case slash:
		return "DD/MM/YYYY"
	}
	return "YYYY-MM-DD"
}

func (d dialect) parseDay(s string) (kpi.Day, bool) {
	s = strings.TrimSpace(s)
	if m := slashDate.FindStringSubmatch(s); m != nil {
		a, b := m[1], m[2]
		if d.dateFormat == "MM/DD/YYYY" {
			a, b = b, a
		}
		day, err := kpi.ParseDay(fmt.Sprintf("%s-%02s-%02s", m[3], b, a))
		return day, err == nil
	}
	day, err := kpi.ParseDay(s)
	return day, err == nil
}

func (d dialect) formatDay(day kpi.Day) string {
	s := day.String() // YYYY-MM-DD
	switch d.dateFormat {
	case "DD/MM/YYYY":
		return s[8:10] + "/" + s[5:7] + "/" + s[0:4]
	case "MM/DD/YYYY":
		return s[5:7] + "/" + s[8:10] + "/" + s[0:4]
	}
	return s
}

func (d dialect) formatValue(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if d.decimal == ',' {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// parseValue reads a value as the file writes it, with thousands
// separators, spaces, a percent sign or a currency mark; ok is false when
// it is not a number.
func (d dialect) parseValue(s string) (float64, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '%', '€', '$', '£', '\'':
			return -1
		}
		return r
	}, s)
	if d.decimal == ',' {
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	} else {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// line renders fields as one CSV row in the file's dialect, quoting as
// encoding/csv does: a field with the separator, a quote, a line end or a
// leading space is quoted, its quotes doubled.
func (d dialect) line(fields []string) []byte {
	return d.appendLine(nil, fields)
}

func (d dialect) appendLine(dst []byte, fields []string) []byte {
	for i, f := range fields {
		if i > 0 {
			dst = utf8.AppendRune(dst, d.comma)
		}
		if !d.needsQuotes(f) {
			dst = append(dst, f...)
			continue
		}
		dst = append(dst, '"')
		for _, r := range f {
			switch {
			case r == '"':
				dst = append(dst, '"', '"')
			case r == '\n' && d.crlf:
				dst = append(dst, '\r', '\n')
			case r == '\r' && d.crlf:
				// \r\n in a field is written as the dialect's line end
			default:
				dst = utf8.AppendRune(dst, r)
			}
		}
		dst = append(dst, '"')
	}
	return append(dst, d.eol()...)
}

func (d dialect) needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` || strings.ContainsRune(f, d.comma) || strings.ContainsAny(f, "\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}
