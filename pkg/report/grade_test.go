package report

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	return NewReport(res, progress.DefaultSettings(), asOf, p)
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
