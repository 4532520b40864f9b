package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/progress"
)

// maxChartPoints bounds the points of a trend chart: a year of daily
// snapshots would make the x-axis unreadable, so longer series are thinned
// to evenly spaced snapshots, always keeping the first and the last.
const maxChartPoints = 53

// chart writes a key result's trend: a Mermaid xychart-beta (which GitHub
// renders) with the key result's value at each snapshot of its window up to
// the as-of date as the first line and its target as the second. The value
// at a snapshot is what the current value was on that day: the KPI's
// aggregation over the window's snapshots so far, so a sum KPI shows its
// running total, which is what its target is about, and a last KPI its
// snapshots themselves.
func (m *markdown) chart(kr progress.KRResult) {
	m.heading(4, "Trend: "+krName(kr))
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
		m.para("No snapshots of " + mdCode(kr.KPI) + " in the key result's window up to " + date(m.s.AsOf) + ".")
		return
	}
	if kr.Per != "" {
		agg = kpi.AggLast
	}
	days, values := runningValues(kr.Points, agg)
	days, values = thin(days, values, maxChartPoints)

	labels := make([]string, len(days))
	sameYear := days[0].String()[:4] == days[len(days)-1].String()[:4]
	for i, d := range days {
		if sameYear {
			labels[i] = `"` + d.String()[5:] + `"`
		} else {
			labels[i] = `"` + d.String() + `"`
		}
	}
	xTitle := days[0].String()[:4]
	if !sameYear {
		xTitle = "date"
	}
	yTitle := "value"
	if u := m.s.unit(kr); u != "" {
		yTitle = u
	}
	caption := map[kpi.Aggregation]string{
		kpi.AggSum: "running total", kpi.AggAvg: "running mean",
		kpi.AggMin: "lowest so far", kpi.AggMax: "highest so far",
	}[agg]
	if kr.Per != "" {
		// A rate's points are already one value per interval.
		caption = "per " + string(kr.Per)
	}
	title := name
	if caption != "" {
		title += ", " + caption
	}

	m.block()
	b := &m.b
	b.WriteString("```mermaid\nxychart-beta\n")
	fmt.Fprintf(b, "    title \"%s\"\n", mermaidText(title))
	fmt.Fprintf(b, "    x-axis \"%s\" [%s]\n", mermaidText(xTitle), strings.Join(labels, ", "))
	fmt.Fprintf(b, "    y-axis \"%s\"\n", mermaidText(yTitle))
	fmt.Fprintf(b, "    line [%s]\n", chartNumbers(values))
	if kr.Target != nil {
		target := make([]float64, len(values))
		for i := range target {
			target[i] = *kr.Target
		}
		fmt.Fprintf(b, "    line [%s]\n", chartNumbers(target))
	}
	b.WriteString("```\n")

	what := "the value of " + mdCode(kr.KPI) + " at each snapshot"
	switch {
	case kr.Per != "":
		what = mdCode(kr.KPI) + " over each complete " + string(kr.Per) + ", dated on its last day"
	case caption != "":
		what = "the " + caption + " of " + mdCode(kr.KPI) + " at each snapshot"
	}
	text := "First line: " + what
	if kr.Target != nil {
		text += "; second line: the target, " + directionMark(kr.Direction) + withUnit(formatNumber(kr.Target), mdText(m.s.unit(kr)))
	}
	if len(days) < len(kr.Points) {
		text += fmt.Sprintf(" (%d of %d snapshots shown)", len(days), len(kr.Points))
	}
	m.para(text + ".")
}

// runningValues is the aggregate of points[:i+1] at each point's day; a day
// with several snapshots gives one value, after its last snapshot.
func runningValues(points []kpi.Point, agg kpi.Aggregation) ([]kpi.Day, []float64) {
	var days []kpi.Day
	var values []float64
	for i := range points {
		if i+1 < len(points) && points[i+1].Day == points[i].Day {
			continue
		}
		var v float64
		switch agg {
		case kpi.AggLast, "":
			v = points[i].Value
		default:
			v, _, _ = kpi.Aggregate(points[:i+1], agg)
		}
		days = append(days, points[i].Day)
		values = append(values, v)
	}
	return days, values
}

// thin keeps at most n evenly spaced entries, the first and the last
// always among them.
func thin(days []kpi.Day, values []float64, n int) ([]kpi.Day, []float64) {
	if len(days) <= n || n < 2 {
		return days, values
	}
	outD := make([]kpi.Day, n)
	outV := make([]float64, n)
	for j := range n {
		i := int(math.Round(float64(j) * float64(len(days)-1) / float64(n-1)))
		outD[j], outV[j] = days[i], values[i]
	}
	return outD, outV
}

// chartNumbers writes values for Mermaid: plain decimals (no exponent, no
// grouping), rounded to four decimals.
func chartNumbers(values []float64) string {
	parts := make([]string, len(values))
	for i, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			v = 0
		}
		v = math.Round(v*1e4) / 1e4
		if v == 0 {
			v = 0 // no "-0"
		}
		parts[i] = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strings.Join(parts, ", ")
}
