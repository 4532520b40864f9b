package kpi

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// misses gathers a file's dates and numbers that its dialect does not read
// but another would: a spreadsheet export read without its settings fails
// on every row in the same way, so one problem, at the first such cell,
// names the settings and counts the other rows, instead of one a row.
type misses struct {
	line, col int32 // the first cell
	rows      int   // rows with at least one
	lastRow   int

	date             []byte // the first date, as written
	dmyOnly, mdyOnly bool   // some date reads only as DD/MM/YYYY, MM/DD/YYYY
	number           []byte // the first number of the other convention
	ambiguous        []byte // the first number the conventions read differently
}

func (f *fileData) missAt(c cell) {
	m := &f.miss
	if m.rows == 0 {
		m.line, m.col = c.line, c.col
	}
	if row := f.sc.recLine; row != m.lastRow {
		m.rows++
		m.lastRow = row
	}
}

// missDate records a date of another format; dmy and mdy say which formats
// read it.
func (f *fileData) missDate(c cell, dmy, mdy bool) {
	f.missAt(c)
	m := &f.miss
	if m.date == nil {
		m.date = slices.Clone(c.b)
	}
	m.dmyOnly = m.dmyOnly || (dmy && !mdy)
	m.mdyOnly = m.mdyOnly || (mdy && !dmy)
}

// missNumber records a number b (the cell's text, less its unit) that
// only the other convention reads, or that the two read differently.
func (f *fileData) missNumber(c cell, b []byte, ambiguous bool) {
	f.missAt(c)
	m := &f.miss
	switch {
	case ambiguous && m.ambiguous == nil:
		m.ambiguous = slices.Clone(b)
	case !ambiguous && m.number == nil:
		m.number = slices.Clone(b)
	}
}

// reportMisses adds the one problem that describes the misses, in line
// order among the file's problems.
func (f *fileData) reportMisses() {
	m := &f.miss
	if m.rows == 0 {
		return
	}
	var facts, settings []string
	var numEx []byte // a number that needs a decimal comma
	if m.number != nil {
		if f.dec == '.' {
			numEx = m.number
			facts = append(facts, fmt.Sprintf("numbers such as %q have a decimal comma", m.number))
			settings = append(settings, `snapshots.decimal: ","`)
		} else {
			facts = append(facts, fmt.Sprintf(`numbers such as %q have a decimal point, but snapshots.decimal is ","`, m.number))
			settings = append(settings, `snapshots.decimal: "."`)
		}
	}
	if m.ambiguous != nil {
		v, _, _ := readNumber(m.ambiguous, '.', ',', nil)
		w, _, _ := readNumber(m.ambiguous, ',', '.', nil)
		if math.Abs(v) < math.Abs(w) {
			v, w = w, v
		}
		facts = append(facts, fmt.Sprintf(`%q may be %g or %g, and this file is ;-separated, as spreadsheets write where the decimal mark is a comma`, m.ambiguous, v, w))
		if numEx == nil {
			numEx = m.ambiguous
			settings = append(settings, `snapshots.decimal: "," (or "." if it means the smaller number)`)
		}
	}
	dmy := false
	if m.date != nil {
		format := "DD/MM/YYYY or MM/DD/YYYY"
		switch {
		case m.dmyOnly && !m.mdyOnly:
			format, dmy = string(DateDMY), true
		case m.mdyOnly && !m.dmyOnly:
			format = string(DateMDY)
		}
		if df := f.dialect.DateFormat; df != "" && df != DateISO {
			facts = append(facts, fmt.Sprintf("dates such as %q are not %s", m.date, df))
		} else {
			facts = append(facts, fmt.Sprintf("dates such as %q are not YYYY-MM-DD", m.date))
		}
		settings = append(settings, "snapshots.date_format: "+format)
	}
	msg := strings.Join(facts, "; ") + ": set " + strings.Join(settings, " and ") + " in .okrctl.yaml"
	if numEx != nil && dmy {
		msg = fmt.Sprintf(`this file looks like an Italian or Spanish Excel export (dates such as %q, numbers such as %q): set snapshots.decimal: "," and snapshots.date_format: DD/MM/YYYY in .okrctl.yaml`, m.date, numEx)
	}
	if m.rows > 1 {
		msg += fmt.Sprintf(" (and %s like it)", plural(m.rows-1, "more row"))
	}
	p := Problem{File: f.name, Line: int(m.line), Col: int(m.col), Rule: RuleCSV, Message: msg}
	i := slices.IndexFunc(f.problems, func(q Problem) bool { return q.Line > p.Line || (q.Line == p.Line && q.Col > p.Col) })
	if i < 0 {
		i = len(f.problems)
	}
	f.problems = slices.Insert(f.problems, i, p)
}
