package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// tableStatus writes the status for a terminal in one of two layouts,
// chosen by the terminal's width (docs/architecture.md, "Output and
// languages"): the wide table, a row per objective and per key result with
// every number, when it fits or when asked for (--wide, or no known
// width); else the compact layout, each objective on its own line and its
// key results below it, which fits 80 columns.
type tableStatus struct{}

// barWidth is the number of cells of a progress bar in the table.
const barWidth = 10

// maxTitle bounds the objective titles shown in the wide table; key results
// show their ids there. Full titles are in the compact layout, the YAML and
// the other formats.
const maxTitle = 28

func (tableStatus) Format(w io.Writer, s *Status) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if len(s.Objectives) == 0 {
		for _, l := range WrapText(s.emptyText(false), s.Width) {
			bw.WriteString(l + "\n")
		}
		return bw.Flush()
	}
	// With a width, the wide table is measured first, without keeping its
	// rows, to choose the layout.
	if s.Wide || s.Width <= 0 || s.wideGrid(false).g.total() <= s.Width {
		s.writeWide(bw, s.wideGrid(true))
	} else {
		s.writeCompact(bw)
	}
	for _, l := range WrapText(s.footer(), s.Width) {
		bw.WriteString(l + "\n")
	}
	for _, o := range s.Objectives {
		if c := s.coverageText(o); c != "" {
			for _, l := range WrapText(sanitizeLine(o.Objective.ID)+": "+c+".", s.Width) {
				bw.WriteString(l + "\n")
			}
		}
	}
	return bw.Flush()
}

// footer is the line below the table: the date, the period and the tally.
func (s *Status) footer() string {
	return s.Lang.T("status.footer", s.date(s.AsOf), s.periodSuffix(), s.tally())
}

// wideRows gives each row of the wide table to emit: a row for each
// objective with its score, then a row for each of its key results, with
// the row's status (for its colour).
func (s *Status) wideRows(emit func(row []string, color string)) {
	committed := " " + s.Lang.T("table.committed")
	// A confidence column appears when key results have check-ins.
	row := make([]string, 8, 9)
	checkIns := s.hasCheckIns()
	if checkIns {
		row = row[:9]
	}
	for _, o := range s.Objectives {
		obj := o.Objective
		name := sanitizeLine(obj.ID)
		if obj.IsCommitted() {
			name += committed
		}
		row[0], row[1], row[2], row[3] = name, truncate(obj.Title, maxTitle), "", ""
		row[4], row[5], row[6], row[7] = s.bar(&o.Score), percent(&o.Expected), s.objectiveStatusWord(o), ""
		if checkIns {
			row[8] = ""
		}
		emit(row, objectiveColor(o))
		for _, kr := range o.KeyResults {
			unit := sanitizeLine(s.unit(kr))
			row[0], row[1] = "", "  "+sanitizeLine(kr.ID)
			row[2] = withUnit(s.number(kr.Current), unit)
			row[3] = directionMark(kr.Direction) + withUnit(s.number(kr.Target), unit)
			row[4], row[5], row[6] = s.bar(kr.Score), percent(kr.Expected), s.statusWord(kr)
			row[7] = withUnit(s.number(kr.Forecast), unit)
			if checkIns {
				c, _ := s.latestCheckIn(kr)
				row[8] = confidence(c)
			}
			emit(row, krColor(kr))
		}
	}
}

// wideTable is the wide table's rows, formatted once, with their
// statuses, and its measured grid.
type wideTable struct {
	g      *grid
	rows   [][]string
	colors []string
}

// wideGrid formats and measures the wide table, keeping its rows when
// keep is true.
func (s *Status) wideGrid(keep bool) *wideTable {
	l := s.Lang
	header := []string{
		l.T("col.objective"), l.T("col.key_result"), l.T("col.current"), l.T("col.target"),
		l.T("col.progress"), l.T("col.expected"), l.T("col.status"), l.T("col.forecast"),
	}
	left := []bool{true, true, false, false, true, false, true, false}
	if s.hasCheckIns() {
		header, left = append(header, l.T("col.confidence")), append(left, false)
	}
	t := &wideTable{g: newGrid(header, left)}
	s.wideRows(func(row []string, color string) {
		t.g.add(row)
		if keep {
			t.rows = append(t.rows, slices.Clone(row))
			t.colors = append(t.colors, color)
		}
	})
	return t
}

// writeWide draws the wide table, fitted to the terminal when it has a
// width: objective titles are cut first, then the committed marks and ids
// past the longest objective id, then key result and objective ids.
func (s *Status) writeWide(w *bufio.Writer, t *wideTable) {
	g := t.g
	if s.Width > 0 && g.total() > s.Width {
		ids, krIDs := 0, 0
		committed := " " + s.Lang.T("table.committed")
		for _, r := range t.rows {
			if r[0] != "" {
				ids = max(ids, cells(strings.TrimSuffix(r[0], committed)))
			} else {
				krIDs = max(krIDs, cells(r[1]))
			}
		}
		for _, st := range []fitStep{{1, krIDs}, {0, ids}, {1, minFitted}, {0, minFitted}} {
			over := g.total() - s.Width
			if over <= 0 {
				break
			}
			floor := max(st.floor, minFitted, cells(g.header[st.col]))
			if n := min(over, g.widths[st.col]-floor); n > 0 {
				g.limit(st.col, g.widths[st.col]-n)
			}
		}
	}
	g.begin(w)
	for i, row := range t.rows {
		color := t.colors[i]
		g.row(w, row, func(col int, c string) string {
			switch {
			case col == 0 && c != "":
				return s.paint(ansiBold, c)
			case col == 6:
				return s.paint(color, c)
			}
			return c
		})
	}
	g.end(w)
}

// minFitted is the narrowest the objective and key result columns get
// when the wide table is fitted to the terminal.
const minFitted = 12

// fitStep lets column col give up width down to floor (never below
// minFitted or its header).
type fitStep struct{ col, floor int }

// compactGap separates the columns of the compact layout.
const compactGap = "  "

// minName is the narrowest the title column of the compact layout gets.
const minName = 16

// writeCompact draws the compact layout: a header, then each objective on
// its own line (id and title) with its score bar and status, and below it
// each key result (title, current → target, bar, status). The title
// column takes the width the others leave; expected and forecast columns
// are added while the titles keep at least 40 cells.
func (s *Status) writeCompact(w *bufio.Writer) {
	l := s.Lang
	head := compactLine{name: l.T("col.objective_kr"), value: l.T("col.current_target"), bar: l.T("col.progress"),
		status: l.T("col.status"), expected: l.T("col.expected"), forecast: l.T("col.forecast")}
	var value, barW, status, expected, forecast, name int
	measure := func(ln compactLine) {
		value = max(value, cells(ln.value))
		barW = max(barW, cells(ln.bar))
		status = max(status, cells(ln.status))
		expected = max(expected, cells(ln.expected))
		forecast = max(forecast, cells(ln.forecast))
		name = max(name, cells(ln.name))
	}
	measure(head)
	// Two passes, measuring then writing, rather than keeping every line:
	// on large repositories the lines would be a tenth of the memory.
	s.compactLines(measure)
	gap := len(compactGap)
	fixed := value + barW + status + 3*gap
	room := func(extra int) int { return s.Width - fixed - extra }
	showExpected := room(expected+gap) >= 40
	if showExpected {
		fixed += expected + gap
	}
	showForecast := room(forecast+gap) >= 40
	if showForecast {
		fixed += forecast + gap
	}
	nameW := min(name, max(minName, s.Width-fixed))
	var b strings.Builder
	row := func(ln compactLine, header bool) {
		b.Reset()
		if ln.objective {
			// An objective has no value: its name may run into that column.
			nm := cutCells(ln.name, nameW+gap+value)
			b.WriteString(s.paint(ansiBold, nm))
			b.WriteString(strings.Repeat(" ", max(0, nameW+gap+value-cells(nm))))
		} else {
			nm := cutCells(ln.name, nameW)
			b.WriteString(nm)
			b.WriteString(strings.Repeat(" ", nameW-cells(nm)) + compactGap)
			b.WriteString(padCells(ln.value, value, false))
		}
		b.WriteString(compactGap + padCells(ln.bar, barW, true))
		if showExpected {
			b.WriteString(compactGap + padCells(ln.expected, expected, false))
		}
		st := padCells(ln.status, status, true)
		if !header {
			st = s.paint(ln.color, ln.status) + strings.Repeat(" ", status-cells(ln.status))
		}
		b.WriteString(compactGap + st)
		if showForecast {
			b.WriteString(compactGap + padCells(ln.forecast, forecast, false))
		}
		w.WriteString(strings.TrimRight(b.String(), " ") + "\n")
	}
	row(head, true)
	s.compactLines(func(ln compactLine) { row(ln, false) })
}

// compactLine is a line of the compact layout, as plain text.
type compactLine struct {
	name, value, bar, status, expected, forecast string
	objective                                    bool
	color                                        string
}

// compactLines gives each line of the compact layout to emit: each
// objective, then its key results.
func (s *Status) compactLines(emit func(compactLine)) {
	committed := " " + s.Lang.T("table.committed")
	for _, o := range s.Objectives {
		obj := o.Objective
		name := sanitizeLine(obj.ID)
		if t := sanitizeLine(obj.Title); t != "" {
			name += compactGap + t
		}
		if obj.IsCommitted() {
			name += committed
		}
		emit(compactLine{objective: true, name: name, color: objectiveColor(o), bar: s.bar(&o.Score),
			status: s.objectiveStatusWord(o), expected: percent(&o.Expected)})
		for _, kr := range o.KeyResults {
			unit := sanitizeLine(s.unit(kr))
			title := sanitizeLine(kr.Title)
			if title == "" {
				title = sanitizeLine(kr.ID)
			}
			current := s.number(kr.Current)
			if unit == "%" {
				current = withUnit(current, unit)
			}
			emit(compactLine{
				color:    krColor(kr),
				name:     "  " + title,
				value:    current + " → " + directionMark(kr.Direction) + withUnit(s.number(kr.Target), unit),
				bar:      s.bar(kr.Score),
				status:   s.statusWord(kr),
				expected: percent(kr.Expected),
				forecast: withUnit(s.number(kr.Forecast), unit),
			})
		}
	}
}

// bar draws a score as a ten-cell bar and a percentage.
func (s *Status) bar(score *float64) string {
	if score == nil {
		return strings.Repeat("·", barWidth) + "    –"
	}
	return fmt.Sprintf("%s %4s", progress.ProgressBar(*score, barWidth), percent(score))
}

// directionMark shows thresholds in the target column: ≥ for at_least, ≤
// for at_most.
func directionMark(d okr.Direction) string {
	switch d {
	case okr.AtLeast:
		return "≥ "
	case okr.AtMost:
		return "≤ "
	}
	return ""
}

func (s *Status) paint(code, text string) string {
	if !s.Color || code == "" {
		return text
	}
	return code + text + ansiReset
}

// statusName is a status in the output's language.
func (s *Status) statusName(st progress.Status) string {
	return s.Lang.T("status." + string(st))
}

// statusColor is the colour of a status, by how good it is.
func statusColor(st progress.Status) string {
	return map[progress.Status]string{
		progress.Achieved: ansiGreen, progress.OnTrack: ansiGreen,
		progress.AtRisk: ansiYellow, progress.OffTrack: ansiRed, progress.Missed: ansiRed,
		progress.NoData: ansiGray,
	}[st]
}

// gradeColor is the colour of a grade.
func gradeColor(g progress.Grade) string {
	return map[progress.Grade]string{progress.Green: ansiGreen, progress.Yellow: ansiYellow, progress.Red: ansiRed}[g]
}

// objectiveColor colours an objective's status cell: by its grade once
// graded, else by its status.
func objectiveColor(o progress.ObjectiveResult) string {
	if o.Grade != "" {
		return gradeColor(o.Grade)
	}
	return statusColor(o.Status)
}

// krColor colours a key result's status cell as statusWord words it.
func krColor(kr progress.KRResult) string {
	if kr.Grade != "" && kr.Status != progress.Achieved {
		return gradeColor(kr.Grade)
	}
	return statusColor(kr.Status)
}

// tally summarises objectives by grade once graded, else by status: "7
// objectives — 1 green, 4 on_track, 1 at_risk".
func (s *Status) tally() string {
	return s.Lang.Count(len(s.Objectives), "word.objective") + " — " + strings.Join(s.tallyParts(s.Objectives, false), ", ")
}

// tallyParts counts objectives by grade once graded, else by status:
// "1 green", "4 on_track"; marked puts each grade's or status's sign
// before it, for Markdown.
func (s *Status) tallyParts(objs []progress.ObjectiveResult, marked bool) []string {
	counts := map[progress.Status]int{}
	grades := map[progress.Grade]int{}
	for _, o := range objs {
		if o.Grade != "" {
			grades[o.Grade]++
		} else {
			counts[o.Status]++
		}
	}
	var parts []string
	for _, g := range []progress.Grade{progress.Green, progress.Yellow, progress.Red} {
		if n := grades[g]; n > 0 {
			name := s.gradeName(g)
			if marked {
				name = gradeMarks[g] + " " + name
			}
			parts = append(parts, s.Lang.Int(n)+" "+name)
		}
	}
	for _, st := range progress.Statuses() {
		if n := counts[st]; n > 0 {
			name := s.statusName(st)
			if marked {
				name = s.statusMark(st)
			}
			parts = append(parts, s.Lang.Int(n)+" "+name)
		}
	}
	return parts
}

// periodSuffix is " in 2026-Q4" for a status of one period, "" otherwise.
func (s *Status) periodSuffix() string {
	if s.Period == "" {
		return ""
	}
	return s.Lang.T("status.in_period", sanitizeLine(s.Period))
}

// truncate shortens s to n cells with an ellipsis, on one line.
func truncate(s string, n int) string { return cutCells(sanitizeLine(s), n) }
