package kpi

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// fileData is what one file holds, read without touching the Store so that
// files can be read in parallel and merged in order.
type fileData struct {
	name     string
	index    int32 // the file's index in Store.Files
	ids      map[string]int32
	kpis     []fileKPI
	problems []Problem

	// The last KPI id and date seen: consecutive rows often repeat them.
	lastID   string
	lastIdx  int32
	lastDate [10]byte
	lastDay  Day
	haveDate bool
}

// fileKPI is one KPI's points in one file and where the file first names it.
// The points are kept in chunks, copied once into one slice of the exact size
// when the file is merged: growing one slice by append would copy and clear
// several times as much memory.
type fileKPI struct {
	id        string
	chunks    [][]Point // full chunks
	cur       []Point   // the chunk being filled
	n         int       // points in chunks and cur
	line, col int32
}

const (
	firstChunk = 16
	maxChunk   = 1024 // 24 KiB: a long series wastes little in its last chunk
)

func (k *fileKPI) add(p Point) {
	if len(k.cur) == cap(k.cur) {
		size := firstChunk
		if k.cur != nil {
			k.chunks = append(k.chunks, k.cur)
			size = min(2*cap(k.cur), maxChunk)
		}
		k.cur = make([]Point, 0, size)
	}
	k.cur = append(k.cur, p)
	k.n++
}

// appendTo appends the points to dst, growing it once.
func (k *fileKPI) appendTo(dst []Point) []Point {
	if len(dst) == 0 && len(k.chunks) == 0 {
		return k.cur // a short series: no copy
	}
	dst = slices.Grow(dst, k.n)
	for _, c := range k.chunks {
		dst = append(dst, c...)
	}
	return append(dst, k.cur...)
}

// header is a file's layout, decided by its first record.
type header struct {
	wide  bool
	names []string // trimmed, as written
	// long layout: the indexes of the date, kpi and value columns
	date, kpi, value int
	// wide layout: the file's KPI index of each column (cols[0] is unused)
	cols []int32
}

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// readFile reads one snapshot file into a fileData; every problem it finds
// is in the result.
func readFile(name string, index int32, r io.Reader) *fileData {
	f := &fileData{name: name, index: index, ids: make(map[string]int32), lastIdx: -1}
	br := bufio.NewReaderSize(r, bufSize)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		_, _ = br.Discard(len(utf8BOM))
	case bytes.HasPrefix(head, utf16LEBOM), bytes.HasPrefix(head, utf16BEBOM):
		f.problem(1, 1, "file is UTF-16 text: save it as UTF-8 (in Excel: CSV UTF-8)")
		return f
	}

	sc := &scanner{br: br}
	if !sc.next() {
		if sc.err != nil {
			f.readError(sc)
		} else {
			f.problem(1, 1, "file is empty: want a header such as date,kpi,value")
		}
		return f
	}
	h, ok := f.header(sc)
	if !ok {
		return f
	}
	for sc.next() {
		switch {
		case sc.badMsg != "":
			f.problem(sc.badLine, sc.badCol, sc.badMsg)
		case len(sc.cells) != len(h.names):
			f.problem(sc.recLine, 1, fmt.Sprintf("row has %s, header has %d", plural(len(sc.cells), "field"), len(h.names)))
		case h.wide:
			f.wideRow(h, sc.cells)
		default:
			f.longRow(h, sc.cells)
		}
	}
	if sc.err != nil {
		f.readError(sc)
	}
	return f
}

// header decides the file's layout from its first record; ok is false, with
// the reasons among f's problems, when the header is neither layout.
func (f *fileData) header(sc *scanner) (h *header, ok bool) {
	if sc.badMsg != "" {
		f.problem(sc.badLine, sc.badCol, sc.badMsg)
		return nil, false
	}
	cells, line := sc.cells, sc.recLine
	for _, c := range cells {
		if bytes.IndexByte(c.b, '\r') >= 0 {
			f.problem(line, 1, "file uses CR (classic Mac) line endings: save it with LF or CRLF line endings")
			return nil, false
		}
	}
	h = &header{names: make([]string, len(cells)), date: -1, kpi: -1, value: -1}
	before := len(f.problems)
	seen := make(map[string]int, len(cells))
	for i, c := range cells {
		name := string(c.b)
		h.names[i] = name
		if name == "" {
			continue
		}
		key := name
		switch lower := strings.ToLower(name); lower {
		case "date", "kpi", "value":
			key = lower
			if idx := h.column(lower); *idx < 0 {
				*idx = i
			}
		}
		if j, dup := seen[key]; dup {
			f.problem(int(c.line), int(c.col), fmt.Sprintf("column %q appears twice (columns %d and %d)", name, j+1, i+1))
		} else {
			seen[key] = i
		}
	}

	switch {
	case h.date == 0 && (h.kpi < 0 || h.value < 0):
		// Wide, even with a KPI whose id is "kpi" or "value": only the
		// three columns together make the long layout (SPEC §2.3).
		h.wide, h.kpi, h.value = true, -1, -1
		if len(cells) == 1 {
			f.problem(line, 1, `header has only a "date" column: add a column per KPI (wide layout) or kpi and value columns (long layout)`)
		}
		for i, c := range cells[1:] {
			if len(c.b) == 0 {
				f.problem(int(c.line), int(c.col), fmt.Sprintf(`column %d has no name: in the wide layout every column after "date" names a KPI`, i+2))
			}
		}
	case h.kpi >= 0 || h.value >= 0:
		var missing []string
		for _, name := range []string{"date", "kpi", "value"} {
			if *h.column(name) < 0 {
				missing = append(missing, strconv.Quote(name))
			}
		}
		if len(missing) > 0 {
			f.problem(line, 1, fmt.Sprintf("header has no %s column: the long layout needs date, kpi and value columns", strings.Join(missing, " or ")))
		}
	case h.date > 0:
		c := cells[h.date]
		f.problem(int(c.line), int(c.col), fmt.Sprintf(`column %q must be the first column of a wide-layout file; a long-layout file needs kpi and value columns too`, h.names[h.date]))
	default:
		if _, isDate := parseDay(cells[0].b); isDate {
			f.problem(line, 1, "the first line must be a header such as date,kpi,value, not data")
		} else {
			f.problem(line, 1, `header has no "date" column: want date,kpi,value (long layout) or date,<kpi>,<kpi>… (wide layout)`)
		}
	}
	if len(f.problems) > before {
		slices.SortStableFunc(f.problems[before:], func(a, b Problem) int { return a.Col - b.Col })
		return nil, false
	}
	if h.wide {
		h.cols = make([]int32, len(cells))
		for i, c := range cells[1:] {
			h.cols[i+1] = f.intern(c.b, c.line, c.col)
		}
	}
	return h, true
}

// column returns a pointer to the index of the long layout's column name.
func (h *header) column(name string) *int {
	switch name {
	case "date":
		return &h.date
	case "kpi":
		return &h.kpi
	}
	return &h.value
}

// longRow reads a date,kpi,value record; every bad cell is a problem and a
// row with one is skipped.
func (f *fileData) longRow(h *header, cells []cell) {
	dc, kc, vc := cells[h.date], cells[h.kpi], cells[h.value]
	day, dateOK := f.day(h, dc)
	k := int32(-1)
	id := ""
	if len(kc.b) == 0 {
		f.problem(int(kc.line), int(kc.col), fmt.Sprintf("missing KPI id in column %q", h.names[h.kpi]))
	} else {
		k = f.intern(kc.b, kc.line, kc.col)
		id = f.kpis[k].id
	}
	if len(vc.b) == 0 {
		msg := "missing value"
		if id != "" {
			msg += fmt.Sprintf(" for KPI %q", id)
		}
		f.problem(int(vc.line), int(vc.col), msg)
		return
	}
	v, ok := f.value(vc, id)
	if ok && dateOK && k >= 0 {
		f.kpis[k].add(Point{Day: day, Col: vc.col, Value: v, File: f.index, Line: vc.line})
	}
}

// wideRow reads a date,<kpi>,<kpi>… record. A bad date skips the row; a bad
// value skips only its cell, since each cell is a measurement of its own.
func (f *fileData) wideRow(h *header, cells []cell) {
	day, ok := f.day(h, cells[0])
	if !ok {
		return
	}
	for i := 1; i < len(cells); i++ {
		c := cells[i]
		if len(c.b) == 0 {
			continue
		}
		k := h.cols[i]
		if v, ok := f.value(c, f.kpis[k].id); ok {
			f.kpis[k].add(Point{Day: day, Col: c.col, Value: v, File: f.index, Line: c.line})
		}
	}
}

// day parses a date cell, reporting a problem if it is bad.
func (f *fileData) day(h *header, c cell) (Day, bool) {
	if len(c.b) == 10 && f.haveDate && string(c.b) == string(f.lastDate[:]) {
		return f.lastDay, true
	}
	d, ok := parseDay(c.b)
	switch {
	case ok && len(c.b) == 10:
		copy(f.lastDate[:], c.b)
		f.lastDay, f.haveDate = d, true
	case !ok && len(c.b) == 0:
		f.problem(int(c.line), int(c.col), fmt.Sprintf("missing date in column %q", h.names[h.date]))
	case !ok:
		f.problem(int(c.line), int(c.col), fmt.Sprintf("invalid date %q in column %q: want YYYY-MM-DD", c.b, h.names[h.date]))
	}
	return d, ok
}

// value parses a value cell of KPI id (which may be empty), reporting a
// problem if it is not a plain decimal number.
func (f *fileData) value(c cell, id string) (float64, bool) {
	v, err := parseValue(c.b)
	if err == nil {
		return v, true
	}
	msg := fmt.Sprintf("value %q", c.b)
	if id != "" {
		msg += fmt.Sprintf(" for KPI %q", id)
	}
	f.problem(int(c.line), int(c.col), msg+" "+err.Error())
	return 0, false
}

var (
	errNotNumber  = errors.New("is not a number")
	errOutOfRange = errors.New("is out of range")
)

// parseValue parses a plain decimal number: an optional sign, digits with
// an optional decimal point, and an optional exponent. strconv.ParseFloat
// alone would also take NaN, Inf, hexadecimal and digit separators.
//
// Numbers of at most 15 significant digits with a small decimal exponent,
// nearly all snapshot values, are converted here with one correctly rounded
// multiplication or division of exact float64s (Clinger's fast path, as
// strconv does first); the rest go to strconv.ParseFloat.
func parseValue(b []byte) (float64, error) {
	i := 0
	neg := false
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		neg = b[i] == '-'
		i++
	}
	var mant uint64
	digits, frac := 0, 0 // digits counts all of them, frac those after the point
	for ; i < len(b) && isDigit(b[i]); i++ {
		mant = mant*10 + uint64(b[i]-'0')
		digits++
	}
	if i < len(b) && b[i] == '.' {
		for i++; i < len(b) && isDigit(b[i]); i++ {
			mant = mant*10 + uint64(b[i]-'0')
			digits++
			frac++
		}
	}
	if digits == 0 {
		return 0, errNotNumber
	}
	exp, expDigits := 0, 0
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		expNeg := false
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			expNeg = b[i] == '-'
			i++
		}
		for ; i < len(b) && isDigit(b[i]); i++ {
			if exp < 10000 {
				exp = exp*10 + int(b[i]-'0')
			}
			expDigits++
		}
		if expDigits == 0 {
			return 0, errNotNumber
		}
		if expNeg {
			exp = -exp
		}
	}
	if i != len(b) {
		return 0, errNotNumber
	}
	if digits <= 15 { // so mant < 10^15 < 2^53 is exact and did not overflow
		f := float64(mant)
		switch e := exp - frac; {
		case e == 0:
		case 0 < e && e <= 22:
			f *= pow10[e]
		case -22 <= e && e < 0:
			f /= pow10[-e]
		default:
			return parseFloat(b)
		}
		if neg {
			f = -f
		}
		return f, nil
	}
	return parseFloat(b)
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

func parseFloat(b []byte) (float64, error) {
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return 0, errOutOfRange
	}
	return v, nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// intern returns the file's index for KPI id b, adding it (first seen at
// line:col) if it is new; looking up string(b) in a map does not allocate.
func (f *fileData) intern(b []byte, line, col int32) int32 {
	if string(b) == f.lastID {
		return f.lastIdx
	}
	i, ok := f.ids[string(b)]
	if !ok {
		i = int32(len(f.kpis))
		id := string(b)
		f.ids[id] = i
		f.kpis = append(f.kpis, fileKPI{id: id, line: line, col: col})
	}
	f.lastID, f.lastIdx = f.kpis[i].id, i
	return i
}

func (f *fileData) problem(line, col int, msg string) {
	f.problems = append(f.problems, Problem{File: f.name, Line: line, Col: col, Rule: RuleCSV, Message: msg})
}

// readError reports a read error at the line that could not be read.
func (f *fileData) readError(sc *scanner) {
	f.problem(sc.line+1, 1, "cannot read: "+errText(sc.err))
}

// errText drops the path from an *fs.PathError: the problem names the file.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
