package kpi

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/okrctl/okrctl/internal/plural"
	"github.com/okrctl/okrctl/pkg/diag"
)

// misses gathers a file's dates and numbers that its dialect does not read
// but another would: a spreadsheet export read without its settings fails
// on every row in the same way, so one problem, at the first such cell,
// names the settings and counts the other rows, instead of one a row.
//
// Ambiguous numbers under the default dialect are tentative misses: they
// count only if the file never shows its decimal mark (see shapeOf).
type misses struct {
	def, amb      cellPos // the first definite and tentative miss
	rows, ambRows int     // rows with a definite miss; with only tentative ones
	row           int     // the row being read, and what it has
	rowDef        bool
	rowAmb        bool

	date             []byte // the first date, as written
	dmyOnly, mdyOnly bool   // some date reads only as DD/MM/YYYY, MM/DD/YYYY
	number           []byte // the first number of the other convention
	ambiguous        []byte // the first number the conventions read differently
	tentative        []byte // the first such number kept aside
}

type cellPos struct{ line, col int32 }

func (m *misses) commitRow() {
	switch {
	case m.rowDef:
		m.rows++
	case m.rowAmb:
		m.ambRows++
	}
	m.rowDef, m.rowAmb = false, false
}

// missAt records a miss in cell c of the current row.
func (f *fileData) missAt(c cell, tentative bool) {
	m := &f.miss
	if row := f.sc.recLine; row != m.row {
		m.commitRow()
		m.row = row
	}
	at := cellPos{c.line, c.col}
	if tentative {
		if m.amb.line == 0 {
			m.amb = at
		}
		m.rowAmb = true
		return
	}
	if m.def.line == 0 {
		m.def = at
	}
	m.rowDef = true
}

// missDate records a date of another format; dmy and mdy say which formats
// read it.
func (f *fileData) missDate(c cell, dmy, mdy bool) {
	f.missAt(c, false)
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
	f.missAt(c, false)
	m := &f.miss
	switch {
	case ambiguous && m.ambiguous == nil:
		m.ambiguous = slices.Clone(b)
	case !ambiguous && m.number == nil:
		m.number = slices.Clone(b)
	}
}

// missAmbiguous records a number the conventions read differently, kept
// aside until the file shows its decimal mark.
func (f *fileData) missAmbiguous(c cell, b []byte) {
	f.missAt(c, true)
	if f.miss.tentative == nil {
		f.miss.tentative = slices.Clone(b)
	}
}

// reportMisses adds the one problem that describes the misses, in line
// order among the file's problems.
func (f *fileData) reportMisses() {
	m := &f.miss
	m.commitRow()
	first := m.def
	if f.pointSeen || m.ambRows == 0 && m.tentative == nil {
		m.ambRows = 0 // the file writes decimal points: 212.400 is 212.4
	} else {
		if m.ambiguous == nil {
			m.ambiguous = m.tentative
		}
		if first.line == 0 || m.amb.line < first.line || (m.amb.line == first.line && m.amb.col < first.col) {
			first = m.amb
		}
	}
	rows := m.rows + m.ambRows
	if rows == 0 {
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
		facts = append(facts, fmt.Sprintf(`numbers such as %q may be %g or %g, and no number in this file shows its decimal mark`, m.ambiguous, v, w))
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
	if rows > 1 {
		msg += fmt.Sprintf(" (and %s like it)", plural.Of(rows-1, "more row"))
	}
	p := diag.Finding{File: f.name, Line: int(first.line), Column: int(first.col), Rule: RuleCSV, Message: msg}
	i := slices.IndexFunc(f.problems, func(q diag.Finding) bool { return q.Line > p.Line || (q.Line == p.Line && q.Column > p.Column) })
	if i < 0 {
		i = len(f.problems)
	}
	f.problems = slices.Insert(f.problems, i, p)
}
