package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/lang"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/progress"
)

// examplesAsOf is the date the example tests compute at: inside the
// examples' quarter.
var examplesAsOf = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// checkExamples checks the bundled examples with their own configuration
// at examplesAsOf.
func checkExamples(t *testing.T) *lint.Result {
	t.Helper()
	dir, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(filepath.Join(dir, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(lint.Options{Cwd: dir, Config: cfg, AsOf: examplesAsOf})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// examplesStatus computes the progress of the bundled examples.
func examplesStatus(t *testing.T, f Filter) *Status {
	t.Helper()
	return NewStatus(checkExamples(t), examplesAsOf, f)
}

func TestStatusGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string
		format string
		filter Filter
	}{
		{"status/examples.table", "table", Filter{}},
		{"status/examples-q4.table", "table", Filter{Period: "2026-Q4"}},
		{"status/examples-marketing.table", "table", Filter{Owners: []string{"Marketing"}}},
		{"status/empty.table", "table", Filter{Period: "2024-Q1"}},
		{"status/examples.json", "json", Filter{}},
		{"status/examples-q4-width-140.table", "table", Filter{Period: "2026-Q4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := NewStatusFormatter(tc.format)
			if err != nil {
				t.Fatal(err)
			}
			st := examplesStatus(t, tc.filter)
			if strings.Contains(tc.name, "-width-") {
				st.Width = 140
			}
			var buf bytes.Buffer
			if err := f.Format(&buf, st); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.name, buf.Bytes())
		})
	}
}

// TestStatusJSONShape checks the documented keys and types, independent of
// the golden file.
func TestStatusJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := (jsonStatus{}).Format(&buf, examplesStatus(t, Filter{Period: "2026-Q4"})); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["as_of"] != "2026-11-20" {
		t.Errorf("as_of = %v", doc["as_of"])
	}
	objs := doc["objectives"].([]any)
	if len(objs) != 5 {
		t.Fatalf("got %d objectives in 2026-Q4, want 5", len(objs))
	}
	objKeys := []string{"id", "file", "title", "owner", "period", "score", "expected", "status", "grade", "measured", "key_results"}
	krKeys := []string{"id", "title", "kpi", "baseline", "target", "direction", "deadline", "current", "progress", "score", "expected", "status", "forecast", "forecast_score", "source",
		"per", "grade", "forecast_meets_target", "stale", "data_ends", "checkin"}
	sawNullSource, sawSource := false, false
	for _, o := range objs {
		om := o.(map[string]any)
		assertKeys(t, om, objKeys)
		if _, ok := om["score"].(float64); !ok {
			t.Errorf("objective %v: score is %T, want a number", om["id"], om["score"])
		}
		for _, kr := range om["key_results"].([]any) {
			km := kr.(map[string]any)
			assertKeys(t, km, krKeys)
			switch src := km["source"].(type) {
			case nil:
				sawNullSource = true
			case string:
				sawSource = true
				if !strings.Contains(src, ".csv:") {
					t.Errorf("kr %v: source %q is not file:line of a snapshot", km["id"], src)
				}
			}
		}
	}
	if !sawNullSource || !sawSource {
		t.Errorf("want both a traced current (file:line) and a manual one (null): traced=%v null=%v", sawSource, sawNullSource)
	}
}

func assertKeys(t *testing.T, m map[string]any, keys []string) {
	t.Helper()
	if len(m) != len(keys) {
		t.Errorf("got %d keys, want %d: %v", len(m), len(keys), m)
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("missing key %q in %v", k, m["id"])
		}
	}
}

// TestStatusTableColor checks that colour codes appear only when asked for.
func TestStatusTableColor(t *testing.T) {
	s := examplesStatus(t, Filter{Period: "2026-Q4"})
	var plain, colored bytes.Buffer
	if err := (tableStatus{}).Format(&plain, s); err != nil {
		t.Fatal(err)
	}
	s.Color = true
	if err := (tableStatus{}).Format(&colored, s); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") {
		t.Error("plain table contains ANSI escape codes")
	}
	if !strings.Contains(colored.String(), ansiRed+"off_track"+ansiReset) {
		t.Error("coloured table does not paint off_track red")
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"}, {3, "3"}, {2.5, "2.5"}, {2.126, "2.13"}, {-12.5, "-12.5"},
		{999.999, "1,000"}, {1000, "1,000"}, {1234567.89, "1,234,568"}, {-0.001, "0"},
	} {
		if got := formatNumber(&tc.in); got != tc.want {
			t.Errorf("formatNumber(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := formatNumber(nil); got != "–" {
		t.Errorf("formatNumber(nil) = %q", got)
	}
}

// TestTruncate checks the table's text cells: one line, no control
// character or direction override reaches the terminal, and long text ends
// in an ellipsis.
func TestTruncate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"Grow  the\nbusiness", 20, "Grow the business"},
		{"\x1b[2J\x1b[31mRED\u202e title", 20, "\uFFFD[2J\uFFFD[31mRED title"},
		{"città è già qui, e anche là", 17, "città è già qui,…"},
	} {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestStatusTableFitsWidth renders the table for terminals of several
// widths: it never exceeds one the table can fit, shrinking only the
// objective and key result columns, and is as narrow as it gets on a
// terminal too narrow for it.
func TestStatusTableFitsWidth(t *testing.T) {
	f, err := NewStatusFormatter("table")
	if err != nil {
		t.Fatal(err)
	}
	widest := func(out string) int {
		w := 0
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if strings.HasPrefix(l, "As of ") {
				continue
			}
			w = max(w, cells(l))
		}
		return w
	}
	render := func(width int) string {
		st := examplesStatus(t, Filter{})
		st.Width, st.Wide = width, true
		var buf bytes.Buffer
		if err := f.Format(&buf, st); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	natural := widest(render(0))
	narrowest := widest(render(1))
	if narrowest >= natural {
		t.Fatalf("the narrowest table is %d wide, the natural one %d", narrowest, natural)
	}
	for _, width := range []int{natural + 10, natural, natural - 1, (natural + narrowest) / 2, narrowest} {
		if got := widest(render(width)); got > width {
			t.Errorf("fitted to %d columns, the table is %d wide", width, got)
		}
	}
	if got := widest(render(natural)); got != natural {
		t.Errorf("a table that fits is changed: %d wide, want %d", got, natural)
	}
	if out := render(narrowest); !strings.Contains(out, "on_track") || !strings.Contains(out, "…") {
		t.Errorf("the narrowest table lost its statuses or shows no cut:\n%s", out)
	}
}

// TestStatusWidths renders the examples' status for terminals of 80, 100
// and 160 columns, in English and Italian: golden files, and no line wider
// than the terminal in display cells.
func TestStatusWidths(t *testing.T) {
	for _, width := range []int{80, 100, 160} {
		for _, l := range []lang.Lang{lang.EN, lang.IT} {
			name := fmt.Sprintf("status/examples-q4-%d-%s.table", width, l)
			t.Run(name, func(t *testing.T) {
				st := examplesStatus(t, Filter{Period: "2026-Q4"})
				st.Width, st.Lang = width, l
				var buf bytes.Buffer
				if err := (tableStatus{}).Format(&buf, st); err != nil {
					t.Fatal(err)
				}
				for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
					if n := cells(line); n > width {
						t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, n, width, line)
					}
				}
				if !strings.Contains(buf.String(), "Far crescere la domanda") {
					t.Error("the objective titles are missing")
				}
				checkGolden(t, name, buf.Bytes())
			})
		}
	}
}

// TestFilter checks the selection of objectives: a period holds the
// periods inside it, owners repeat and ignore case, statuses select an
// objective by its own status or a key result's.
func TestFilter(t *testing.T) {
	ids := func(f Filter) []string {
		var out []string
		for _, o := range examplesStatus(t, f).Objectives {
			out = append(out, o.Objective.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		filter Filter
		want   int
	}{
		{"year holds its quarters", Filter{Period: "2026"}, 7},
		{"half holds Q3 and Q4", Filter{Period: "2026-H2"}, 7},
		{"first half holds none", Filter{Period: "2026-H1"}, 0},
		{"quarter", Filter{Period: "2026-Q4"}, 5},
		{"a month holds no quarter", Filter{Period: "2026-11"}, 0},
		{"owners repeat and ignore case", Filter{Period: "2026-Q4", Owners: []string{"MARKETING", "Ventas"}}, 2},
		{"status of a key result", Filter{Period: "2026-Q4", Statuses: []progress.Status{progress.OffTrack}}, 1},
		{"status of an objective", Filter{Period: "2026-Q4", Statuses: []progress.Status{progress.AtRisk}}, 3},
	} {
		if got := ids(tc.filter); len(got) != tc.want {
			t.Errorf("%s: got %d objectives %v, want %d", tc.name, len(got), got, tc.want)
		}
	}
}
