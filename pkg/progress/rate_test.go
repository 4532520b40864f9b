package progress_test

import (
	"testing"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// leadsSeries has two snapshots a month of a sum KPI: 400 leads in
// December 2025, then 420, 440 and 460 in the months of 2026-Q1.
func leadsSeries(t testing.TB) fakeSeries {
	return fakeSeries{"leads": points(t,
		snap{"2025-12-13", 200, 2}, snap{"2025-12-27", 200, 3},
		snap{"2026-01-10", 200, 4}, snap{"2026-01-24", 220, 5},
		snap{"2026-02-07", 210, 6}, snap{"2026-02-21", 230, 7},
		snap{"2026-03-07", 230, 8}, snap{"2026-03-21", 230, 9})}
}

func leadsEngine(t testing.TB, asOf string) *progress.Engine {
	return &progress.Engine{
		AsOf: date(t, asOf), Gaps: progress.DefaultGaps(),
		KPIs:   map[string]*okr.KPI{"leads": kpiDef("leads", "sum")},
		Series: leadsSeries(t),
	}
}

// TestRateREADMEExample follows the README's key result, "Increase monthly
// qualified leads from 400 to 480" with per: month, through its quarter:
// its current value is the last complete month's leads, never the
// quarter's running total, and its forecast is the trend of the months.
func TestRateREADMEExample(t *testing.T) {
	perMonth := func(k *okr.KeyResult) { k.Per = "month" }
	tests := []struct {
		asOf string
		want view
		span string
	}{
		{
			// No month of the quarter is complete yet.
			asOf: "2026-01-20",
			want: view{Direction: okr.Increase, Baseline: f(400), Expected: f(20.0 / 90), Status: progress.NoData},
		},
		{
			// January's 420 leads, a quarter of the way from 400 to 480; the
			// pace expected at January's end is 31/90. The trend through
			// December and January reaches 458 at March's end.
			asOf: "2026-02-15",
			want: view{Direction: okr.Increase, Baseline: f(400), Current: f(420), Source: "snap.csv:5",
				Progress: f(0.25), Score: f(0.25), Expected: f(31.0 / 90), Status: progress.OnTrack,
				Forecast: f(458.06451612903226), Forecasted: f(58.06451612903226 / 80)},
			span: "2026-01",
		},
		{
			// February's 440: half way, against 59/90 expected.
			asOf: "2026-03-10",
			want: view{Direction: okr.Increase, Baseline: f(400), Current: f(440), Source: "snap.csv:7",
				Progress: f(0.5), Score: f(0.5), Expected: f(59.0 / 90), Status: progress.AtRisk,
				Forecast: f(460.64293915040184), Forecasted: f(60.64293915040184 / 80)},
			span: "2026-02",
		},
		{
			// After the quarter: March's 460 is the final value.
			asOf: "2026-04-05",
			want: view{Direction: okr.Increase, Baseline: f(400), Current: f(460), Source: "snap.csv:9",
				Progress: f(0.75), Score: f(0.75), Expected: f(1), Status: progress.Missed,
				Forecast: f(460.189104007204), Forecasted: f(60.189104007204 / 80)},
			span: "2026-03",
		},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			k := kr(withKPI("leads"), baseline(400), target(480), perMonth)
			r := leadsEngine(t, tt.asOf).KeyResult(objective(t, "2026-Q1", k), k)
			if d := diff(tt.want, viewOf(r)); d != "" {
				t.Errorf("KeyResult (-want +got):\n%s", d)
			}
			if tt.span != "" && (r.Interval.String() != tt.span || r.IntervalSnapshots != 2) {
				t.Errorf("interval %s of %d snapshots, want %s of 2", r.Interval, r.IntervalSnapshots, tt.span)
			}
			if r.Per != progress.PerMonth {
				t.Errorf("Per = %q", r.Per)
			}
		})
	}

	// Without per, the same key result sums the quarter so far and is
	// achieved in its sixth week: the trap the README example fell into.
	k := kr(withKPI("leads"), baseline(400), target(480))
	if r := leadsEngine(t, "2026-02-15").KeyResult(objective(t, "2026-Q1", k), k); r.Status != progress.Achieved {
		t.Errorf("without per: status %s, want achieved", r.Status)
	}
}

func TestRateDefaultBaseline(t *testing.T) {
	tests := []struct {
		name, per, asOf string
		baseline        *float64
		source          string
	}{
		{"the month before the window", "month", "2026-02-15", f(400), "snap.csv:3"},
		{"the month before is not over at the as-of date", "month", "2025-12-20", nil, ""},
		{"the quarter before has two of its months", "quarter", "2026-02-15", f(400), "snap.csv:3"},
		// The week of Dec 29 to Jan 4 straddles the window start: the last
		// complete week before it is Dec 22–28.
		{"the week before the window", "week", "2026-02-15", f(200), "snap.csv:3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := kr(withKPI("leads"), target(480), func(k *okr.KeyResult) { k.Per = tt.per })
			b, src := leadsEngine(t, tt.asOf).Baseline(objective(t, "2026-Q1", k), k)
			if d := diff(tt.baseline, b); d != "" || src != tt.source {
				t.Errorf("Baseline = %v, %q; want %v, %q (%s)", b, src, tt.baseline, tt.source, d)
			}
		})
	}
	// Without a month before the window, the first complete month in it.
	k := kr(withKPI("leads"), target(480), func(k *okr.KeyResult) { k.Per = "month" })
	e := leadsEngine(t, "2026-03-10")
	e.Series = fakeSeries{"leads": leadsSeries(t)["leads"][2:]}
	if b, src := e.Baseline(objective(t, "2026-Q1", k), k); b == nil || *b != 420 || src != "snap.csv:5" {
		t.Errorf("Baseline without December = %v, %q; want 420 at snap.csv:5", b, src)
	}
}

func TestRatePointsAreIntervals(t *testing.T) {
	k := kr(withKPI("leads"), baseline(400), target(480), func(k *okr.KeyResult) { k.Per = "month" })
	r := leadsEngine(t, "2026-04-05").KeyResult(objective(t, "2026-Q1", k), k)
	var got []string
	for _, p := range r.Points {
		got = append(got, p.Day.String()+"="+formatFloat(p.Value))
	}
	want := []string{"2026-01-31=420", "2026-02-28=440", "2026-03-31=460"}
	if d := diff(want, got); d != "" {
		t.Errorf("Points (-want +got):\n%s", d)
	}
}

func TestSpanString(t *testing.T) {
	for _, tt := range []struct {
		from, to, want string
	}{
		{"2026-02-01", "2026-02-28", "2026-02"},
		{"2026-10-01", "2026-12-31", "2026-Q4"},
		{"2026-02-02", "2026-02-08", "2026-02-02 to 2026-02-08"},
	} {
		s := progress.Span{From: day(t, tt.from), To: day(t, tt.to)}
		if s.String() != tt.want {
			t.Errorf("Span(%s, %s) = %q, want %q", tt.from, tt.to, s, tt.want)
		}
	}
}

func formatFloat(v float64) string { return fmtG(v) }
