package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
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
	t := tablewriter.NewTable(bw,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{
			tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignLeft, tw.AlignRight, tw.AlignLeft, tw.AlignRight,
		}}),
	)
	t.Header("OBJECTIVE", "KEY RESULT", "CURRENT", "TARGET", "PROGRESS", "EXPECTED", "STATUS", "FORECAST")
	for _, o := range s.Objectives {
		obj := o.Objective
		name := sanitizeLine(obj.ID)
		if obj.IsCommitted() {
			name += " (committed)"
		}
		row := []string{
			s.paint(ansiBold, name), truncate(obj.Title, maxTitle), "", "",
			bar(&o.Score), percent(&o.Expected), s.status(o.Status), "",
		}
		if err := t.Append(row); err != nil {
			return err
		}
		for _, kr := range o.KeyResults {
			unit := sanitizeLine(s.unit(kr))
			if err := t.Append([]string{
				"", "  " + sanitizeLine(kr.ID),
				withUnit(formatNumber(kr.Current), unit),
				directionMark(kr.Direction) + withUnit(formatNumber(kr.Target), unit),
				bar(kr.Score), percent(kr.Expected), s.status(kr.Status),
				withUnit(formatNumber(kr.Forecast), unit),
			}); err != nil {
				return err
			}
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintf(bw, "As of %s%s: %s.\n", date(s.AsOf), periodSuffix(s.Period), tally(s.Objectives))
	return bw.Flush()
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

// status writes a status, coloured by how good it is.
func (s *Status) status(st progress.Status) string {
	code := map[progress.Status]string{
		progress.Achieved: ansiGreen, progress.OnTrack: ansiGreen,
		progress.AtRisk: ansiYellow, progress.OffTrack: ansiRed, progress.Missed: ansiRed,
		progress.NoData: ansiGray,
	}[st]
	return s.paint(code, string(st))
}

// tally summarises objective statuses: "7 objectives: 4 on_track, 1 at_risk".
func tally(objs []progress.ObjectiveResult) string {
	counts := map[progress.Status]int{}
	for _, o := range objs {
		counts[o.Status]++
	}
	var parts []string
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
func truncate(s string, n int) string {
	s = sanitizeLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
