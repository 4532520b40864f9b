package report

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/lang"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// chartRepo is a generated repository: KPIs with snapshots of every
// shape (none, one, a few, regular, dense, stopping early or starting
// late, tiny to huge values), objectives of one period whose key results
// mix aggregations, rates, baselines, directions and deadlines, and the
// as-of dates to report it at.
type chartRepo struct {
	fsys   fstest.MapFS
	period okr.Period
	asOf   []time.Time
	lang   lang.Lang
}

// generateChartRepo builds the repository of a seed: the same seed gives
// the same repository.
func generateChartRepo(seed uint64) chartRepo {
	rng := rand.New(rand.NewPCG(seed, 0x636861727473))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	p, _ := okr.ParsePeriod(pick("2026-Q4", "2026-Q4", "2026-H2", "2026", "2026-11", "2027-Q1"))
	day := func(from time.Time, days int) time.Time { return from.AddDate(0, 0, rng.IntN(max(days, 1))) }
	spanDays := okr.DaysBetween(p.Start, p.End) + 1
	number := func() string {
		scale := []float64{1, 100, 1e6, 1e-3, 1e12, 1e300}[min(rng.IntN(12), 5)] // 1e300 rarely
		v := scale * (rng.Float64()*2 - 0.4)
		return strconv.FormatFloat(v, 'f', -1, 64)
	}

	var kpis, snaps strings.Builder
	snaps.WriteString("date,kpi,value\n")
	nK := 1 + rng.IntN(5)
	for i := range nK {
		id := fmt.Sprintf("k%d", i)
		if i > 0 {
			kpis.WriteString("---\n")
		}
		fmt.Fprintf(&kpis, "kind: KPI\nid: %s\nname: KPI %d\naggregation: %s\ngood: %s\nfrequency: %s\n",
			id, i, pick("last", "sum", "avg", "min", "max"), pick("up", "down"), pick("daily", "weekly", "monthly", "quarterly"))
		// Snapshot days around the period, from 60 days before to 60 after.
		from := p.Start.AddDate(0, 0, -60)
		all := spanDays + 120
		var days []time.Time
		switch rng.IntN(6) {
		case 0: // none
		case 1:
			days = []time.Time{day(from, all)}
		case 2:
			days = []time.Time{day(from, all), day(from, all)}
		case 3, 4: // regular, between a random start and end
			first, step := day(from, all/2), []int{1, 7, 14, 30, 91}[rng.IntN(5)]
			last := day(first, all-okr.DaysBetween(from, first))
			for d := first; !d.After(last); d = d.AddDate(0, 0, step) {
				days = append(days, d)
			}
		default: // scattered
			for range rng.IntN(40) {
				days = append(days, day(from, all))
			}
		}
		seen := map[time.Time]bool{}
		for _, d := range days {
			if !seen[d] { // one value a day: a duplicate is an error finding
				seen[d] = true
				fmt.Fprintf(&snaps, "%s,%s,%s\n", d.Format(time.DateOnly), id, number())
			}
		}
	}

	fsys := fstest.MapFS{
		"repo/kpis/kpis.yaml":          {Data: []byte(kpis.String())},
		"repo/kpis/snapshots/data.csv": {Data: []byte(snaps.String())},
	}
	for o := range 1 + rng.IntN(2) {
		var b strings.Builder
		fmt.Fprintf(&b, "kind: Objective\nid: objective-%d\ntitle: Objective %d\nowner: team\nperiod: %s\nkey_results:\n", o, o, p.Text)
		for k := range 3 + rng.IntN(3) {
			fmt.Fprintf(&b, "  - id: kr-%d\n    title: Move KPI to a number\n    kpi: k%d\n    target: %s\n", k, rng.IntN(nK), number())
			if rng.IntN(3) == 0 {
				fmt.Fprintf(&b, "    per: %s\n", pick("week", "month", "quarter"))
			}
			if rng.IntN(2) == 0 {
				fmt.Fprintf(&b, "    baseline: %s\n", number())
			}
			if rng.IntN(2) == 0 {
				fmt.Fprintf(&b, "    direction: %s\n", pick("increase", "decrease", "at_least", "at_most"))
			}
			if rng.IntN(3) == 0 {
				fmt.Fprintf(&b, "    deadline: %s\n", day(p.Start, spanDays).Format(time.DateOnly))
			}
		}
		fsys[fmt.Sprintf("repo/okrs/objective-%d.yaml", o)] = &fstest.MapFile{Data: []byte(b.String())}
	}

	asOf := []time.Time{
		p.Start.AddDate(0, 0, -1), p.Start, day(p.Start, spanDays), day(p.Start, spanDays),
		p.End, p.End.AddDate(0, 0, 1+rng.IntN(60)),
	}
	return chartRepo{fsys: fsys, period: p, asOf: asOf, lang: lang.All()[rng.IntN(len(lang.All()))]}
}

// report is the repository's report of its period as of a date.
func (g chartRepo) report(t testing.TB, asOf time.Time) *Report {
	t.Helper()
	res, err := lint.Run(lint.Options{FS: g.fsys, Base: "/", Cwd: "/repo", AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	r := NewReport(res, asOf, g.period, Filter{})
	r.Lang = g.lang
	return r
}

// TestChartsProperty reports generated repositories at several as-of
// dates each and parses every chart: every value is a plain finite number
// and the pace and target lines span the x axis (checkMarkdown), the dates
// increase and the value line has a value for each date up to the as-of
// date and none after (checkChartDates). No browser needed.
func TestChartsProperty(t *testing.T) {
	n := uint64(300)
	if testing.Short() {
		n = 40
	}
	charts, stopping := 0, 0
	for seed := uint64(1); seed <= n; seed++ {
		g := generateChartRepo(seed)
		for _, asOf := range g.asOf {
			out := renderReport(t, g.report(t, asOf))
			charts += strings.Count(out, "```mermaid")
			r := &recorder{TB: t}
			checkMarkdown(r, out)
			stopping += checkChartDates(r, out, asOf.Format(time.DateOnly))
			if len(r.errs) > 0 {
				t.Errorf("seed %d as of %s (%s):\n%s", seed, asOf.Format(time.DateOnly), g.period.Text, strings.Join(r.errs, "\n"))
				for name, f := range g.fsys {
					t.Logf("%s:\n%s", name, f.Data)
				}
				return
			}
		}
	}
	// The generator must reach the cases that matter.
	if charts < int(n) || stopping == 0 || stopping == charts {
		t.Errorf("%d repositories gave %d charts, %d of them with a value line that stops before the axis ends: the generator misses cases", n, charts, stopping)
	}
	t.Logf("%d repositories, %d charts, %d with a value line that stops before the axis ends", n, charts, stopping)
}

func TestChartNumbers(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want string
	}{
		{[]float64{0, math.Copysign(0, -1), -0.00001, 1.23456, 1200000}, "0, 0, 0, 1.2346, 1200000"},
		{[]float64{1e20, -3e15}, "100000000000000000000, -3000000000000000"},
		{[]float64{1.7e308}, "17" + strings.Repeat("0", 307)},
	} {
		if got := string(chartNumbers(nil, tc.in)); got != tc.want {
			t.Errorf("chartNumbers(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDrawable(t *testing.T) {
	for _, tc := range []struct {
		lines [][]float64
		want  bool
	}{
		{[][]float64{{1, 2}, {3, 4}}, true},
		{[][]float64{{1, 2}, nil}, true},
		{[][]float64{{1, math.NaN()}}, false},
		{[][]float64{{1, math.Inf(1)}}, false},
		{[][]float64{{1e308}, {-1e308}}, false}, // the spread overflows
		{[][]float64{{1e308}, {1e307}}, true},
	} {
		if got := drawable(tc.lines...); got != tc.want {
			t.Errorf("drawable(%v) = %v, want %v", tc.lines, got, tc.want)
		}
	}
}

// FuzzChart draws one key result's chart from fuzzed points (each a day
// step and a float64, NaN and infinities included), window, baseline,
// target, aggregation, direction and rate, and checks the Markdown: plain
// finite numbers, increasing dates, a value for each date up to the as-of
// date; else a sentence.
func FuzzChart(f *testing.F) {
	point := func(step byte, v float64) []byte {
		return binary.LittleEndian.AppendUint64([]byte{step}, math.Float64bits(v))
	}
	var weekly []byte
	for i := range 8 {
		weekly = append(weekly, point(7, float64(100+10*i))...)
	}
	f.Add(weekly, int16(91), 0.0, 200.0, uint8(0), uint8(0), false)
	f.Add(weekly, int16(30), 100.0, 50.0, uint8(1), uint8(1), true)
	f.Add(point(3, 5), int16(91), 0.0, 10.0, uint8(2), uint8(2), false)
	f.Add(append(point(0, 1e308), point(1, -1e308)...), int16(10), -1e308, 1e308, uint8(3), uint8(0), false)
	f.Add(append(point(0, math.NaN()), point(1, math.Inf(1))...), int16(0), math.NaN(), math.Inf(-1), uint8(4), uint8(3), false)
	start := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	aggs := []string{"last", "sum", "avg", "min", "max"}
	dirs := []okr.Direction{okr.Increase, okr.Decrease, okr.AtLeast, okr.AtMost}
	f.Fuzz(func(t *testing.T, raw []byte, deadlineDays int16, baseline, target float64, agg, dir uint8, rate bool) {
		var pts []kpi.Point
		day := kpi.DayOf(start)
		for len(raw) >= 9 && len(pts) < 400 {
			day += kpi.Day(raw[0]) // the store's points: sorted, at most one a day
			if len(pts) == 0 || day > pts[len(pts)-1].Day {
				pts = append(pts, kpi.Point{Day: day, Value: math.Float64frombits(binary.LittleEndian.Uint64(raw[1:9]))})
			}
			raw = raw[9:]
		}
		kr := progress.KRResult{
			ID: "kr", KPI: "k", Direction: dirs[int(dir)%len(dirs)], Baseline: &baseline, Target: &target,
			WindowStart: start, Deadline: start.AddDate(0, 0, int(deadlineDays)), Points: pts,
		}
		if rate {
			kr.Per = progress.PerWeek
		}
		asOf := start
		if len(pts) > 0 {
			asOf = pts[len(pts)-1].Day.Time()
		}
		m := newMarkdown(&Status{AsOf: asOf, KPIs: map[string]*okr.KPI{"k": {ID: "k", Aggregation: aggs[int(agg)%len(aggs)]}}, Lang: lang.EN})
		m.chart(kr)
		out := m.b.String()
		checkMarkdown(t, out)
		checkChartDates(t, out, asOf.Format(time.DateOnly))
		if len(pts) > 0 && !strings.Contains(out, "```mermaid") && !strings.Contains(out, "No chart") {
			t.Errorf("neither a chart nor a sentence saying why:\n%s", out)
		}
	})
}

// TestChartTextsNeverEmpty: a KPI name or unit that escapes to nothing
// (Mermaid rejects an empty quoted text) falls back to the KPI's id and
// to "value".
func TestChartTextsNeverEmpty(t *testing.T) {
	start := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	base, target := 10.0, 20.0
	kr := progress.KRResult{
		ID: "kr", KPI: "nps", Direction: okr.Increase, Baseline: &base, Target: &target,
		WindowStart: start, Deadline: start.AddDate(0, 0, 90),
		Points: []kpi.Point{{Day: kpi.DayOf(start.AddDate(0, 0, 7)), Value: 12}, {Day: kpi.DayOf(start.AddDate(0, 0, 14)), Value: 13}},
	}
	asOf := start.AddDate(0, 0, 20)
	m := newMarkdown(&Status{AsOf: asOf, KPIs: map[string]*okr.KPI{"nps": {ID: "nps", Name: "###", Unit: "{#}", Aggregation: "last"}}, Lang: lang.EN})
	m.chart(kr)
	out := m.b.String()
	for _, want := range []string{`    title "nps"`, `    y-axis "value"`} {
		if !strings.Contains(out, want) {
			t.Errorf("chart lacks %q:\n%s", want, out)
		}
	}
	checkMarkdown(t, out)
}
