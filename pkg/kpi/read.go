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

	"github.com/okrctl/okrctl/internal/plural"
	"github.com/okrctl/okrctl/pkg/diag"
)

// fileData is what one file holds, read without touching the Store so that
// files can be read in parallel and merged in order.
type fileData struct {
	name     string
	index    int32 // the file's index in Store.Files
	ids      map[string]int32
	kpis     []fileKPI
	problems []diag.Finding

	dialect    *Dialect
	cat        *catalog // the KPI documents, nil when unknown
	dec, thou  byte     // the decimal mark and thousands separator
	unset      bool     // the decimal mark was not chosen: see shape
	pointSeen  bool     // a value only the decimal point reads was kept
	pending    []pendingPoint
	sc         *scanner // where the current record starts: sc.recLine
	miss       misses
	numScratch []byte

	// The last KPI name and date seen: consecutive rows often repeat them.
	lastName string
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
	name      string // as the file writes it: the id or a column title
	id        string
	unit      string
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
	// wide layout: the file's KPI index of each column (cols[0] is unused),
	// -1 for an ignored column
	cols []int32
}

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// readFile reads one snapshot file in dialect d into a fileData; cat, which
// may be nil, names the KPIs of column titles and gives their units. Every
// problem the file has is in the result.
func readFile(name string, index int32, r io.Reader, d *Dialect, cat *catalog) *fileData {
	f := &fileData{name: name, index: index, ids: make(map[string]int32), lastIdx: -1, dialect: d, cat: cat}
	f.dec, f.thou = d.marks()
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
	f.unset = d.Decimal == 0
	f.sc = sc
	// A row of separators only (;; at the end of an export) is skipped; it
	// is looked for only where a row fails, to keep the common path short.
	for sc.next() {
		switch {
		case sc.badMsg != "":
			f.problem(sc.badLine, sc.badCol, sc.badMsg)
		case len(sc.cells) != len(h.names):
			if !allEmpty(sc.cells) {
				f.problem(sc.recLine, 1, fmt.Sprintf("row has %s, header has %d", plural.Of(len(sc.cells), "field"), len(h.names)))
			}
		case h.wide:
			f.wideRow(h, sc.cells)
		default:
			f.longRow(h, sc.cells)
		}
	}
	if sc.err != nil {
		f.readError(sc)
	}
	f.reportMisses()
	// Ambiguous numbers the file never settled stay unread (reportMisses
	// says why), but their rows still take their day: a second row for the
	// same day is a duplicate, as it is once the setting is given. Finish
	// drops these placeholders after judging duplicates.
	for _, q := range f.pending {
		q.p.Value = unread
		f.kpis[q.k].add(q.p)
	}
	f.pending = nil
	return f
}

func allEmpty(cells []cell) bool {
	for _, c := range cells {
		if len(c.b) > 0 {
			return false
		}
	}
	return true
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
		// three columns together make the long layout (docs/formats.md).
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
		} else if first := string(cells[0].b); slices.Contains(localDate, strings.ToLower(first)) {
			f.problem(line, 1, fmt.Sprintf(`header has no "date" column: name the first column "date" instead of %q`, first))
		} else {
			f.problem(line, 1, `header has no "date" column: want date,kpi,value (long layout) or date,<kpi>,<kpi>… (wide layout)`)
		}
	}
	if len(f.problems) > before {
		slices.SortStableFunc(f.problems[before:], func(a, b diag.Finding) int { return a.Column - b.Column })
		return nil, false
	}
	if h.wide {
		return h, f.wideColumns(h, cells)
	}
	return h, true
}

// wideColumns finds the KPI of each column of a wide header: by id or
// column title; a title starting with '#' or listed in IgnoreColumns is no
// KPI. It reports a title that several KPIs claim and two columns of one
// KPI.
func (f *fileData) wideColumns(h *header, cells []cell) bool {
	h.cols = make([]int32, len(cells))
	h.cols[0] = -1
	byID := map[string]int{}
	ok := true
	for i := 1; i < len(cells); i++ {
		c := cells[i]
		if f.ignoredColumn(h.names[i]) {
			h.cols[i] = -1
			continue
		}
		if ds := f.cat.claims(h.names[i]); len(ds) > 1 {
			msg := fmt.Sprintf("column %q is a column title of KPIs %q and %q: give it to one of them", h.names[i], ds[0].ID, ds[1].ID)
			if ds[0].ID == h.names[i] {
				msg = fmt.Sprintf("column %q is the id of KPI %q and a column title of KPI %q: take it out of that KPI's column list", h.names[i], ds[0].ID, ds[1].ID)
			}
			f.problem(int(c.line), int(c.col), msg)
			ok = false
			continue
		}
		k := f.intern(c.b, c.line, c.col)
		h.cols[i] = k
		id := f.kpis[k].id
		if j, dup := byID[id]; dup {
			f.problem(int(c.line), int(c.col), fmt.Sprintf("columns %q and %q both hold KPI %q (columns %d and %d)", h.names[j], h.names[i], id, j+1, i+1))
			ok = false
		}
		byID[id] = i
	}
	if !ok { // the file is not read: it names no KPI
		f.kpis, f.ids = nil, make(map[string]int32)
	}
	return ok
}

// ignoredColumn reports whether a wide-layout column holds no KPI.
func (f *fileData) ignoredColumn(title string) bool {
	if strings.HasPrefix(title, "#") {
		return true
	}
	for _, t := range f.dialect.IgnoreColumns {
		if strings.EqualFold(strings.TrimSpace(t), title) {
			return true
		}
	}
	return false
}

// localDate are the names spreadsheets in other languages give a date
// column: the header names it "date".
var localDate = []string{"data", "fecha", "día", "dia", "giorno", "datum", "fecha y hora", "data e ora"}

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
	if len(dc.b) == 0 && allEmpty(cells) {
		return
	}
	day, dateOK := f.day(h, dc)
	k := int32(-1)
	id := ""
	if len(kc.b) == 0 {
		f.problem(int(kc.line), int(kc.col), fmt.Sprintf("missing KPI id in column %q", h.names[h.kpi]))
	} else {
		k = f.intern(kc.b, kc.line, kc.col)
		id = f.kpis[k].name
	}
	if len(vc.b) == 0 {
		msg := "missing value"
		if id != "" {
			msg += fmt.Sprintf(" for KPI %q", id)
		}
		f.problem(int(vc.line), int(vc.col), msg)
		return
	}
	v, ok, sh := f.value(vc, k)
	if ok && dateOK && k >= 0 {
		p := Point{Day: day, Col: vc.col, Value: v, File: f.index, Line: vc.line}
		if sh == shapeNone {
			f.kpis[k].add(p)
		} else {
			f.addShaped(k, p, sh)
		}
	}
}

// wideRow reads a date,<kpi>,<kpi>… record. A bad date skips the row; a bad
// value skips only its cell, since each cell is a measurement of its own.
func (f *fileData) wideRow(h *header, cells []cell) {
	if len(cells[0].b) == 0 && allEmpty(cells) {
		return
	}
	day, ok := f.day(h, cells[0])
	if !ok {
		if f.miss.row == f.sc.recLine && f.miss.rowDef {
			f.probeValues(h, cells)
		}
		return
	}
	for i := 1; i < len(cells); i++ {
		c := cells[i]
		if len(c.b) == 0 {
			continue
		}
		k := h.cols[i]
		if k < 0 {
			continue
		}
		if v, ok, sh := f.value(c, k); ok {
			p := Point{Day: day, Col: c.col, Value: v, File: f.index, Line: c.line}
			if sh == shapeNone {
				f.kpis[k].add(p)
			} else {
				f.addShaped(k, p, sh)
			}
		}
	}
}

// probeValues reads the values of a row skipped for a date of another
// format, only to learn whether they are of another convention too: the
// one problem for the file then names every setting to change.
func (f *fileData) probeValues(h *header, cells []cell) {
	n := len(f.problems)
	for i := 1; i < len(cells); i++ {
		if k := h.cols[i]; k >= 0 && len(cells[i].b) > 0 {
			f.value(cells[i], k)
		}
	}
	f.problems = f.problems[:n]
}

// day parses a date cell, reporting a problem if it is bad.
func (f *fileData) day(h *header, c cell) (Day, bool) {
	if len(c.b) == 10 && f.haveDate && string(c.b) == string(f.lastDate[:]) {
		return f.lastDay, true
	}
	d, miss, dmy, mdy := parseDate(c.b, f.dialect.DateFormat)
	switch {
	case miss == dateOK:
		if len(c.b) == 10 {
			copy(f.lastDate[:], c.b)
			f.lastDay, f.haveDate = d, true
		}
		return d, true
	case len(c.b) == 0:
		f.problem(int(c.line), int(c.col), fmt.Sprintf("missing date in column %q", h.names[h.date]))
	case miss == dateOtherFormat:
		f.missDate(c, dmy, mdy)
	case miss == dateNotMidnight:
		f.problem(int(c.line), int(c.col), fmt.Sprintf("date-time %q in column %q has a time of day other than midnight and no time zone: write the date alone, or an RFC 3339 timestamp (2026-01-31T10:00:00Z)", c.b, h.names[h.date]))
	default:
		f.problem(int(c.line), int(c.col), fmt.Sprintf("invalid date %q in column %q: want %s", c.b, h.names[h.date], f.wantDate()))
	}
	return 0, false
}

// wantDate says which dates the file's format reads.
func (f *fileData) wantDate() string {
	const iso = "YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)"
	if df := f.dialect.DateFormat; df != "" && df != DateISO {
		return fmt.Sprintf("%s (snapshots.date_format), %s", df, iso)
	}
	return iso
}

// value parses a value cell of the file's KPI k (-1 when the row names
// none), reporting a problem if it is not a number. Its shape matters only
// while the decimal mark is not chosen and the file has shown none.
func (f *fileData) value(c cell, k int32) (float64, bool, shape) {
	if f.dec == '.' {
		if v, err := parseValue(c.b); err == nil {
			if f.unset && !f.pointSeen {
				return v, true, f.shapeOf(c, c.b)
			}
			return v, true, shapeNone
		}
	} else if bytes.IndexByte(c.b, '.') < 0 && bytes.IndexByte(c.b, ',') < 0 {
		if v, err := parseValue(c.b); err == nil {
			return v, true, shapeNone
		}
	}
	return f.slowValue(c, k)
}

// shape is what a number read with a decimal point says of the file's
// convention.
type shape uint8

const (
	shapeNone      shape = iota // nothing: 412, or the convention is known
	shapePoint                  // only a decimal point reads it: 10.4, 0.125, 1,200,000
	shapeAmbiguous              // the conventions read it differently: 212.400, 1,250
)

// shapeOf tells the shape of number b, read with a decimal point, and
// records an ambiguous one as a tentative miss. Under the default dialect
// an ambiguous number is kept aside until the file shows its convention:
// a number only the decimal point reads makes it 212.4; none, by the end of
// the file, makes it an error that names snapshots.decimal. Guessing either
// way would read some real files wrong (docs/formats.md).
func (f *fileData) shapeOf(c cell, b []byte) shape {
	if bytes.IndexByte(b, '.') < 0 && bytes.IndexByte(b, ',') < 0 {
		return shapeNone
	}
	if oneGroup(b) {
		f.missAmbiguous(c, b)
		return shapeAmbiguous
	}
	if _, ok, _ := readNumber(b, ',', '.', f.numScratch[:0]); ok {
		return shapeNone
	}
	return shapePoint
}

// pendingPoint is a point of an ambiguous number, kept aside.
type pendingPoint struct {
	k int32
	p Point
}

// addShaped adds a point of shape sh to KPI k: a point of an ambiguous
// number is kept aside until a point only the decimal point reads comes.
// (A point of no shape is added in place, where the compiler inlines it.)
func (f *fileData) addShaped(k int32, p Point, sh shape) {
	switch {
	case sh == shapePoint && !f.pointSeen:
		f.pointSeen = true
		for _, q := range f.pending {
			f.kpis[q.k].add(q.p)
		}
		f.pending = nil
	case sh == shapeAmbiguous && !f.pointSeen:
		f.pending = append(f.pending, pendingPoint{k, p})
		return
	}
	f.kpis[k].add(p)
}

// slowValue reads what parseValue does not: grouped digits, a decimal
// comma, a value with its KPI's unit; it names the setting that would read
// a value of the other convention.
func (f *fileData) slowValue(c cell, k int32) (float64, bool, shape) {
	id, unit := "", ""
	if k >= 0 {
		id, unit = f.kpis[k].id, f.kpis[k].unit
	}
	b := c.b
	if s, ok := stripUnit(b, unitMarks(unit)); ok {
		b = s
	}
	v, ok, err := readNumber(b, f.dec, f.thou, f.numScratch[:0])
	if ok {
		if f.unset && !f.pointSeen {
			return v, true, f.shapeOf(c, b)
		}
		return v, true, shapeNone
	}
	if num, ambiguous := f.otherConvention(b); err != errOutOfRange && num != nil {
		f.missNumber(c, num, ambiguous)
		return 0, false, shapeNone
	}
	msg := fmt.Sprintf("value %q", c.b)
	if id != "" {
		msg += fmt.Sprintf(" for KPI %q", id)
	}
	switch m := foreignMark(b); {
	case err == errOutOfRange:
		msg += " " + err.Error()
	case m != "" && id != "" && f.cat != nil && f.cat.ids[id] != nil && unit == "":
		msg += fmt.Sprintf(" is not a number: to write its values with %q, give KPI %q the unit %s", m, id, m)
	case m != "" && unit != "":
		msg += fmt.Sprintf(" is not a number: %q is not the unit of KPI %q (%s)", m, id, unit)
	default:
		msg += " " + errNotNumber.Error()
	}
	f.problem(int(c.line), int(c.col), msg)
	return 0, false, shapeNone
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

// otherConvention returns the number in b if the other decimal mark reads
// it, or, less a percent or currency mark, reads it when this one does not
// or differently (ambiguous): a file read without its settings then fails
// in one way, whatever the KPIs' units. It returns nil otherwise.
func (f *fileData) otherConvention(b []byte) (num []byte, ambiguous bool) {
	if _, ok, _ := readNumber(b, f.thou, f.dec, f.numScratch[:0]); ok {
		return b, false
	}
	if m := foreignMark(b); m != "" {
		if s, ok := stripUnit(b, []string{m}); ok {
			_, this, _ := readNumber(s, f.dec, f.thou, f.numScratch[:0])
			_, other, _ := readNumber(s, f.thou, f.dec, f.numScratch[:0])
			switch {
			case this && f.unset && !f.pointSeen && oneGroup(s):
				return s, true
			case other && !this:
				return s, false
			}
		}
	}
	return nil, false
}

// intern returns the file's index for the KPI named b (its id or one of its
// column titles), adding it (first seen at line:col) if it is new; looking
// up string(b) in a map does not allocate.
func (f *fileData) intern(b []byte, line, col int32) int32 {
	if string(b) == f.lastName { // b is never empty, lastName at first is
		return f.lastIdx
	}
	i, ok := f.ids[string(b)]
	if !ok {
		i = f.addKPI(string(b), line, col)
	}
	f.lastName, f.lastIdx = f.kpis[i].name, i
	return i
}

// addKPI adds the KPI named name, first seen at line:col, and returns its
// index; apart from intern, which is inlined in the reader's hot path.
func (f *fileData) addKPI(name string, line, col int32) int32 {
	i := int32(len(f.kpis))
	k := fileKPI{name: name, id: name, line: line, col: col}
	if ds := f.cat.lookup(name); len(ds) == 1 {
		k.id, k.unit = ds[0].ID, ds[0].Unit
	}
	f.ids[name] = i
	f.kpis = append(f.kpis, k)
	return i
}

func (f *fileData) problem(line, col int, msg string) {
	f.problems = append(f.problems, diag.Finding{File: f.name, Line: line, Column: col, Rule: RuleCSV, Message: msg})
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
