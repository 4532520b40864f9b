package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// tableStatus writes a terminal table grouped by objective: a row for each
// objective with its score, then a row for each of its key results.
type tableStatus struct{}

// barWidth is the number of cells of a progress bar in the table.
const barWidth = 10

// maxTitle bounds the objective titles shown in the table; key results show
// their ids. Full titles are in the YAML and in the other formats.
const maxTitle = 28

func (tableStatus) Format(w io.Writer, s *Status) error {
	bw := bufio.NewWriter(w)
	if len(s.Objectives) == 0 {
		fmt.Fprintf(bw, "No objectives%s as of %s.\n", periodSuffix(s.Period), date(s.AsOf))
		return bw.Flush()
	}
	// A CONFIDENCE column appears when key results have check-ins.
	checkIns := s.hasCheckIns()
	t := tablewriter.NewTable(bw,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{
			tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignLeft, tw.AlignRight, tw.AlignLeft, tw.AlignRight, tw.AlignRight,
		}}),
	)
	header := []string{"OBJECTIVE", "KEY RESULT", "CURRENT", "TARGET", "PROGRESS", "EXPECTED", "STATUS", "FORECAST"}
	if checkIns {
		header = append(header, "CONFIDENCE")
	}
	t.Header(header)
	// Rows are built first, plain, so that the text columns can be fitted
	// to the terminal before they are painted.
	type row struct {
		cells     []string
		objective bool
	}
	var rows []row
	for _, o := range s.Objectives {
		obj := o.Objective
		name := sanitizeLine(obj.ID)
		if obj.IsCommitted() {
			name += " (committed)"
		}
		r := row{objective: true, cells: []string{
			name, truncate(obj.Title, maxTitle), "", "",
			bar(&o.Score), percent(&o.Expected), objectiveStatusWord(o), "",
		}}
		if checkIns {
			r.cells = append(r.cells, "")
		}
		rows = append(rows, r)
		for _, kr := range o.KeyResults {
			unit := sanitizeLine(s.unit(kr))
			r := row{cells: []string{
				"", "  " + sanitizeLine(kr.ID),
				withUnit(formatNumber(kr.Current), unit),
				directionMark(kr.Direction) + withUnit(formatNumber(kr.Target), unit),
				bar(kr.Score), percent(kr.Expected), statusWord(kr),
				withUnit(formatNumber(kr.Forecast), unit),
			}}
			if checkIns {
				c, _ := s.latestCheckIn(kr)
				r.cells = append(r.cells, confidence(c))
			}
			rows = append(rows, r)
		}
	}
	cells := make([][]string, len(rows))
	for i := range rows {
		cells[i] = rows[i].cells
	}
	// Cut objective titles first, then the " (committed)" marks and ids
	// past the longest objective id, then key result and objective ids.
	ids, krIDs := 0, 0
	for _, r := range rows {
		if r.objective {
			ids = max(ids, twwidth.Width(strings.TrimSuffix(r.cells[0], " (committed)")))
		} else {
			krIDs = max(krIDs, twwidth.Width(r.cells[1]))
		}
	}
	limits := fitColumns(header, cells, s.Width, []fitStep{{1, krIDs}, {0, ids}, {1, minFitted}, {0, minFitted}})
	for _, r := range rows {
		c := r.cells
		for i, limit := range limits {
			if limit > 0 {
				c[i] = cut(c[i], limit)
			}
		}
		if r.objective {
			c[0] = s.paint(ansiBold, c[0])
		}
		c[6] = s.status(c[6])
		if err := t.Append(c); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintf(bw, "As of %s%s: %s.\n", date(s.AsOf), periodSuffix(s.Period), tally(s.Objectives))
	for _, o := range s.Objectives {
		if c := coverageText(o); c != "" {
			fmt.Fprintf(bw, "%s: %s.\n", sanitizeLine(o.Objective.ID), c)
		}
	}
	return bw.Flush()
}

// minFitted is the narrowest the objective and key result columns get
// when the table is fitted to the terminal.
const minFitted = 12

// fitStep lets column col give up width down to floor (never below
// minFitted or its header).
type fitStep struct{ col, floor int }

// fitColumns returns, for each column, the width its text is cut to (0 for
// as it is) so that the table fits width terminal columns, taking width
// from the columns in the order of steps; the other columns (numbers,
// bars, statuses) are never cut. width 0 means no limit; a terminal too
// narrow for the table gets the narrowest the steps allow.
func fitColumns(header []string, rows [][]string, width int, steps []fitStep) []int {
	limits := make([]int, len(header))
	if width <= 0 {
		return limits
	}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = twwidth.Width(h)
	}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], twwidth.Width(c))
		}
	}
	total := 3*len(widths) + 1 // a space each side of a cell, a border between
	for _, w := range widths {
		total += w
	}
	for _, st := range steps {
		if total <= width {
			break
		}
		floor := max(st.floor, minFitted, twwidth.Width(header[st.col]))
		if cut := min(total-width, widths[st.col]-floor); cut > 0 {
			widths[st.col] -= cut
			limits[st.col] = widths[st.col]
			total -= cut
		}
	}
	return limits
}

// bar draws a score as a ten-cell bar and a percentage.
func bar(score *float64) string {
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
	if !s.Color {
		return text
	}
	return code + text + ansiReset
}

// status writes a status cell (a status or a grade, and what follows
// it), coloured by how good its first word is.
func (s *Status) status(text string) string {
	word, _, _ := strings.Cut(text, " ")
	code := map[string]string{
		string(progress.Achieved): ansiGreen, string(progress.OnTrack): ansiGreen,
		string(progress.AtRisk): ansiYellow, string(progress.OffTrack): ansiRed, string(progress.Missed): ansiRed,
		string(progress.NoData): ansiGray,
		string(progress.Green):  ansiGreen, string(progress.Yellow): ansiYellow, string(progress.Red): ansiRed,
	}[word]
	return s.paint(code, text)
}

// tally summarises objectives by grade once graded, else by status: "7
// objectives — 1 green, 4 on_track, 1 at_risk".
func tally(objs []progress.ObjectiveResult) string {
	counts := map[progress.Status]int{}
	grades := map[progress.Grade]int{}
	var parts []string
	for _, o := range objs {
		if o.Grade != "" {
			grades[o.Grade]++
		} else {
			counts[o.Status]++
		}
	}
	for _, g := range []progress.Grade{progress.Green, progress.Yellow, progress.Red} {
		if n := grades[g]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, g))
		}
	}
	for _, st := range progress.Statuses() {
		if n := counts[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, st))
		}
	}
	return plural(len(objs), "objective") + " — " + strings.Join(parts, ", ")
}

func periodSuffix(p string) string {
	if p == "" {
		return ""
	}
	return " in " + p
}

// truncate shortens s to n runes with an ellipsis, on one line.
func truncate(s string, n int) string { return cut(sanitizeLine(s), n) }

// cut shortens a line to n runes with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}
