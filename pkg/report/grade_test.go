package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// gradedReport is the report of testdata/graded, a finished 2026-Q4: an
// aspirational objective at 0.70 (its leads stop on 2026-11-29), a
// committed one at 1.0 and an aspirational one at 0.30 with a key result
// whose manual value is dated after the as-of date.
func gradedReport(t *testing.T, asOf time.Time) *Report {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "graded"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(lint.Options{Cwd: dir, Config: config.Default(dir), AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := okr.ParsePeriod("2026-Q4")
	return NewReport(res, asOf, p, Filter{})
}

// TestReportGraded is the acceptance of grades: after the quarter an
// aspirational objective at about 0.7 is green and never called missed, a
// committed one at 1.0 green, one at 0.3 red; coverage and data that
// stopped before the deadline are stated.
func TestReportGraded(t *testing.T) {
	r := gradedReport(t, time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC))
	out := renderReport(t, r)
	checkGolden(t, "report/graded-2026-Q4.md", []byte(out))
	checkMarkdown(t, out)

	grades := map[string]progress.Grade{}
	for _, o := range r.Objectives {
		grades[o.Objective.ID] = o.Grade
	}
	want := map[string]progress.Grade{"demand-2026q4": progress.Green, "retention-2026q4": progress.Green, "expansion-2026q4": progress.Red}
	for id, g := range want {
		if grades[id] != g {
			t.Errorf("%s graded %q, want %q", id, grades[id], g)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "demand-2026q4") && strings.Contains(line, "missed") {
			t.Errorf("the aspirational objective at 0.70 is called missed: %s", line)
		}
	}
	section := out[strings.Index(out, "### Fill the pipeline"):strings.Index(out, "### Keep the customers")]
	for _, s := range []string{"🟢 0.70 — success for an aspirational objective", "data ends 2026-11-29; deadline 2026-12-31"} {
		if !strings.Contains(section, s) {
			t.Errorf("the aspirational objective's section lacks %q", s)
		}
	}
	if strings.Contains(section, "missed") {
		t.Error("the aspirational objective's section says missed")
	}
	for _, s := range []string{
		"🔴 0.30 — a miss for an aspirational objective", "3 of 4 key results measured",
		"🟢 1.00 — success for a committed objective", "3 objectives — 2 green, 1 red.",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("the report lacks %q", s)
		}
	}
}

// TestReportDatedManualValue follows a manual value dated 2026-12-18
// before and after its date.
func TestReportDatedManualValue(t *testing.T) {
	for _, tt := range []struct {
		asOf string
		want string
	}{
		{"2026-12-10", "| Sign 10 co-marketing partners `partners` | 0 | – | 10 | 2026-12-31 | – | 77% | ⚪ no_data | – |"},
		{"2026-12-18", "| Sign 10 co-marketing partners `partners` | 0 | 7 (manual) | 10 | 2026-12-31 | `[#######---]` 70% | 85% | 🟡 at_risk | – |"},
	} {
		asOf, _ := okr.ParseDate(tt.asOf)
		out := renderReport(t, gradedReport(t, asOf))
		if !strings.Contains(out, tt.want+"\n") {
			t.Errorf("as of %s, want the row\n%s\nin\n%s", tt.asOf, tt.want, out)
		}
	}
}

func TestFloorTo(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{{0.609, "0.60"}, {0.29, "0.29"}, {0.699999, "0.69"}, {1, "1.00"}, {0, "0.00"}, {0.999999999999, "0.99"}} {
		if got := scoreText(tt.v); got != tt.want {
			t.Errorf("scoreText(%v) = %s, want %s", tt.v, got, tt.want)
		}
	}
	if got := percent(ptr(0.609)); got != "60%" {
		t.Errorf("percent(0.609) = %s, want 60%%", got)
	}
}

// TestReportCheckInSource checks that a manual value taken from a check-in
// names the check-in file and line.
func TestReportCheckInSource(t *testing.T) {
	r := gradedReport(t, time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC))
	for i := range r.Objectives {
		for _, kr := range r.Objectives[i].Objective.KeyResults {
			if kr.ID == "webinars" {
				v := 9.0
				kr.CheckIns = []okr.CheckIn{{Date: time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC), Value: &v, File: "checkins/q4.csv", Line: 7}}
			}
		}
	}
	e := progress.NewEngine(r.AsOf, progress.DefaultSettings(), r.KPIs, nil)
	for i, o := range r.Objectives {
		r.Objectives[i] = e.Objective(o.Objective)
	}
	out := renderReport(t, r)
	for _, want := range []string{"| Hold 10 webinars `webinars` | 0 | 9[^", "]: Check-in at `checkins/q4.csv:7`"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestStatusTableGraded shows the finished quarter in the terminal table:
// grades instead of missed, stale data marked, coverage stated.
func TestStatusTableGraded(t *testing.T) {
	r := gradedReport(t, time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC))
	var buf bytes.Buffer
	if err := (tableStatus{}).Format(&buf, r.Status); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	checkGolden(t, "status/graded.table", buf.Bytes())
	for _, want := range []string{
		"│ demand-2026q4 ", " green (stale) ", "As of 2027-01-05 in 2026-Q4: 3 objectives — 2 green, 1 red.",
		"expansion-2026q4: 3 of 4 key results measured.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q", want)
		}
	}
	if strings.Contains(out, "missed") {
		t.Error("the table of a graded quarter says missed")
	}
}

// TestAttentionForecastShort lists a key result on track by pace whose
// forecast misses its target by more than the at-risk gap.
func TestAttentionForecastShort(t *testing.T) {
	r := gradedReport(t, time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC))
	f := func(v float64) *float64 { return &v }
	kr := progress.KRResult{
		ID: "signups", Title: "Get 1,000 sign-ups", KPI: "leads", Direction: okr.Increase,
		Baseline: f(0), Target: f(1000), Current: f(300), Score: f(0.3), Expected: f(0.35),
		Status: progress.OnTrack, Forecast: f(800), ForecastScore: f(0.8), ForecastShort: true,
		Deadline: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC),
	}
	r.Objectives[0].KeyResults = append(r.Objectives[0].KeyResults, kr)
	out := renderReport(t, r)
	want := "- 🟢 on_track: Get 1,000 sign-ups `signups` of `demand-2026q4` — on_track now, but the forecast 800 falls short of the target 1,000 by 2026-12-31."
	if !strings.Contains(out, want+"\n") {
		t.Errorf("the attention list lacks\n%s\nin\n%s", want, out)
	}
}

// TestStatusJSONCheckIn writes the latest check-in of a key result.
func TestStatusJSONCheckIn(t *testing.T) {
	r := gradedReport(t, time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC))
	conf := 6.0
	r.Objectives[0].KeyResults[1].CheckIn = &okr.CheckIn{Date: time.Date(2026, 12, 18, 0, 0, 0, 0, time.UTC), Confidence: &conf, Note: "two more \"soon\"", Author: "ana"}
	var buf bytes.Buffer
	if err := (jsonStatus{}).Format(&buf, r.Status); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Objectives []struct {
			Grade      *string
			Measured   int
			KeyResults []struct {
				ID                  string
				CheckIn             *jsonCheckIn `json:"checkin"`
				ForecastMeetsTarget *bool        `json:"forecast_meets_target"`
				Stale               bool
				DataEnds            *string `json:"data_ends"`
			} `json:"key_results"`
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	got := doc.Objectives[0].KeyResults[1].CheckIn
	want := &jsonCheckIn{Date: "2026-12-18", Confidence: &conf, Note: "two more \"soon\"", Author: "ana"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("checkin (-want +got):\n%s", d)
	}
	leads := doc.Objectives[0].KeyResults[0]
	if leads.CheckIn != nil || !leads.Stale || leads.DataEnds == nil || *leads.DataEnds != "2026-11-29" || leads.ForecastMeetsTarget == nil || *leads.ForecastMeetsTarget {
		t.Errorf("leads: %+v", leads)
	}
	if doc.Objectives[2].Measured != 3 || doc.Objectives[0].Grade != nil {
		t.Errorf("objectives: measured %d, grade %v", doc.Objectives[2].Measured, doc.Objectives[0].Grade)
	}
}
