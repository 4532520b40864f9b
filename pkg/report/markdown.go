package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/progress"
)

// markdownStatus writes the status as GitHub-flavoured Markdown: a summary
// table of the objectives, then each objective's key-result table, then the
// sources of the current values as footnotes. The quarterly report (Report)
// is the same document with more sections; both are built by markdown.
type markdownStatus struct{}

func (markdownStatus) Format(w io.Writer, s *Status) error {
	m := newMarkdown(s)
	title := "OKR status as of " + date(s.AsOf)
	if s.Period != "" {
		title += ", " + mdText(s.Period)
	}
	m.heading(2, title)
	if len(s.Objectives) == 0 {
		m.para("No objectives" + periodSuffix(mdText(s.Period)) + ".")
		return m.writeTo(w)
	}
	m.summary()
	for _, o := range s.Objectives {
		m.objective(o, false)
	}
	m.sources()
	return m.writeTo(w)
}

// markdown builds one Markdown document (CommonMark with GitHub's tables
// and footnotes) from a Status. Every string that comes from the
// repository's files goes through mdText, mdParagraphs, mdCode or
// mermaidText (escape.go).
type markdown struct {
	s     *Status
	b     strings.Builder
	notes []string       // footnote texts, numbered from 1 in order of first use
	index map[string]int // footnote text → number
	// checkIns gives key result tables a "Last check-in" column.
	checkIns bool
}

func newMarkdown(s *Status) *markdown {
	return &markdown{s: s, index: map[string]int{}, checkIns: s.hasCheckIns()}
}

func (m *markdown) writeTo(w io.Writer) error {
	_, err := io.WriteString(w, m.b.String())
	return err
}

// block starts a block: blocks are separated by one blank line.
func (m *markdown) block() {
	if m.b.Len() > 0 {
		m.b.WriteString("\n")
	}
}

func (m *markdown) heading(level int, text string) {
	m.block()
	m.b.WriteString(strings.Repeat("#", level) + " " + text + "\n")
}

func (m *markdown) para(text string) {
	m.block()
	m.b.WriteString(text + "\n")
}

// table writes a GitHub table. Cells must already be Markdown (escaped);
// align holds one of "l", "r" or "c" per column.
func (m *markdown) table(header []string, align string, rows [][]string) {
	m.block()
	m.b.WriteString(tableRow(header))
	seps := make([]string, len(header))
	for i := range seps {
		switch align[i] {
		case 'r':
			seps[i] = "---:"
		case 'c':
			seps[i] = ":---:"
		default:
			seps[i] = "---"
		}
	}
	m.b.WriteString(tableRow(seps))
	for _, r := range rows {
		m.b.WriteString(tableRow(r))
	}
}

func tableRow(cells []string) string {
	return "| " + strings.Join(cells, " | ") + " |\n"
}

// footnote returns the reference to a footnote with text, numbering it on
// first use; equal texts share a number.
func (m *markdown) footnote(text string) string {
	n, ok := m.index[text]
	if !ok {
		m.notes = append(m.notes, text)
		n = len(m.notes)
		m.index[text] = n
	}
	return "[^" + strconv.Itoa(n) + "]"
}

// summary writes the table of objectives and the tally below it.
func (m *markdown) summary() {
	var rows [][]string
	for _, o := range m.s.Objectives {
		obj := o.Objective
		rows = append(rows, []string{
			objectiveName(o), mdText(orDash(obj.Owner)), commitment(o),
			scoreText(o.Score), "`" + progress.ProgressBarASCII(o.Score, barWidth) + "`", percent(&o.Expected), objectiveStatusCell(o),
		})
	}
	m.table([]string{"Objective", "Owner", "Commitment", "Score", "Progress", "Expected", "Status"}, "lllrlrl", rows)
	m.para(tally(m.s.Objectives) + ".")
}

// objective writes an objective's section: heading, a line of facts, in
// the report its description, the key-result table, and in the report a
// trend chart per KPI-backed key result.
func (m *markdown) objective(o progress.ObjectiveResult, full bool) {
	obj := o.Objective
	title := obj.Title
	if strings.TrimSpace(title) == "" {
		title = obj.ID
	}
	m.heading(3, mdText(title))
	facts := []string{mdCode(obj.ID), "owner " + mdText(orDash(obj.Owner)), commitment(o)}
	if full {
		if obj.Parent != "" {
			facts = append(facts, "supports "+mdCode(obj.Parent))
		}
		if len(obj.Labels) > 0 {
			labels := make([]string, len(obj.Labels))
			for i, l := range obj.Labels {
				labels[i] = mdCode(l)
			}
			facts = append(facts, "labels "+strings.Join(labels, ", "))
		}
		facts = append(facts, "file "+mdCode(obj.File()))
	}
	if o.Grade != "" {
		// Once the period has ended, the grade leads.
		facts = append([]string{"**" + objectiveStatusCell(o) + "**"}, facts...)
	} else {
		facts = append(facts, "score **"+scoreText(o.Score)+"**", "expected "+percent(&o.Expected), statusMark(o.Status))
	}
	if c := coverageText(o); c != "" {
		facts = append(facts, c)
	}
	m.para(strings.Join(facts, " · "))
	if full && strings.TrimSpace(obj.Description) != "" {
		m.para(mdParagraphs(obj.Description))
	}
	if len(o.KeyResults) == 0 {
		m.para("No key results.")
		return
	}
	m.krTable(o)
	if full {
		for _, kr := range o.KeyResults {
			if kr.KPI != "" {
				m.chart(kr)
			}
		}
	}
}

// krTable writes the key results of an objective, one a row.
func (m *markdown) krTable(o progress.ObjectiveResult) {
	var rows [][]string
	for _, kr := range o.KeyResults {
		unit := mdText(m.s.unit(kr))
		name := krName(kr)
		if kr.KR != nil && kr.KR.Weight != 1 {
			name += " ×" + strconv.FormatFloat(kr.KR.Weight, 'f', -1, 64)
		}
		baseline := withUnit(formatNumber(kr.Baseline), unit)
		switch {
		case kr.BaselineSource != "" && kr.Per != "":
			baseline += m.footnote("Default baseline: " + mdCode(kr.KPI) + " over the last complete " + string(kr.Per) + " before the period, the last snapshot at " + mdCode(kr.BaselineSource))
		case kr.BaselineSource != "":
			baseline += m.footnote("Default baseline: " + m.pointNote(kr.KPI, kr.BaselineSource, nil))
		}
		current := withUnit(formatNumber(kr.Current), unit)
		switch {
		case kr.Source != "":
			current += m.footnote(m.currentNote(kr))
		case kr.Current != nil && kr.KPI == "":
			current += " (manual)"
		}
		row := []string{
			name, baseline, current,
			directionMark(kr.Direction) + withUnit(formatNumber(kr.Target), unit),
			date(kr.Deadline), mdBar(kr.Score), percent(kr.Expected), krStatusCell(kr),
			withUnit(formatNumber(kr.Forecast), unit),
		}
		if m.checkIns {
			row = append(row, m.checkInCell(kr))
		}
		rows = append(rows, row)
	}
	header, align := []string{"Key result", "Baseline", "Current", "Target", "Deadline", "Progress", "Expected", "Status", "Forecast"}, "lrrrllrlr"
	if m.checkIns {
		header, align = append(header, "Last check-in"), align+"l"
	}
	m.table(header, align, rows)
}

// checkInCell shows a key result's latest check-in: its confidence, its
// note, and when and by whom.
func (m *markdown) checkInCell(kr progress.KRResult) string {
	c, ok := m.s.latestCheckIn(kr)
	if !ok {
		return "–"
	}
	s := confidence(c)
	if c.Note != "" {
		s += " " + mdText(c.Note)
	}
	who := c.Date.Format(time.DateOnly)
	if c.Author != "" {
		who += ", " + mdText(c.Author)
	}
	return s + " (" + who + ")"
}

// currentNote traces a key result's current value to its snapshots.
func (m *markdown) currentNote(kr progress.KRResult) string {
	agg := kpi.AggLast
	if k := m.s.KPIs[kr.KPI]; k != nil {
		agg = kpi.Aggregation(k.Agg())
	}
	if kr.KPI == "" {
		return "Check-in at " + mdCode(kr.Source)
	}
	if kr.Per != "" {
		return fmt.Sprintf("%s: %s over %s (%s), the last at %s", mdCode(kr.KPI), agg, kr.Interval, plural(kr.IntervalSnapshots, "snapshot"), mdCode(kr.Source))
	}
	pts := kr.Points
	_, from, ok := kpi.Aggregate(pts, agg)
	if !ok {
		return m.pointNote(kr.KPI, kr.Source, nil)
	}
	if len(pts) == 1 || agg == kpi.AggLast || agg == "" {
		return m.pointNote(kr.KPI, kr.Source, &from.Day)
	}
	span := fmt.Sprintf("%d snapshots from %s to %s", len(pts), pts[0].Day, pts[len(pts)-1].Day)
	switch agg {
	case kpi.AggSum, kpi.AggAvg:
		what := map[kpi.Aggregation]string{kpi.AggSum: "sum", kpi.AggAvg: "mean"}[agg]
		return fmt.Sprintf("%s: %s of %s, the last at %s", mdCode(kr.KPI), what, span, mdCode(kr.Source))
	}
	what := map[kpi.Aggregation]string{kpi.AggMin: "lowest", kpi.AggMax: "highest"}[agg]
	return fmt.Sprintf("%s: the %s of %s, on %s at %s", mdCode(kr.KPI), what, span, from.Day, mdCode(kr.Source))
}

// pointNote names one snapshot: the KPI, its date when known, and where it
// is.
func (m *markdown) pointNote(id, source string, day *kpi.Day) string {
	s := mdCode(id)
	if day != nil {
		s += " on " + day.String()
	}
	return s + " at " + mdCode(source)
}

// sources writes the footnotes. GitHub gathers them at the end of the
// page under its own heading; this section keeps them readable where
// footnotes are not supported.
func (m *markdown) sources() {
	if len(m.notes) == 0 {
		return
	}
	m.heading(2, "Sources")
	m.para("Each current value computed from KPI snapshots, and each baseline taken from one, names the snapshot file and line it came from.")
	m.block()
	for i, n := range m.notes {
		fmt.Fprintf(&m.b, "[^%d]: %s\n", i+1, n)
	}
}

// objectiveName is an objective's title and id for a table cell or a list.
func objectiveName(o progress.ObjectiveResult) string {
	obj := o.Objective
	if strings.TrimSpace(obj.Title) == "" {
		return mdCode(obj.ID)
	}
	return mdText(obj.Title) + " " + mdCode(obj.ID)
}

// krName is a key result's title and id.
func krName(kr progress.KRResult) string {
	if strings.TrimSpace(kr.Title) == "" {
		return mdCode(kr.ID)
	}
	return mdText(kr.Title) + " " + mdCode(kr.ID)
}

func commitment(o progress.ObjectiveResult) string {
	if o.Objective.IsCommitted() {
		return "committed"
	}
	return "aspirational"
}

// mdBar draws a score as an ASCII bar in a code span, which nothing in
// Markdown reinterprets, and a percentage.
func mdBar(score *float64) string {
	if score == nil {
		return "–"
	}
	return "`" + progress.ProgressBarASCII(*score, barWidth) + "` " + percent(score)
}

// statusMarks put a coloured sign before each status, so that a reader
// scanning a long table finds the problems.
var statusMarks = map[progress.Status]string{
	progress.Achieved: "✅", progress.OnTrack: "🟢", progress.AtRisk: "🟡",
	progress.OffTrack: "🔴", progress.Missed: "❌", progress.NoData: "⚪",
}

func statusMark(st progress.Status) string {
	if mark, ok := statusMarks[st]; ok {
		return mark + " " + string(st)
	}
	return mdText(string(st))
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}
