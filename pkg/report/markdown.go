package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/lang"
	"github.com/okrctl/okrctl/pkg/progress"
)

// markdownStatus writes the status as GitHub-flavoured Markdown: a summary
// table of the objectives, then each objective's key-result table, then the
// sources of the current values as footnotes. The quarterly report (Report)
// is the same document with more sections; both are built by markdown.
type markdownStatus struct{}

func (markdownStatus) Format(w io.Writer, s *Status) error {
	m := newMarkdown(s)
	title := s.Lang.T("md.status_title", s.date(s.AsOf))
	if s.Period != "" {
		title += ", " + mdText(s.Period)
	}
	m.heading(2, title)
	if len(s.Objectives) == 0 {
		m.para(s.emptyText(true))
		return m.writeTo(w)
	}
	// The status is written as it is built, an objective at a time, so
	// that a large repository's document is never held whole.
	bw := bufio.NewWriterSize(w, 64<<10)
	m.out = bw
	m.summary()
	for _, o := range s.Objectives {
		m.objective(o, false)
		m.flush()
	}
	m.sources()
	m.flush()
	return bw.Flush()
}

// markdown builds one Markdown document (CommonMark with GitHub's tables
// and footnotes) from a Status. Every string that comes from the
// repository's files goes through mdText, mdParagraphs, mdCode or
// mermaidText (escape.go).
type markdown struct {
	s     *Status
	l     lang.Lang
	b     strings.Builder
	notes []string       // footnote texts, numbered from 1 in order of first use
	index map[string]int // footnote text → number
	// out, when set, receives the document a part at a time (flush).
	out     *bufio.Writer
	flushed bool
	// checkIns gives key result tables a "Last check-in" column.
	checkIns bool
}

func newMarkdown(s *Status) *markdown {
	return &markdown{s: s, l: s.Lang, index: map[string]int{}, checkIns: s.hasCheckIns()}
}

func (m *markdown) writeTo(w io.Writer) error {
	_, err := io.WriteString(w, m.b.String())
	return err
}

// flush writes what is built so far to out, if set.
func (m *markdown) flush() {
	if m.out == nil || m.b.Len() == 0 {
		return
	}
	m.out.WriteString(m.b.String())
	m.b.Reset()
	m.flushed = true
}

// block starts a block: blocks are separated by one blank line.
func (m *markdown) block() {
	if m.b.Len() > 0 || m.flushed {
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
	for i, r := range rows {
		m.b.WriteString("| ")
		for j, c := range r {
			if j > 0 {
				m.b.WriteString(" | ")
			}
			m.b.WriteString(c)
		}
		m.b.WriteString(" |\n")
		if i%256 == 255 {
			m.flush()
		}
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
			objectiveName(o), mdText(orDash(obj.Owner)), m.commitment(o),
			m.s.score(o.Score), "`" + progress.ProgressBarASCII(o.Score, barWidth) + "`", percent(&o.Expected), m.s.objectiveStatusCell(o),
		})
	}
	m.table(m.cols("objective", "owner", "commitment", "score", "progress", "expected", "status"), "lllrlrl", rows)
	m.para(m.s.tally() + ".")
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
	l := m.l
	facts := []string{mdCode(obj.ID), l.T("md.owner", mdText(orDash(obj.Owner))), m.commitment(o)}
	if full {
		if obj.Parent != "" {
			facts = append(facts, m.supports(obj.Parent))
		}
		if len(obj.Labels) > 0 {
			labels := make([]string, len(obj.Labels))
			for i, l := range obj.Labels {
				labels[i] = mdCode(l)
			}
			facts = append(facts, l.T("md.labels", strings.Join(labels, ", ")))
		}
		facts = append(facts, l.T("md.file", mdCode(obj.File())))
	}
	if o.Grade != "" {
		// Once the period has ended, the grade leads.
		facts = append([]string{"**" + m.s.objectiveStatusCell(o) + "**"}, facts...)
	} else {
		facts = append(facts, l.T("md.score", m.s.score(o.Score)), l.T("md.expected", percent(&o.Expected)), m.statusMark(o.Status))
	}
	if c := m.s.coverageText(o); c != "" {
		facts = append(facts, c)
	}
	m.para(strings.Join(facts, " · "))
	if full && strings.TrimSpace(obj.Description) != "" {
		m.para(mdDescription(obj.Description))
	}
	if len(o.KeyResults) == 0 {
		m.para(l.T("md.no_krs"))
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
		baseline := withUnit(m.s.number(kr.Baseline), unit)
		switch {
		case kr.BaselineSource != "" && kr.Per != "":
			baseline += m.footnote(m.l.T("md.default_base_per", mdCode(kr.KPI), m.s.perName(kr.Per), mdCode(kr.BaselineSource)))
		case kr.BaselineSource != "":
			baseline += m.footnote(m.l.T("md.default_base", m.pointNote(kr.KPI, kr.BaselineSource, nil)))
		}
		current := withUnit(m.s.number(kr.Current), unit)
		switch {
		case kr.Source != "":
			current += m.footnote(m.currentNote(kr))
		case kr.Current != nil && kr.KPI == "":
			current += " " + m.l.T("md.manual")
		}
		row := []string{
			name, baseline, current,
			directionMark(kr.Direction) + withUnit(m.s.number(kr.Target), unit),
			m.s.date(kr.Deadline), mdBar(kr.Score), percent(kr.Expected), m.s.krStatusCell(kr),
			withUnit(m.s.number(kr.Forecast), unit),
		}
		if m.checkIns {
			row = append(row, m.checkInCell(kr))
		}
		rows = append(rows, row)
	}
	header, align := m.cols("key_result", "baseline", "current", "target", "deadline", "progress", "expected", "status", "forecast"), "lrrrllrlr"
	if m.checkIns {
		header, align = append(header, m.l.T("md.col.checkin")), align+"l"
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
	who := m.s.date(c.Date)
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
		return m.l.T("md.checkin", mdCode(kr.Source))
	}
	if kr.Per != "" {
		return m.l.T("md.rate_of", mdCode(kr.KPI), string(agg), kr.Interval.String(), m.l.Count(kr.IntervalSnapshots, "word.snapshot"), mdCode(kr.Source))
	}
	pts := kr.Points
	_, from, ok := kpi.Aggregate(pts, agg)
	if !ok {
		return m.pointNote(kr.KPI, kr.Source, nil)
	}
	if len(pts) == 1 || agg == kpi.AggLast || agg == "" {
		return m.pointNote(kr.KPI, kr.Source, &from.Day)
	}
	l := m.l
	span := l.T("md.span", l.Int(len(pts)), l.Date(pts[0].Day.Time()), l.Date(pts[len(pts)-1].Day.Time()))
	switch agg {
	case kpi.AggSum:
		return l.T("md.sum_of", mdCode(kr.KPI), span, mdCode(kr.Source))
	case kpi.AggAvg:
		return l.T("md.mean_of", mdCode(kr.KPI), span, mdCode(kr.Source))
	case kpi.AggMin:
		return l.T("md.lowest_of", mdCode(kr.KPI), span, l.Date(from.Day.Time()), mdCode(kr.Source))
	}
	return l.T("md.highest_of", mdCode(kr.KPI), span, l.Date(from.Day.Time()), mdCode(kr.Source))
}

// pointNote names one snapshot: the KPI, its date when known, and where it
// is.
func (m *markdown) pointNote(id, source string, day *kpi.Day) string {
	if day != nil {
		return m.l.T("md.point_on", mdCode(id), mdCode(source), m.l.Date(day.Time()))
	}
	return m.l.T("md.point", mdCode(id), mdCode(source))
}

// sources writes the footnotes. GitHub gathers them at the end of the
// page under its own heading; this section keeps them readable where
// footnotes are not supported.
func (m *markdown) sources() {
	if len(m.notes) == 0 {
		return
	}
	m.heading(2, m.l.T("md.sources"))
	m.para(m.l.T("md.sources_text"))
	m.block()
	for i, n := range m.notes {
		m.b.WriteString("[^" + strconv.Itoa(i+1) + "]: " + n + "\n")
		if i%256 == 255 {
			m.flush()
		}
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

func (m *markdown) commitment(o progress.ObjectiveResult) string {
	if o.Objective.IsCommitted() {
		return m.l.T("commitment.committed")
	}
	return m.l.T("commitment.aspirational")
}

// cols translates the Markdown table headers of the given names.
func (m *markdown) cols(names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = m.l.T("md.col." + n)
	}
	return out
}

// supports names the objective an objective supports, with its period
// when it is of another period than the document's (the report knows the
// whole repository's objectives; the status only those it shows).
func (m *markdown) supports(parent string) string {
	if p := m.s.objectivePeriod(parent); p != "" && p != m.s.Period {
		return m.l.T("md.supports_in", mdCode(parent), mdText(p))
	}
	return m.l.T("md.supports", mdCode(parent))
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

func (m *markdown) statusMark(st progress.Status) string { return m.s.statusMark(st) }

// statusMark is a status with its coloured sign, in the output's language.
func (s *Status) statusMark(st progress.Status) string {
	if mark, ok := statusMarks[st]; ok {
		return mark + " " + s.statusName(st)
	}
	return mdText(string(st))
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}
