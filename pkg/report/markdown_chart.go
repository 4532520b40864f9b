package report

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// chartInitHead and chartInitTail, with the palette between them, set the
// colours of a trend chart, so that they read on GitHub's light and dark
// themes alike: the value in blue, the pace in orange, the target in red
// (the legend below each chart names them with the same colours), and a
// mid grey for text and axes, which contrasts with white and with GitHub's
// dark background. The palette colours the lines in order.
const (
	chartInitHead = `%%{init: {"theme": "base", "themeVariables": {"xyChart": {"plotColorPalette": "`
	chartInitTail = `", "backgroundColor": "transparent", ` +
		`"titleColor": "#888888", "xAxisLabelColor": "#888888", "xAxisTitleColor": "#888888", ` +
		`"xAxisTickColor": "#888888", "xAxisLineColor": "#888888", "yAxisLabelColor": "#888888", ` +
		`"yAxisTitleColor": "#888888", "yAxisTickColor": "#888888", "yAxisLineColor": "#888888"}}}}%%`
)

// The lines' colours, and the legend's marks in the same colours.
const (
	colorValue  = "#3b82f6"
	colorPace   = "#f59e0b"
	colorTarget = "#ef4444"
	markValue   = "🔵"
	markPace    = "🟠"
	markTarget  = "🔴"
)

// maxChartDates bounds the dates of a chart's x axis: about a week apart
// over a quarter, further apart over longer windows, so that the labels
// stay readable.
const maxChartDates = 16

// chart writes a key result's trend: a Mermaid xychart-beta (which GitHub
// renders) over the key result's window, from its start to its deadline
// at evenly spaced dates. The first line is the key result's value on each
// date up to the as-of date: the KPI's aggregation over the window's
// snapshots so far (a sum KPI shows its running total, which is what its
// target is about; a last KPI its latest snapshot), the baseline before
// the first snapshot. The second is the pace, the straight line from the
// baseline at the start to the target at the deadline, for key results
// that move a value (increase or decrease); the third the target. The
// first line is shorter than the axis while the window runs: Mermaid has
// no empty values, and it draws the line up to its last one
// (docs/formats.md, "Report charts").
func (m *markdown) chart(kr progress.KRResult) {
	l := m.l
	m.heading(4, l.T("chart.trend", krName(kr)))
	k := m.s.KPIs[kr.KPI]
	name := kr.KPI
	agg := kpi.AggLast
	if k != nil {
		agg = kpi.Aggregation(k.Agg())
		if strings.TrimSpace(k.Name) != "" {
			name = k.Name
		}
	}
	if len(kr.Points) == 0 {
		m.para(l.T("chart.no_points", mdCode(kr.KPI), m.s.date(m.s.AsOf)))
		return
	}
	if kr.Per != "" {
		agg = kpi.AggLast // a rate's points are already one value per interval
	}
	days := chartDates(kr, m.s.AsOf)
	values := valuesOn(days, kr, agg, m.s.AsOf)

	labels := make([]string, len(days))
	sameYear := days[0].Year() == days[len(days)-1].Year()
	for i, d := range days {
		if sameYear {
			labels[i] = `"` + d.Format("01-02") + `"`
		} else {
			labels[i] = `"` + d.Format(time.DateOnly) + `"`
		}
	}
	xTitle := strconv.Itoa(days[0].Year())
	if !sameYear {
		xTitle = l.T("chart.date")
	}
	// Texts go into Mermaid escaped, and never empty: Mermaid rejects "".
	yTitle := mermaidText(l.T("chart.value"))
	if k != nil && k.Unit != "count" {
		if u := mermaidText(k.Unit); u != "" {
			yTitle = u // the axis has room for a unit too long to stand beside numbers
		}
	}
	caption := map[kpi.Aggregation]string{
		kpi.AggSum: l.T("chart.running_sum"), kpi.AggAvg: l.T("chart.running_mean"),
		kpi.AggMin: l.T("chart.lowest"), kpi.AggMax: l.T("chart.highest"),
	}[agg]
	if kr.Per != "" {
		caption = l.T("chart.per", m.s.perName(kr.Per))
	}
	title := name
	if mermaidText(name) == "" {
		title = kr.KPI
	}
	if caption != "" {
		title += ", " + caption
	}
	title = mermaidText(title)
	pace := paceLine(kr, days)
	var target []float64
	if kr.Target != nil {
		target = make([]float64, len(days))
		for i := range target {
			target[i] = *kr.Target
		}
	}
	if !drawable(values, pace, target) {
		m.para(l.T("chart.too_large", mdCode(kr.KPI)))
		return
	}
	// The lines a chart has, each in its colour: the palette colours them
	// in order.
	lines := [][]float64{values}
	palette := []string{colorValue}
	if pace != nil {
		lines, palette = append(lines, pace), append(palette, colorPace)
	}
	if target != nil {
		lines, palette = append(lines, target), append(palette, colorTarget)
	}

	m.block()
	b := &m.b
	b.WriteString("```mermaid\n" + chartInitHead + strings.Join(palette, ", ") + chartInitTail + "\nxychart-beta\n")
	b.WriteString("    title \"" + title + "\"\n")
	b.WriteString("    x-axis \"" + mermaidText(xTitle) + "\" [" + strings.Join(labels, ", ") + "]\n")
	b.WriteString("    y-axis \"" + yTitle + "\"\n")
	for _, line := range lines {
		m.num = chartLine(b, m.num, line)
	}
	b.WriteString("```\n")

	what := l.T("chart.the_value", mdCode(kr.KPI))
	switch {
	case kr.Per != "":
		what = l.T("chart.the_rate", mdCode(kr.KPI), m.s.perName(kr.Per))
	case caption != "":
		what = l.T("chart.the_running", caption, mdCode(kr.KPI))
	}
	unit := mdText(m.s.unit(kr))
	value := markValue + " " + l.T("chart.actual")
	var text string
	switch {
	case kr.Target == nil:
		text = value + ": " + what + "."
	case pace != nil:
		text = l.T("chart.legend", value, what, markPace+" "+l.T("chart.pace"),
			withUnit(m.s.number(kr.Baseline), unit), withUnit(m.s.number(kr.Target), unit), markTarget+" "+l.T("chart.target"))
	default:
		text = l.T("chart.legend_nopace", value, what, markTarget+" "+l.T("chart.target"),
			directionMark(kr.Direction)+withUnit(m.s.number(kr.Target), unit))
	}
	m.para(text)
}

// chartDates spreads at most maxChartDates dates evenly over a key
// result's window, its first day and its deadline among them: a week
// apart when the window is short enough. A window that is unknown or
// empty becomes the span of its snapshots and the as-of date.
func chartDates(kr progress.KRResult, asOf time.Time) []time.Time {
	start, end := kr.WindowStart, kr.Deadline
	first, last := kr.Points[0].Day.Time(), kr.Points[len(kr.Points)-1].Day.Time()
	if start.IsZero() || start.After(first) {
		start = first
	}
	if end.IsZero() || end.Before(start) {
		end = last
		if asOf.After(end) {
			end = asOf
		}
	}
	days := okr.DaysBetween(start, end)
	n := min(maxChartDates-1, max(1, (days+6)/7))
	if days == 0 {
		return []time.Time{start}
	}
	out := make([]time.Time, n+1)
	for i := range out {
		out[i] = start.AddDate(0, 0, int(math.Round(float64(i)*float64(days)/float64(n))))
	}
	return out
}

// valuesOn is the key result's value on each date up to asOf: the
// aggregate of its snapshots on or before the date; before the first
// snapshot its baseline, else the first snapshot's value. Dates after asOf
// get no value, so the line stops at the as-of date.
func valuesOn(days []time.Time, kr progress.KRResult, agg kpi.Aggregation, asOf time.Time) []float64 {
	var out []float64
	pts := kr.Points
	n := 0
	for _, d := range days {
		if d.After(asOf) && len(out) > 0 {
			break
		}
		day := kpi.DayOf(d)
		for n < len(pts) && pts[n].Day <= day {
			n++
		}
		switch {
		case n > 0 && (agg == kpi.AggLast || agg == ""):
			out = append(out, pts[n-1].Value)
		case n > 0:
			v, _, _ := kpi.Aggregate(pts[:n], agg)
			out = append(out, v)
		case kr.Baseline != nil:
			out = append(out, *kr.Baseline)
		default:
			out = append(out, pts[0].Value)
		}
	}
	return out
}

// paceLine is the value a key result should have on each date to reach
// its target at its deadline from its baseline at its window's start:
// the straight line between them, weighted so that it stays finite for
// any finite baseline and target. Thresholds (at_least, at_most) and key
// results without a baseline or a target have none.
func paceLine(kr progress.KRResult, days []time.Time) []float64 {
	if kr.Baseline == nil || kr.Target == nil || kr.WindowStart.IsZero() || kr.Deadline.IsZero() ||
		(kr.Direction != okr.Increase && kr.Direction != okr.Decrease) {
		return nil
	}
	span := float64(okr.DaysBetween(kr.WindowStart, kr.Deadline))
	out := make([]float64, len(days))
	for i, d := range days {
		share := 1.0
		if span > 0 {
			share = math.Min(1, math.Max(0, float64(okr.DaysBetween(kr.WindowStart, d))/span))
		}
		out[i] = *kr.Baseline*(1-share) + *kr.Target*share
	}
	return out
}

// drawable reports whether Mermaid can scale lines: every value finite,
// and so is the spread between the lowest and the highest (which Mermaid
// divides by).
func drawable(lines ...[]float64) bool {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, line := range lines {
		for _, v := range line {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return false
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	return !math.IsInf(hi-lo, 0)
}

// chartNumbers writes finite values (drawable) for Mermaid: plain
// decimals (no exponent, no grouping), rounded to four decimals.
func chartNumbers(dst []byte, values []float64) []byte {
	for i, v := range values {
		if math.Abs(v) < 1e15 { // larger values have no decimals to round, and v*1e4 could overflow
			v = math.Round(v*1e4) / 1e4
		}
		if v == 0 {
			v = 0 // no "-0"
		}
		if i > 0 {
			dst = append(dst, ", "...)
		}
		dst = strconv.AppendFloat(dst, v, 'f', -1, 64)
	}
	return dst
}

// chartLine writes a chart's line of values to b, formatting them in
// scratch, which it returns for the next line.
func chartLine(b *bytes.Buffer, scratch []byte, values []float64) []byte {
	scratch = append(scratch[:0], "    line ["...)
	scratch = append(chartNumbers(scratch, values), "]\n"...)
	b.Write(scratch)
	return scratch
}
