package lint

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/config"
)

var update = flag.Bool("update", false, "rewrite the golden .out files of TestGolden")

// A golden case is every file of a rule's directory under testdata/rules
// whose name starts with the case's name and a dot: fewer.yaml,
// cycle.a.yaml and cycle.b.yaml, bad-row.csv. Beside them:
//
//   - kpis.yaml and kpis.csv, when present, are read with every case of
//     the directory;
//   - <case>.okrctl.yaml is the case's configuration;
//   - <case>.asof holds an as-of date (YYYY-MM-DD), for stale-data;
//   - <case>.out holds the expected findings, one a line, as
//     path:line:col: severity: message [rule], paths relative to testdata.
//
// go test ./pkg/lint -run TestGolden -update rewrites the .out files.
type goldenCase struct {
	dir, name string
	files     []string // relative to testdata, sorted
	config    string
	asOf      string
}

func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("testdata", "rules", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		byName := map[string]*goldenCase{}
		var shared []string
		for _, e := range entries {
			name := e.Name()
			rel := filepath.ToSlash(filepath.Join(strings.TrimPrefix(dir, "testdata"+string(filepath.Separator)), name))
			stem, _, _ := strings.Cut(name, ".")
			if stem == "kpis" {
				shared = append(shared, rel)
				continue
			}
			c := byName[stem]
			if c == nil {
				c = &goldenCase{dir: dir, name: stem}
				byName[stem] = c
			}
			switch {
			case strings.HasSuffix(name, ".okrctl.yaml"):
				c.config = filepath.Join(dir, name)
			case strings.HasSuffix(name, ".asof"):
				b, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				c.asOf = strings.TrimSpace(string(b))
			case strings.HasSuffix(name, ".yaml"), strings.HasSuffix(name, ".yml"), strings.HasSuffix(name, ".csv"):
				c.files = append(c.files, rel)
			}
		}
		for _, c := range byName {
			if len(c.files) == 0 {
				continue // a stray .out
			}
			c.files = append(c.files, shared...)
			sort.Strings(c.files)
			cases = append(cases, *c)
		}
	}
	sort.Slice(cases, func(i, j int) bool {
		if cases[i].dir != cases[j].dir {
			return cases[i].dir < cases[j].dir
		}
		return cases[i].name < cases[j].name
	})
	return cases
}

// runGolden lints paths (relative to cwd) and returns the findings as
// lines.
func runGolden(t *testing.T, cwd string, paths []string, cfgPath string, asOf time.Time) (*Result, []string) {
	t.Helper()
	abs, err := filepath.Abs(cwd)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default(abs)
	if cfgPath != "" {
		if cfg, err = config.Load(cfgPath); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Run(Options{Cwd: abs, Paths: paths, Config: cfg, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{}
	for _, f := range res.Findings {
		lines = append(lines, f.Error())
	}
	return res, lines
}

func checkGolden(t *testing.T, outPath string, got []string) {
	t.Helper()
	text := strings.Join(got, "\n")
	if len(got) > 0 {
		text += "\n"
	}
	if *update {
		if err := os.WriteFile(outPath, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), text); diff != "" {
		t.Errorf("%s (-want +got):\n%s", outPath, diff)
	}
}

func TestGolden(t *testing.T) {
	cases := goldenCases(t)
	if len(cases) == 0 {
		t.Fatal("no golden cases under testdata/rules")
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.dir)+"/"+c.name, func(t *testing.T) {
			var asOf time.Time
			if c.asOf != "" {
				var err error
				if asOf, err = time.Parse(time.DateOnly, c.asOf); err != nil {
					t.Fatal(err)
				}
			}
			_, got := runGolden(t, "testdata", c.files, c.config, asOf)
			checkGolden(t, filepath.Join(c.dir, c.name+".out"), got)
		})
	}
}

// TestGoldenCoversEveryRule checks that every rule okrctl lists has a
// directory of golden cases in which it is reported.
func TestGoldenCoversEveryRule(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range goldenCases(t) {
		out, err := os.ReadFile(filepath.Join(c.dir, c.name+".out"))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(out), "\n") {
			if i := strings.LastIndex(line, " ["); i >= 0 && strings.HasSuffix(line, "]") {
				seen[line[i+2:len(line)-1]] = true
			}
		}
	}
	for _, r := range Rules() {
		if !seen[r.ID] {
			t.Errorf("no golden case reports rule %s", r.ID)
		}
		if _, err := os.Stat(filepath.Join("testdata", "rules", r.ID)); err != nil {
			t.Errorf("no directory testdata/rules/%s", r.ID)
		}
	}
}

// TestGoldenExamplesBroken checks examples/broken, where every rule that
// validate runs shows, and stale-data at an as-of date.
func TestGoldenExamplesBroken(t *testing.T) {
	_, got := runGolden(t, "../..", []string{"examples/broken"}, "", time.Time{})
	checkGolden(t, filepath.Join("testdata", "examples-broken.out"), got)
	seen := map[string]bool{}
	res, _ := runGolden(t, "../..", []string{"examples/broken"}, "", time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	for _, f := range res.Findings {
		seen[f.Rule] = true
	}
	for _, r := range Rules() {
		if !seen[r.ID] {
			t.Errorf("examples/broken shows no %s finding", r.ID)
		}
	}
}

// TestExamplesAreClean checks that the example repository, read with its
// own .okrctl.yaml, gives no finding at all, under validate and at as-of
// dates in and after its periods.
func TestExamplesAreClean(t *testing.T) {
	for _, asOf := range []time.Time{{}, time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)} {
		res, got := runGolden(t, "../../examples", nil, "../../examples/.okrctl.yaml", asOf)
		if len(got) != 0 {
			t.Errorf("as of %v: examples gives findings:\n%s", asOf, strings.Join(got, "\n"))
		}
		if len(res.Repo.Objectives) < 5 || len(res.Repo.KPIs) < 5 || len(res.Repo.CSV) < 1 {
			t.Errorf("examples read %d objectives, %d KPIs, %d snapshot files: the configuration's paths or ignores are wrong",
				len(res.Repo.Objectives), len(res.Repo.KPIs), len(res.Repo.CSV))
		}
		for _, f := range res.Repo.Files {
			if strings.HasPrefix(f.Path, "broken/") {
				t.Errorf("read %s, which the configuration ignores", f.Path)
			}
		}
	}
}
