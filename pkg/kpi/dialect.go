package kpi

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Dialect says how a snapshot file writes numbers and dates and which of
// its columns hold no KPI. The zero value is the default dialect: a decimal
// point, ISO dates. The settings are documented in docs/formats.md
// ("Snapshot files: layouts and dialects").
type Dialect struct {
	// Decimal is the decimal mark, '.' or ','; the other one is the
	// thousands separator (1,200,000.5 or 1.200.000,5). 0 is '.' as not
	// chosen: then, in a ';'-separated file, the file most likely comes from
	// a spreadsheet in a decimal-comma locale, and a value that the two
	// conventions read differently (212.400: 212.4 or 212400) is refused
	// rather than guessed. Choosing '.' explicitly reads it as 212.4.
	Decimal byte
	// DateFormat is how dates are written; "" is DateISO. YYYY-MM-DD and
	// RFC 3339 timestamps are read whatever the format, being unambiguous.
	DateFormat DateFormat
	// IgnoreColumns are header titles of wide-layout columns that hold no
	// KPI (compared ignoring case); a title starting with '#' is always
	// ignored.
	IgnoreColumns []string
}

// DateFormat is a way of writing dates in snapshot files.
type DateFormat string

// The date formats a Dialect may name. DD/MM/YYYY and MM/DD/YYYY also take
// one-digit days and months and '.' or '-' between the parts.
const (
	DateISO DateFormat = "YYYY-MM-DD"
	DateDMY DateFormat = "DD/MM/YYYY"
	DateMDY DateFormat = "MM/DD/YYYY"
)

// DateFormats lists the date formats, the default first.
func DateFormats() []DateFormat { return []DateFormat{DateISO, DateDMY, DateMDY} }

// ParseDateFormat returns the date format named s (ignoring case).
func ParseDateFormat(s string) (DateFormat, error) {
	for _, f := range DateFormats() {
		if strings.EqualFold(s, string(f)) {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown date format %q (want YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY)", s)
}

// ParseDecimal returns the decimal mark named s: "." or ",".
func ParseDecimal(s string) (byte, error) {
	if s == "." || s == "," {
		return s[0], nil
	}
	return 0, fmt.Errorf(`unknown decimal mark %q (want "." or ",")`, s)
}

// marks returns the decimal mark in use and the thousands separator.
func (d *Dialect) marks() (dec, thou byte) {
	if d.Decimal == ',' {
		return ',', '.'
	}
	return '.', ','
}

// Definition is what the reader needs to know of a KPI document: its id,
// its unit (a value may carry it: 18.9% for %, €212400 for EUR) and the
// column titles under which exported files name it.
type Definition struct {
	ID      string
	Unit    string
	Columns []string
}

// catalog finds the KPI a header cell or kpi cell names.
type catalog struct {
	ids    map[string]*Definition   // by id, exactly
	titles map[string][]*Definition // by column title, lower-cased
}

func newCatalog(defs []Definition) *catalog {
	c := &catalog{ids: make(map[string]*Definition, len(defs)), titles: map[string][]*Definition{}}
	for i := range defs {
		d := &defs[i]
		if _, dup := c.ids[d.ID]; !dup {
			c.ids[d.ID] = d
		}
	}
	for i := range defs {
		d := &defs[i]
		if c.ids[d.ID] != d {
			continue // a duplicate id: the first document counts
		}
		for _, t := range d.Columns {
			key := strings.ToLower(strings.TrimSpace(t))
			if key == "" || slices.Contains(c.titles[key], d) {
				continue
			}
			c.titles[key] = append(c.titles[key], d)
		}
	}
	return c
}

// lookup returns the KPI named: by its id, else by one of its column titles
// ignoring case. It returns every KPI that claims the title when several
// do, and nil when none is named.
func (c *catalog) lookup(name string) []*Definition {
	if c == nil {
		return nil
	}
	if d, ok := c.ids[name]; ok {
		return []*Definition{d}
	}
	return c.titles[strings.ToLower(name)]
}

// claims returns every KPI a header title may mean: the KPI with that id
// and those with that column title. More than one is a conflict in the KPI
// documents, which a wide file's header must not settle silently.
func (c *catalog) claims(name string) []*Definition {
	if c == nil {
		return nil
	}
	ds := c.titles[strings.ToLower(name)]
	if d, ok := c.ids[name]; ok && !slices.Contains(ds, d) {
		ds = append([]*Definition{d}, ds...)
	}
	return ds
}

// Number reading. The fast path, parseValue, reads the plain numbers that
// nearly every file holds; readNumber is the slow path for grouped digits, a
// decimal comma, a unit, and the messages.

// readNumber reads b with decimal mark dec and thousands separator thou:
// an optional sign, digits optionally grouped by threes (1,234,567), an
// optional fraction and an exponent (not after grouped digits). tmp is
// scratch space for the number rewritten for parseValue.
func readNumber(b []byte, dec, thou byte, tmp []byte) (v float64, ok bool, err error) {
	norm := tmp[:0]
	i := 0
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		norm = append(norm, b[i])
		i++
	}
	start := i
	group, groups := 0, 0 // digits in the current group; groups closed by thou
	leadZero := i < len(b) && b[i] == '0'
	for ; i < len(b); i++ {
		c := b[i]
		if isDigit(c) {
			norm = append(norm, c)
			group++
			continue
		}
		if c != thou {
			break
		}
		// A thousands separator: after 1-3 digits (no leading zero) at
		// first, after exactly three later, and followed by a digit.
		if (groups == 0 && (group < 1 || group > 3 || leadZero)) || (groups > 0 && group != 3) || i+1 >= len(b) || !isDigit(b[i+1]) {
			return 0, false, errNotNumber
		}
		groups++
		group = 0
	}
	if groups > 0 && group != 3 {
		return 0, false, errNotNumber
	}
	intDigits := i - start
	fracDigits := 0
	if i < len(b) && b[i] == dec {
		norm = append(norm, '.')
		for i++; i < len(b) && isDigit(b[i]); i++ {
			norm = append(norm, b[i])
			fracDigits++
		}
	}
	rest := b[i:]
	if len(rest) > 0 && (rest[0] == 'e' || rest[0] == 'E') {
		if groups > 0 {
			return 0, false, errNotNumber
		}
		norm = append(norm, rest...)
		rest = nil
	}
	if len(rest) > 0 || intDigits+fracDigits == 0 {
		return 0, false, errNotNumber
	}
	v, err = parseValue(norm)
	if err != nil {
		return 0, false, err
	}
	return v, true, nil
}

// oneGroup reports whether b is 1 to 3 digits (the first not 0), one '.' or
// ',' and exactly three digits, after an optional sign: 212.400, -1,250.
// The two conventions read it differently (212.4 or 212400).
func oneGroup(b []byte) bool {
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		b = b[1:]
	}
	n := len(b)
	if n < 5 || n > 7 || b[0] == '0' {
		return false
	}
	m := n - 4
	if b[m] != '.' && b[m] != ',' {
		return false
	}
	for i, c := range b {
		if i != m && !isDigit(c) {
			return false
		}
	}
	return true
}

// unitMarks returns the marks a value of a KPI with unit may carry: "%"
// for %, the symbol and ISO code of a currency, else the unit as written.
func unitMarks(unit string) []string {
	switch strings.ToLower(strings.TrimSpace(unit)) {
	case "":
		return nil
	case "%", "percent", "pct":
		return []string{"%"}
	case "eur", "euro", "euros", "€":
		return []string{"€", "EUR"}
	case "usd", "$", "us$":
		return []string{"US$", "$", "USD"}
	case "gbp", "£":
		return []string{"£", "GBP"}
	case "jpy", "¥", "yen":
		return []string{"¥", "JPY"}
	case "chf":
		return []string{"CHF"}
	}
	return []string{strings.TrimSpace(unit)}
}

// stripUnit removes one of marks from the start (after an optional sign)
// or the end of b, with the spaces between: "€ 212.400", "-€12", "18.9 %",
// "EUR 212400". Codes compare ignoring case. ok is false when b carries
// none of marks.
func stripUnit(b []byte, marks []string) ([]byte, bool) {
	for _, m := range marks {
		if n := len(b); n > len(m) && hasSuffixFold(b, m) {
			return trimUnitSpace(b[:n-len(m)]), true
		}
		sign := 0
		if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
			sign = 1
		}
		if len(b)-sign > len(m) && hasPrefixFold(b[sign:], m) {
			rest := trimUnitSpace(b[sign+len(m):])
			if sign == 0 {
				return rest, true
			}
			out := make([]byte, 0, 1+len(rest))
			return append(append(out, b[0]), rest...), true
		}
	}
	return b, false
}

func hasSuffixFold(b []byte, s string) bool {
	return len(b) >= len(s) && strings.EqualFold(string(b[len(b)-len(s):]), s)
}

func hasPrefixFold(b []byte, s string) bool {
	return len(b) >= len(s) && strings.EqualFold(string(b[:len(s)]), s)
}

// trimUnitSpace trims spaces, including the no-break spaces spreadsheets
// put between a number and its unit.
func trimUnitSpace(b []byte) []byte {
	return bytes.TrimFunc(b, func(r rune) bool { return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' })
}

// foreignMark returns a percent or currency sign in b, "" if none.
func foreignMark(b []byte) string {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch r {
		case '%', '€', '$', '£', '¥':
			return string(r)
		}
		b = b[n:]
	}
	return ""
}
