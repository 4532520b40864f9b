package scaffold

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/progress"
)

var now = time.Date(2026, 11, 23, 15, 4, 5, 0, time.UTC)

func TestFiles(t *testing.T) {
	files, err := Files(Options{Now: now, Version: "v1.4.0"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	byName := map[string][]byte{}
	for _, f := range files {
		names = append(names, f.Path)
		byName[f.Path] = f.Data
	}
	want := []string{
		".okrctl.yaml", "okrs/2026-Q4/example.yaml", "kpis/kpis.yaml", "kpis/snapshots/2026.csv",
		".okrctl/schema/objective.json", ".okrctl/schema/kpi.json", ".github/workflows/okrctl.yml",
		".github/workflows/okrctl-pull.yml",
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("files %v, want %v", names, want)
	}
	if !bytes.Contains(byName["okrs/2026-Q4/example.yaml"], []byte("\nperiod: 2026-Q4\n")) {
		t.Error("the objective is not for 2026-Q4")
	}
	if !bytes.HasPrefix(byName["kpis/snapshots/2026.csv"], []byte("date,kpi,value\n2026-10-01,")) {
		t.Errorf("snapshots:\n%s", byName["kpis/snapshots/2026.csv"])
	}
	wf := string(byName[".github/workflows/okrctl.yml"])
	for _, s := range []string{"pull_request:", "okrctl@v1.4.0", "okrctl validate", "okrctl diff", "--format markdown", "<!-- okrctl-diff -->", "upload-sarif", "fetch-depth: 0"} {
		if !strings.Contains(wf, s) {
			t.Errorf("the workflow lacks %q", s)
		}
	}
	pull := string(byName[".github/workflows/okrctl-pull.yml"])
	for _, s := range []string{"schedule:", "workflow_dispatch:", "okrctl@v1.4.0", "okrctl pull", "peter-evans/create-pull-request@", "branch: okrctl/pull", "secrets."} {
		if !strings.Contains(pull, s) {
			t.Errorf("the pull workflow lacks %q", s)
		}
	}
	// Every action is pinned by a full commit SHA, its version in a comment.
	pinned := regexp.MustCompile(`uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}\s+# v\d+\.\d+\.\d+\n`)
	if n, m := strings.Count(pull, "uses: "), len(pinned.FindAllString(pull, -1)); n != m || n == 0 {
		t.Errorf("%d of the pull workflow's %d actions are pinned by commit", m, n)
	}
	if _, err := config.Parse(".okrctl.yaml", "/repo", byName[".okrctl.yaml"]); err != nil {
		t.Errorf("config: %v", err)
	}
}

func TestWorkflowInstallsLatestForADevBuild(t *testing.T) {
	for _, v := range []string{"", "dev", "v1.2.3-0.20260101-abcdef", "(devel)"} {
		files, _ := Files(Options{Now: now, Version: v})
		wf := files[len(files)-2]
		if !bytes.Contains(wf.Data, []byte("cmd/okrctl@latest\n")) {
			t.Errorf("version %q: the workflow does not install @latest", v)
		}
	}
}

// TestModelines checks that each YAML file's schema modeline is a relative
// path that reaches the schema it names.
func TestModelines(t *testing.T) {
	files, _ := Files(Options{Now: now})
	have := map[string]bool{}
	for _, f := range files {
		have[f.Path] = true
	}
	modeline := regexp.MustCompile(`(?m)^# yaml-language-server: \$schema=(\S+)$`)
	checked := 0
	for _, f := range files {
		if path.Ext(f.Path) != ".yaml" || f.Path == ".okrctl.yaml" {
			continue
		}
		m := modeline.FindSubmatch(f.Data)
		if m == nil || !bytes.HasPrefix(f.Data, m[0]) {
			t.Errorf("%s does not start with a schema modeline", f.Path)
			continue
		}
		target := path.Join(path.Dir(f.Path), string(m[1]))
		if !have[target] {
			t.Errorf("%s: modeline %s resolves to %s, which init does not write", f.Path, m[1], target)
		}
		checked++
	}
	if checked != 2 {
		t.Errorf("checked %d modelines, want 2", checked)
	}
	if got := Modeline("a.yaml", "kpi"); got != "# yaml-language-server: $schema=.okrctl/schema/kpi.json\n" {
		t.Errorf("Modeline at the root = %q", got)
	}
}

func TestStarterValidatesCleanly(t *testing.T) {
	dir := t.TempDir()
	files, _ := Files(Options{Now: now})
	if _, err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(filepath.Join(dir, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(lint.Options{Cwd: dir, Config: cfg, AsOf: now})
	if err != nil {
		t.Fatal(err)
	}
	// Not even stale-data: the starter has a reading dated today.
	for _, f := range res.Findings {
		t.Errorf("finding: %s", f.Error())
	}
	e := &progress.Engine{AsOf: now, Gaps: progress.DefaultGaps(), KPIs: res.KPIs, Series: res.Snapshots}
	o := e.Objective(res.Repo.Objectives[0])
	if o.Status != progress.OnTrack {
		t.Errorf("the starter objective is %s (score %.2f, expected %.2f), want on_track", o.Status, o.Score, o.Expected)
	}
	if len(res.Repo.Objectives) != 1 || len(res.Repo.Objectives[0].KeyResults) != 3 || len(res.KPIs) != 2 {
		t.Errorf("read %d objectives, %d KPIs", len(res.Repo.Objectives), len(res.KPIs))
	}
}

func TestTodaysSnapshots(t *testing.T) {
	start := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	if got := todaysSnapshots(start, start.Add(9*time.Hour)); got != "" {
		t.Errorf("on the quarter's first day: %q, want nothing", got)
	}
	want := "2026-11-23,weekly_signups,170\n2026-11-23,monthly_churn,3.1\n"
	if got := todaysSnapshots(start, now); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "repo")
	files, _ := Files(Options{Now: now})
	out, err := Write(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range out {
		if !o.Created {
			t.Errorf("%s not created in an empty directory", o.Path)
		}
	}
	// Edit one file; a second run must leave every byte as it is.
	edited := filepath.Join(dir, ".okrctl.yaml")
	if err := os.WriteFile(edited, []byte("paths: [okrs]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := hashes(t, dir)
	out, err = Write(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range out {
		if o.Created {
			t.Errorf("%s created again", o.Path)
		}
	}
	if after := hashes(t, dir); !maps.Equal(before, after) {
		t.Errorf("second Write changed files:\n%v\n%v", before, after)
	}
}

func TestWriteReportsWhatItCouldNot(t *testing.T) {
	dir := t.TempDir()
	// A file where a directory must go.
	if err := os.WriteFile(filepath.Join(dir, "okrs"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	files, _ := Files(Options{Now: now})
	out, err := Write(dir, files)
	if err == nil {
		t.Fatal("Write succeeded with a file in the way")
	}
	if len(out) != 1 || out[0].Path != ".okrctl.yaml" {
		t.Errorf("outcomes before the error: %+v", out)
	}
}

func hashes(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		m[p] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestWriteStaysInsideDir checks that a symbolic link in DIR cannot make
// init write outside it, while a link that stays inside is followed.
func TestWriteStaysInsideDir(t *testing.T) {
	base := t.TempDir()
	dir, outside := filepath.Join(base, "repo"), filepath.Join(base, "outside")
	for _, d := range []string{dir, outside, filepath.Join(dir, "real-kpis")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../outside", filepath.Join(dir, "okrs")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real-kpis", filepath.Join(dir, "kpis")); err != nil {
		t.Fatal(err)
	}
	files, _ := Files(Options{Now: now})
	_, err := Write(dir, files)
	if err == nil || !strings.Contains(err.Error(), "okrs") {
		t.Errorf("Write through a link out of DIR: err = %v, want an error naming okrs", err)
	}
	entries, _ := os.ReadDir(outside)
	if len(entries) != 0 {
		t.Errorf("Write created %d entries outside DIR", len(entries))
	}
	// Without the escaping link, the inside one is followed.
	if err := os.Remove(filepath.Join(dir, "okrs")); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "real-kpis", "kpis.yaml")); err != nil {
		t.Errorf("the link inside DIR was not followed: %v", err)
	}
}
