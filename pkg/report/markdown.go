package report

import (
	"bytes"
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
	m.out = w
	title := s.Lang.T("md.status_title", s.date(s.AsOf))
	if s.Period != "" {
		title += ", " + mdText(s.Period)
	}
	m.heading(2, title)
	if len(s.Objectives) == 0 {
		m.para(s.emptyText(true))
		return m.finish()
	}
	m.summary()
	for _, o := range s.Objectives {
		m.objective(o, false)
		m.flush()
	}
	m.sources()
	return m.finish()
}

// markdown builds one Markdown document (CommonMark with GitHub's tables
// and footnotes) from a Status. Every string that comes from the
// repository's files goes through mdText, mdParagraphs, mdCode or
// mermaidText (escape.go).
//
// The document is written as it is built, a part at a time (flush), so
// that a large repository's document is never held whole: b holds what is
// not written yet, and is reused.
type markdown struct {
	s     *Status
	l     lang.Lang
	b     bytes.Buffer
	notes []string       // footnote texts, numbered from 1 in order of first use
	index map[string]int // footnote text → number
	out   io.Writer      // receives the document, if set
	num   []byte         // scratch for a chart's numbers, reused
	// written is set once a part has gone to out; err is the first error
	// writing it, after which nothing more is written.
	written bool
	err     error
	// checkIns gives key result tables a "Last check-in" column.
	checkIns bool
	// krHeader and krAlign are the key result tables' header, translated
	// once.
	krHeader []string
	krAlign  string
}

// flushSize is how much of the document markdown gathers before writing
// it to out: writes of this size make stdout or a file buffered.
const flushSize = 64 << 10

func newMarkdown(s *Status) *markdown {
	return &markdown{s: s, l: s.Lang, index: map[string]int{}, checkIns: s.hasCheckIns()}
}

// flush writes what is built so far to out once there is enough of it;
// the renderers call it after each part (an objective, a table row).
// Without out, the document stays in b.
func (m *markdown) flush() {
	if m.b.Len() >= flushSize {
		m.write()
	}
}

// finish writes the rest of the document and reports the first error
// writing it.
func (m *markdown) finish() error {
	m.write()
	return m.err
}

func (m *markdown) write() {
	if m.out == nil || m.b.Len() == 0 {
		return
	}
	if m.err == nil {
		_, m.err = m.out.Write(m.b.Bytes())
	}
	m.b.Reset()
	m.written = true
}

// block starts a block: blocks are separated by one blank line.
func (m *markdown) block() {
	if m.b.Len() > 0 || m.written {
		m.b.WriteByte('\n')
	}
}

func (m *markdown) heading(level int, text string) {
	m.block()
	for range level {
		m.b.WriteByte('#')
	}
	m.b.WriteByte(' ')
	m.line(text)
}

func (m *markdown) para(text string) {
	m.block()
	m.line(text)
}

// line writes text and a newline.
func (m *markdown) line(text string) {
	m.b.WriteString(text)
	m.b.WriteByte('\n')
}

// table writes a GitHub table. Cells must already be Markdown (escaped);
// align holds one of "l", "r" or "c" per column.
func (m *markdown) table(header []string, align string, rows [][]string) {
	m.tableHead(header, align)
	for _, r := range rows {
		m.row(r)
	}
}

// tableHead starts a table: its header and alignment rows. Its rows
// follow, each written by row as soon as it is made.
func (m *markdown) tableHead(header []string, align string) {
	m.block()
	m.row(header)
	m.b.WriteString("|")
	for i := range header {
		switch align[i] {
		case 'r':
			m.b.WriteString(" ---: |")
		case 'c':
			m.b.WriteString(" :---: |")
		default:
			m.b.WriteString(" --- |")
		}
	}
	m.b.WriteByte('\n')
}

// row writes a table row.
func (m *markdown) row(cells []string) {
	m.b.WriteString("| ")
	for j, c := range cells {
		if j > 0 {
			m.b.WriteString(" | ")
		}
		m.b.WriteString(c)
	}
	m.b.WriteString(" |\n")
	m.flush()
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
	m.tableHead(m.cols("objective", "owner", "commitment", "score", "progress", "expected", "status"), "lllrlrl")
	for _, o := range m.s.Objectives {
		obj := o.Objective
		m.row([]string{
			objectiveName(o), mdText(orDash(obj.Owner)), m.commitment(o),
			m.s.score(o.Score), "`" + progress.ProgressBarASCII(o.Score, barWidth) + "`", percent(&o.Expected), m.s.objectiveStatusCell(o),
		})
	}
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
	if m.krHeader == nil {
		m.krHeader, m.krAlign = m.cols("key_result", "baseline", "current", "target", "deadline", "progress", "expected", "status", "forecast"), "lrrrllrlr"
		if m.checkIns {
			m.krHeader, m.krAlign = append(m.krHeader, m.l.T("md.col.checkin")), m.krAlign+"l"
		}
	}
	m.tableHead(m.krHeader, m.krAlign)
	row := make([]string, 0, len(m.krHeader))
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
		row = append(row[:0],
			name, baseline, current,
			directionMark(kr.Direction)+withUnit(m.s.number(kr.Target), unit),
			m.s.date(kr.Deadline), mdBar(kr.Score), percent(kr.Expected), m.s.krStatusCell(kr),
			withUnit(m.s.number(kr.Forecast), unit),
		)
		if m.checkIns {
			row = append(row, m.checkInCell(kr))
		}
		m.row(row)
	}
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
		m.b.WriteString("[^")
		m.b.WriteString(strconv.Itoa(i + 1))
		m.b.WriteString("]: ")
		m.line(n)
		m.flush()
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

// list writes lines (list items, already Markdown) as one block.
func (m *markdown) list(lines []string) {
	m.block()
	for _, l := range lines {
		m.line(l)
		m.flush()
	}
}
