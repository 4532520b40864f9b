package lint

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/okr"
)

// writeRepo writes files (slash paths to contents) under a new temporary
// directory and returns it.
func writeRepo(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// lintDir runs Run over dir with cfg (nil: the defaults) and returns the
// findings.
func lintDir(t testing.TB, dir string, cfg *config.Config) []Finding {
	t.Helper()
	res, err := Run(Options{Cwd: dir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	return res.Findings
}

// short formats a finding without its message: file:line:col severity rule.
func short(f Finding) string {
	return fmt.Sprintf("%s:%d:%d %s %s", f.File, f.Line, f.Column, f.Severity, f.Rule)
}

func shorts(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, short(f))
	}
	return out
}

func TestAcceptanceItalianActivities(t *testing.T) {
	dir := writeRepo(t, map[string]string{"okrs/brand-italia.yaml": `kind: Objective
id: brand-italia-2026q1
title: Aumentare la notorietà del brand in Italia
owner: marketing-italia
period: 2026-Q1
key_results:
  - id: visibilita
    title: Aumentare la visibilità del brand attraverso campagne di marketing mirate
  - id: sito-web
    title: Ottimizzare il sito web per migliorare l'esperienza utente e la conversione
`})
	got := lintDir(t, dir, nil)
	want := []string{
		"okrs/brand-italia.yaml:6:1 error kr-count",
		"okrs/brand-italia.yaml:7:5 error measurable", // at the key result
		"okrs/brand-italia.yaml:8:12 error vague",
		"okrs/brand-italia.yaml:9:5 error measurable",
		"okrs/brand-italia.yaml:10:12 error vague",
	}
	if diff := cmp.Diff(want, shorts(got)); diff != "" {
		t.Fatalf("findings (-want +got):\n%s", diff)
	}
	if !strings.Contains(got[2].Message, `"Aumentare la visibilità del brand"`) ||
		!strings.Contains(got[4].Message, `"Ottimizzare" and "migliorare"`) {
		t.Errorf("the vague messages do not quote the Italian wording:\n%s\n%s", got[2].Message, got[4].Message)
	}
	if errs, warns := diag.Count(got); errs != 5 || warns != 0 {
		t.Errorf("Count = %d errors, %d warnings", errs, warns)
	}
}

func TestAcceptanceSpanishWithTargetsPasses(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		"okrs/ventas.yaml": `kind: Objective
id: ventas-espana-2026q1
title: Cerrar más ventas en España con un seguimiento constante
owner: ventas
period: 2026-Q1
key_results:
  - id: llamadas
    title: Incrementar las llamadas de seguimiento en un 50%
    kpi: follow_up_calls
    target: 1200
  - id: respuesta
    title: Reducir el tiempo de respuesta un 30%
    kpi: response_time
    baseline: 10
    target: 7
  - id: demos
    title: Realizar 60 demostraciones de producto antes del 15 de marzo
    target: 60
    direction: increase
    deadline: 2026-03-15
`,
		"kpis/kpis.yaml": `kind: KPI
id: follow_up_calls
name: Llamadas de seguimiento
aggregation: sum
good: up
frequency: weekly
---
kind: KPI
id: response_time
name: Tiempo de respuesta
unit: hours
good: down
`,
		"kpis/snapshots.csv": "date,kpi,value\n2026-01-05,follow_up_calls,190\n2026-01-05,response_time,9.5\n",
	})
	for _, asOf := range []time.Time{{}, time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)} {
		res, err := Run(Options{Cwd: dir, AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != 0 {
			t.Errorf("as of %v: want no finding at all, got:\n%s", asOf, strings.Join(lines(res.Findings), "\n"))
		}
		if res.Files != 3 || len(res.Repo.Objectives) != 1 || len(res.Repo.KPIs) != 2 {
			t.Errorf("read %d files, %d objectives, %d KPIs", res.Files, len(res.Repo.Objectives), len(res.Repo.KPIs))
		}
	}
}

func lines(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Error())
	}
	return out
}

func TestAcceptanceDeadlineOutsidePeriod(t *testing.T) {
	dir := writeRepo(t, map[string]string{"q1.yaml": `kind: Objective
id: fairs-2026q1
title: Be at the spring fairs
owner: events
period: 2026-Q1
key_results:
  - id: fairs
    title: Exhibit at 3 trade fairs
    target: 3
    deadline: 2026-04-15
    direction: increase
  - id: meetings
    title: Book 150 meetings at the fairs
    target: 150
    direction: increase
  - id: leads
    title: Collect 400 leads at the fairs
    target: 400
    direction: increase
    deadline: "2026-03-31"
`})
	got := lintDir(t, dir, nil)
	if diff := cmp.Diff([]string{"q1.yaml:10:15 error deadline"}, shorts(got)); diff != "" {
		t.Fatalf("findings (-want +got):\n%s", diff)
	}
	if !strings.Contains(got[0].Message, "2026-04-15 lies outside the objective's period 2026-Q1") {
		t.Errorf("message: %s", got[0].Message)
	}
}

// TestAcceptanceBrokenFilesDoNotStopTheCheck gives one file per kind of
// broken input, and one good file with a problem of its own: each broken
// file is a finding with a line, and the good file is still checked.
func TestAcceptanceBrokenFilesDoNotStopTheCheck(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("kind: KPI\nid: lol\nname: lol\nl0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&bomb, "l%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	objective := func(id, kr string) string {
		return fmt.Sprintf("kind: Objective\nid: %s\ntitle: Grow\nowner: %s\nperiod: 2026-Q1\nkey_results:\n%s", id, id, kr)
	}
	three := "  - {id: a, title: Sign 10 customers, target: 10, baseline: 0}\n  - {id: b, title: Publish 20 pages, target: 20, baseline: 0}\n  - {id: c, title: Hold 3 events, target: 3, baseline: 0}\n"
	dir := writeRepo(t, map[string]string{
		"a-malformed.yaml": objective("malformed", "  - id: a\n    title: Close 25 deals: half of them large\n    target: 25\n"),
		"b-types.yaml":     objective("types", three+"  - {id: d, title: Reach 40 partners, target: forty}\n"),
		"c-date.yaml":      objective("date", three+"  - {id: d, title: Reach 40 partners, target: 40, deadline: 2026-02-30, baseline: 0}\n"),
		"d-duplicate.yaml": objective("duplicate", three) + "owner: twice\n",
		"e-bomb.yaml":      bomb.String(),
		"f-binary.yaml":    "\x00\x01\x02\x03PK\x03\x04",
		"g-utf8.yaml":      "kind: KPI\nid: x\nname: caf\xe9\n",
		"z-good-file.yaml": objective("good", "  - {id: a, title: Sign 10 customers, target: 10, baseline: 0}\n"),
		"zz-snapshots.csv": "date,kpi,value\n2026-02-30,x,1\n",
	})
	got := lintDir(t, dir, nil)
	want := []string{
		"a-malformed.yaml:8:26 error yaml",
		"b-types.yaml:10:47 error measurable",
		"c-date.yaml:10:61 error deadline",
		"d-duplicate.yaml:10:1 error yaml",
		"e-bomb.yaml:8:45 error yaml", // where the expansion passes the bound,
		"f-binary.yaml:1:1 error yaml",
		"g-utf8.yaml:3:10 error yaml",
		"z-good-file.yaml:6:1 error kr-count",
		"zz-snapshots.csv:2:1 error csv",
		"zz-snapshots.csv:2:12 warning unknown-snapshot-kpi",
	}
	if diff := cmp.Diff(want, shorts(got)); diff != "" {
		t.Errorf("findings (-want +got):\n%s\n%s", diff, strings.Join(lines(got), "\n"))
	}
	for _, f := range got {
		if f.Line < 1 || f.Column < 1 {
			t.Errorf("%s has no position", f.Error())
		}
	}
}

func TestRunFileOverSizeCap(t *testing.T) {
	big := strings.Repeat("# padding line for a file that is far too big\n", okr.MaxFileSize/46+1)
	dir := writeRepo(t, map[string]string{
		"big.yaml":  big,
		"good.yaml": "kind: KPI\nid: good\nname: Good\n",
	})
	got := lintDir(t, dir, nil)
	want := []string{fmt.Sprintf("big.yaml:1:1: error: file is %d bytes, more than the 8 MiB okrctl reads [yaml]", len(big))}
	if diff := cmp.Diff(want, lines(got)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestRunPaths(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		".okrctl.yaml":            "paths: [okrs, kpis]\nignore: [\"okrs/archive/**\", \"*.draft.yaml\"]\n",
		"okrs/q1.yaml":            "kind: KPI\nid: a\nname: A\n",
		"okrs/q1.draft.yaml":      "kind: Nope\n",
		"okrs/archive/old.yaml":   "kind: Nope\n",
		"okrs/.hidden/x.yaml":     "kind: Nope\n",
		"kpis/kpis.yml":           "kind: KPI\nid: b\nname: B\n",
		"other/not-in-paths.yaml": "kind: Nope\n",
	})
	cfg, err := config.Load(filepath.Join(dir, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	files := func(res *Result) []string {
		var out []string
		for _, f := range res.Repo.Files {
			out = append(out, f.Path)
		}
		return out
	}
	// No paths: the configuration's, relative to its directory, from a
	// working directory below it.
	res, err := Run(Options{Cwd: filepath.Join(dir, "other"), Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"../kpis/kpis.yml", "../okrs/q1.yaml"}, files(res)); diff != "" {
		t.Errorf("configured paths (-want +got):\n%s", diff)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings: %v", lines(res.Findings))
	}
	// A path the globs ignore, named on purpose, is read.
	res, err = Run(Options{Cwd: dir, Config: cfg, Paths: []string{"okrs/archive"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"okrs/archive/old.yaml"}, files(res)); diff != "" {
		t.Errorf("an explicit ignored root (-want +got):\n%s", diff)
	}
	// An absolute path in the configuration.
	abs := *cfg
	abs.Paths = []string{filepath.Join(dir, "kpis")}
	res, err = Run(Options{Cwd: dir, Config: &abs})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"kpis/kpis.yml"}, files(res)); diff != "" {
		t.Errorf("an absolute configured path (-want +got):\n%s", diff)
	}
	// A missing path stops the check with a *okr.PathError.
	_, err = Run(Options{Cwd: dir, Config: cfg, Paths: []string{"okrs", "nope"}})
	var pe *okr.PathError
	if !errors.As(err, &pe) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing path: %v (%T), want a *okr.PathError", err, err)
	}
}

func TestCheckConfig(t *testing.T) {
	tests := []struct {
		src  string
		want string // "" when accepted
	}{
		{"rules:\n  vague: off\n  kr-count: {min: 2, max: 7}\n  objective-count: {max: 3}\n", ""},
		{"rules:\n  kr-count: {min: 4}\n", ""},
		{"rules:\n  stale-data: error\n  yaml: warning\n  unused-ignore: off\n", ""},
		{"rules:\n  vauge: off\n", `c.yaml:2: unknown rule "vauge" in rules (did you mean "vague"?)`},
		{"rules:\n  spelling: off\n", `c.yaml:2: unknown rule "spelling" in rules (okrctl rules lists them)`},
		{"rules:\n  vague: {max: 3}\n", "c.yaml:2: rules.vague takes no min or max, only a severity"},
		{"rules:\n  objective-count: {min: 3}\n", "c.yaml:2: rules.objective-count takes no min, only max and a severity"},
		{"rules:\n  kr-count: {min: 6}\n", "c.yaml:2: rules.kr-count: min 6 is greater than the default max 5: set max too"},
		{"rules:\n  kr-count: {max: 2}\n", "c.yaml:2: rules.kr-count: max 2 is less than the default min 3: set min too"},
	}
	for _, tt := range tests {
		cfg, err := config.Parse("c.yaml", "/d", []byte(tt.src))
		if err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		err = CheckConfig(cfg)
		var ce *config.Error
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.src, err)
		case tt.want != "" && (!errors.As(err, &ce) || err.Error() != tt.want):
			t.Errorf("%q: %v, want %s", tt.src, err, tt.want)
		}
		if tt.want != "" {
			if _, err := Run(Options{Cwd: t.TempDir(), Config: cfg}); err == nil {
				t.Errorf("%q: Run accepted the configuration", tt.src)
			}
		}
	}
}

func TestRulesFollowTheSpec(t *testing.T) {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID+":"+r.Severity.String())
		if r.Description == "" {
			t.Errorf("rule %s has no description", r.ID)
		}
		if got, ok := RuleByID(r.ID); !ok || got != r {
			t.Errorf("RuleByID(%s) = %v, %v", r.ID, got, ok)
		}
	}
	want := []string{
		"yaml:error", "schema:error", "kind:error", "one-objective:error", "kr-count:error",
		"measurable:error", "deadline:error", "duplicate-id:error", "unknown-kpi:error",
		"unknown-parent:error", "parent-cycle:error", "csv:error", "vague:error",
		"title-number:error", "direction:warning", "rate-title:warning", "objective-count:warning",
		"unknown-snapshot-kpi:warning", "unused-ignore:warning", "stale-data:warning", "checkin-due:warning",
	}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	if _, ok := RuleByID("nope"); ok {
		t.Error("RuleByID(nope) found a rule")
	}
}

func TestFinding(t *testing.T) {
	f := Finding{File: "okrs/a.yaml", Line: 3, Column: 7, Severity: Warning, Rule: "vague", Message: "x is vague"}
	if got, want := f.Error(), "okrs/a.yaml:3:7: warning: x is vague [vague]"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if b, _ := Error.MarshalText(); string(b) != "error" {
		t.Errorf("MarshalText = %s", b)
	}
	fs := []Finding{
		{File: "b.yaml", Line: 1, Column: 1, Rule: "a"},
		{File: "a.yaml", Line: 10, Column: 1, Rule: "a"},
		{File: "a.yaml", Line: 2, Column: 5, Rule: "b", Message: "y"},
		{File: "a.yaml", Line: 2, Column: 5, Rule: "b", Message: "x", Severity: Warning},
		{File: "a.yaml", Line: 2, Column: 5, Rule: "a"},
		{File: "a.yaml", Line: 2, Column: 1, Rule: "z"},
	}
	diag.Sort(fs)
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s:%d:%d:%s:%s", f.File, f.Line, f.Column, f.Rule, f.Message))
	}
	want := []string{"a.yaml:2:1:z:", "a.yaml:2:5:a:", "a.yaml:2:5:b:x", "a.yaml:2:5:b:y", "a.yaml:10:1:a:", "b.yaml:1:1:a:"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Sort (-want +got):\n%s", diff)
	}
	if e, w := diag.Count(fs); e != 5 || w != 1 {
		t.Errorf("Count = %d, %d", e, w)
	}
}

func TestResult(t *testing.T) {
	dir := writeRepo(t, map[string]string{"a.yaml": "kind: KPI\nid: a\nname: A\n---\nkind: KPI\nid: a\nname: again\n"})
	res, err := Run(Options{Cwd: dir})
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors() != 1 || res.Files != 1 || res.KPIs["a"] == nil || res.KPIs["a"].Name != "A" {
		t.Errorf("Errors %d, Files %d, KPIs %v", res.Errors(), res.Files, res.KPIs)
	}
	if got := res.SourceLine("a.yaml", 6); got != "id: a" {
		t.Errorf("SourceLine = %q", got)
	}
	if got := res.SourceLine("nope.yaml", 1); got != "" {
		t.Errorf("SourceLine of an unknown file = %q", got)
	}
}
