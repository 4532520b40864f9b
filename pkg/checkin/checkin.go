package checkin

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
)

// Columns is the header of a check-in file as okrctl writes it.
var Columns = []string{"date", "objective", "key_result", "value", "confidence", "note", "author"}

// MaxConfidence is the top of the confidence scale.
const MaxConfidence = 10

// Entry is one row of a check-in file: a check-in and the key result it is for.
type Entry struct {
	Objective string
	KeyResult string
	okr.CheckIn
}

// IsCheckInHeader reports whether the first line of a CSV file is a
// check-in header: it names date, objective and key_result columns.
func IsCheckInHeader(line []byte) bool {
	line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
	cr := csv.NewReader(bytes.NewReader(line))
	cr.Comma = separator(line)
	rec, err := cr.Read()
	if err != nil {
		return false
	}
	_, ok := columns(rec)
	return ok
}

// Sniff reads the start of r and reports whether it is a check-in file;
// the returned reader reads r from its beginning.
func Sniff(r io.Reader) (io.Reader, bool) {
	br := bufio.NewReaderSize(r, 4096)
	head, _ := br.Peek(4096)
	line, _, _ := bytes.Cut(head, []byte{'\n'})
	return br, IsCheckInHeader(line)
}

func separator(line []byte) rune {
	for _, s := range []byte{'\t', ';', ','} {
		if bytes.IndexByte(line, s) >= 0 {
			return rune(s)
		}
	}
	return ','
}

// index holds the column of each known name, -1 when absent.
type index map[string]int

func columns(rec []string) (index, bool) {
	ix := index{}
	for _, c := range Columns {
		ix[c] = -1
	}
	for i, name := range rec {
		n := strings.ToLower(strings.TrimSpace(name))
		if j, known := ix[n]; known && j < 0 {
			ix[n] = i
		}
	}
	return ix, ix["date"] >= 0 && ix["objective"] >= 0 && ix["key_result"] >= 0
}

func (ix index) get(rec []string, name string) string {
	if i := ix[name]; i >= 0 && i < len(rec) {
		return strings.TrimSpace(rec[i])
	}
	return ""
}

// Read parses a check-in file named name (as displayed). Bad rows are
// skipped and reported, each once, with its line and the cell's column.
func Read(name string, r io.Reader) ([]Entry, []diag.Finding) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, []diag.Finding{{File: name, Line: 1, Column: 1, Rule: kpi.RuleCSV, Message: fmt.Sprintf("cannot read file: %v", err)}}
	}
	var problems []diag.Finding
	bad := func(line, col int, format string, args ...any) {
		problems = append(problems, diag.Finding{File: name, Line: line, Column: col, Rule: kpi.RuleCSV, Message: fmt.Sprintf(format, args...)})
	}
	if !utf8.Valid(data) {
		bad(1, 1, "check-in file is not UTF-8 text: save it as UTF-8")
		return nil, problems
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	first, _, _ := bytes.Cut(data, []byte{'\n'})
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = separator(first)
	cr.FieldsPerRecord = -1
	hdr, err := cr.Read()
	if err != nil {
		bad(1, 1, "cannot read the header: %v", csvErr(err))
		return nil, problems
	}
	ix, ok := columns(hdr)
	if !ok {
		bad(1, 1, "not a check-in file: the header needs date, objective and key_result columns")
		return nil, problems
	}
	var out []Entry
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			bad(pe.Line, max(pe.Column, 1), "%v", csvErr(pe.Err))
			if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
				break // the rest of the file cannot be split reliably
			}
			continue
		}
		if err != nil {
			bad(1, 1, "%v", err)
			break
		}
		line, _ := cr.FieldPos(0)
		col := func(name string) int {
			if i := ix[name]; i >= 0 && i < len(rec) {
				_, c := cr.FieldPos(i)
				return c
			}
			return 1
		}
		if len(rec) > len(hdr) {
			bad(line, 1, "row has %d fields, header has %d", len(rec), len(hdr))
			continue
		}
		e := Entry{Objective: ix.get(rec, "objective"), KeyResult: ix.get(rec, "key_result")}
		e.File, e.Line = name, line
		e.Note, e.Author = ix.get(rec, "note"), ix.get(rec, "author")
		d, err := okr.ParseDate(ix.get(rec, "date"))
		if err != nil {
			bad(line, col("date"), "date %q: want YYYY-MM-DD", ix.get(rec, "date"))
			continue
		}
		e.Date = d
		if e.Objective == "" || e.KeyResult == "" {
			bad(line, col("objective"), "check-in names no objective or key result")
			continue
		}
		if v := ix.get(rec, "value"); v != "" {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
				bad(line, col("value"), "value %q is not a number (write 12.5, without thousands separators)", v)
				continue
			}
			e.Value = &f
		}
		if c := ix.get(rec, "confidence"); c != "" {
			f, err := strconv.ParseFloat(c, 64)
			if err != nil || !(f >= 0 && f <= MaxConfidence) {
				bad(line, col("confidence"), "confidence %q: want a number from 0 to %d", c, MaxConfidence)
				continue
			}
			e.Confidence = &f
		}
		out = append(out, e)
	}
	return out, problems
}

func csvErr(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return strings.TrimSpace(err.Error())
}

// Attach gives each entry to its key result, found by objective id and key
// result id in objectives, and sorts every key result's check-ins oldest
// first (file order breaking ties). An entry for an unknown objective or
// key result is a problem at its line.
func Attach(objectives map[string]*okr.Objective, entries []Entry) []diag.Finding {
	var problems []diag.Finding
	touched := map[*okr.KeyResult]bool{}
	for _, e := range entries {
		o := objectives[e.Objective]
		if o == nil {
			problems = append(problems, diag.Finding{File: e.File, Line: e.Line, Column: 1, Rule: kpi.RuleCSV,
				Message: fmt.Sprintf("check-in for unknown objective %q", e.Objective)})
			continue
		}
		var kr *okr.KeyResult
		for _, k := range o.KeyResults {
			if k.ID == e.KeyResult {
				kr = k
				break
			}
		}
		if kr == nil {
			problems = append(problems, diag.Finding{File: e.File, Line: e.Line, Column: 1, Rule: kpi.RuleCSV,
				Message: fmt.Sprintf("check-in for unknown key result %q of objective %q", e.KeyResult, e.Objective)})
			continue
		}
		kr.CheckIns = append(kr.CheckIns, e.CheckIn)
		touched[kr] = true
	}
	for kr := range touched {
		sort.SliceStable(kr.CheckIns, func(i, j int) bool { return kr.CheckIns[i].Date.Before(kr.CheckIns[j].Date) })
	}
	return problems
}

// Latest returns a key result's latest check-in on or before asOf (any date
// when asOf is zero); ok is false when there is none.
func Latest(kr *okr.KeyResult, asOf time.Time) (okr.CheckIn, bool) {
	for i := len(kr.CheckIns) - 1; i >= 0; i-- {
		if c := kr.CheckIns[i]; asOf.IsZero() || !c.Date.After(asOf) {
			return c, true
		}
	}
	return okr.CheckIn{}, false
}

// Add returns the check-in file data with e appended as a row, and the
// row's line; data is the file's content, nil for a new file (which gets
// the header). The row follows the file's separator and line ends.
func Add(data []byte, e Entry) ([]byte, int, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		data = []byte(strings.Join(Columns, ",") + "\n")
	} else {
		first, _, _ := bytes.Cut(data, []byte{'\n'})
		if !IsCheckInHeader(first) {
			return nil, 0, fmt.Errorf("not a check-in file: its header is not %s", strings.Join(Columns, ","))
		}
	}
	data = slices.Clip(data)
	first, _, _ := bytes.Cut(data, []byte{'\n'})
	cr := csv.NewReader(bytes.NewReader(first))
	cr.Comma = separator(first)
	hdr, _ := cr.Read()
	ix, _ := columns(hdr)
	rec := make([]string, len(hdr))
	set := func(name, v string) {
		if i := ix[name]; i >= 0 {
			rec[i] = v
		}
	}
	num := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	oneLine := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")
	set("date", e.Date.Format(time.DateOnly))
	set("objective", e.Objective)
	set("key_result", e.KeyResult)
	set("value", num(e.Value))
	set("confidence", num(e.Confidence))
	set("note", oneLine.Replace(e.Note))
	set("author", oneLine.Replace(e.Author))
	crlf := bytes.HasSuffix(first, []byte{'\r'})
	if len(data) > 0 && data[len(data)-1] != '\n' {
		if crlf {
			data = append(data, '\r')
		}
		data = append(data, '\n')
	}
	var row bytes.Buffer
	w := csv.NewWriter(&row)
	w.Comma = cr.Comma
	w.UseCRLF = crlf
	_ = w.Write(rec)
	w.Flush()
	line := bytes.Count(data, []byte{'\n'}) + 1
	return append(data, row.Bytes()...), line, nil
}
