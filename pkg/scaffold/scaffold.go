package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/schema"
)

// SchemaDir is where the starter repository keeps the JSON schemas.
const SchemaDir = ".okrctl/schema"

// Options shape the starter repository.
type Options struct {
	// Now is today: the starter objective is for its quarter.
	Now time.Time
	// Version is the okrctl version the CI workflow installs; anything but
	// a release tag (vX.Y.Z) installs the latest release.
	Version string
	// CI is the CI system to write a pipeline for: github (the default,
	// when empty), gitlab or none.
	CI string
}

// CISystems lists the values Options.CI takes.
func CISystems() []string { return []string{"github", "gitlab", "none"} }

// ciFiles maps a CI system to the file it reads and the template of it.
var ciFiles = map[string]struct{ path, template string }{
	"github": {".github/workflows/okrctl.yml", "github-workflow.yml"},
	"gitlab": {".gitlab-ci.yml", "gitlab-ci.yml"},
	"none":   {},
}

// PullWorkflowPath is where init writes the scheduled okrctl pull workflow.
const PullWorkflowPath = ".github/workflows/okrctl-pull.yml"

// templates are the starter files, one template a file; @NAME@ marks
// what Files fills in.
//
//go:embed templates
var templates embed.FS

func template(name string) string {
	src, err := templates.ReadFile("templates/" + name)
	if err != nil {
		panic(err) // embedded: cannot happen once the tests pass
	}
	return string(src)
}

// File is one file of the starter repository.
type File struct {
	Path string // '/'-separated, relative to the repository's root
	Data []byte
}

// Files returns the starter repository's files, in the order init reports
// them.
func Files(opt Options) ([]File, error) {
	if opt.CI == "" {
		opt.CI = "github"
	}
	ci, ok := ciFiles[opt.CI]
	if !ok {
		return nil, fmt.Errorf("unknown CI system %q (want %s)", opt.CI, strings.Join(CISystems(), ", "))
	}
	quarter := okr.QuarterOf(opt.Now)
	period, start := quarter.Text, quarter.Start
	y, q := start.Year(), (int(start.Month())+2)/3
	objective := fmt.Sprintf("okrs/%s/example.yaml", period)
	kpis := "kpis/kpis.yaml"

	r := strings.NewReplacer(
		"@PERIOD@", period,
		"@ID@", fmt.Sprintf("example-%dq%d", y, q),
		"@START@", start.Format(time.DateOnly),
		"@CASES@", fmt.Sprint(int(3*onPace(start, opt.Now))),
		"@VERSION@", installVersion(opt.Version),
	)
	files := []File{
		{".okrctl.yaml", []byte(template("okrctl.yaml"))},
		{objective, []byte(Modeline(objective, "objective") + r.Replace(template("objective.yaml")))},
		{kpis, []byte(Modeline(kpis, "kpi") + template("kpis.yaml"))},
		{fmt.Sprintf("kpis/snapshots/%d.csv", y), []byte(r.Replace(template("snapshots.csv")) + todaysSnapshots(start, opt.Now))},
	}
	for _, name := range schema.Names {
		src, err := schema.Source(name)
		if err != nil {
			return nil, err
		}
		files = append(files, File{SchemaPath(name), src})
	}
	if ci.path != "" {
		files = append(files, File{ci.path, []byte(r.Replace(template(ci.template)))})
	}
	// GitHub also gets the weekly okrctl pull workflow, which proposes
	// the KPI values its sources fetched as one pull request.
	if opt.CI == "github" {
		files = append(files, File{PullWorkflowPath, []byte(r.Replace(template("github-pull-workflow.yml")))})
	}
	return files, nil
}

// onPace is the share of the quarter starting at start that has elapsed by
// now, a little ahead of schedule, so that the starter key results read
// on_track.
func onPace(start, now time.Time) float64 {
	end := start.AddDate(0, 3, 0)
	share := float64(now.Sub(start)) / float64(end.Sub(start))
	return min(max(share+0.05, 0), 1)
}

// todaysSnapshots adds a reading dated today to the starter snapshots, on
// pace from the baselines to the targets, so that a new repository shows
// progress and no stale data. It adds nothing on the quarter's first day.
func todaysSnapshots(start, now time.Time) string {
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if !today.After(start) {
		return ""
	}
	share := onPace(start, today)
	date := today.Format(time.DateOnly)
	return fmt.Sprintf("%s,weekly_signups,%.0f\n%s,monthly_churn,%.1f\n", date, 120+80*share, date, 4-1.5*share)
}

// SchemaPath is where the starter repository keeps the named schema.
func SchemaPath(name string) string { return SchemaDir + "/" + name + ".json" }

// Modeline is the comment that tells a YAML language server which schema
// the file at name (relative to the root) follows, with a relative path.
func Modeline(name, schemaName string) string {
	up := strings.Repeat("../", strings.Count(path.Clean(name), "/"))
	return "# yaml-language-server: $schema=" + up + SchemaPath(schemaName) + "\n"
}

var releaseTag = regexp.MustCompile(`^v\d+\.\d+\.\d+$`)

func installVersion(v string) string {
	if releaseTag.MatchString(v) {
		return v
	}
	return "latest"
}

// Outcome says what Write did with one file.
type Outcome struct {
	Path    string // as given in File.Path
	Created bool   // false: the file existed and was left alone
}

// Write creates each file under dir (and dir itself) unless it exists:
// every file is opened with O_EXCL, so an existing one is never
// overwritten, not even one that appears while Write runs. Nothing is
// written outside dir: a symbolic link inside dir that leads out of it is
// refused, not followed. It returns what it did with each file up to the
// first error.
func Write(dir string, files []File) ([]Outcome, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	var out []Outcome
	for _, f := range files {
		p := filepath.FromSlash(f.Path)
		if err := root.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return out, fmt.Errorf("create %s: %w", filepath.Join(dir, filepath.Dir(p)), err)
		}
		created, err := create(root, p, f.Data)
		if err != nil {
			return out, fmt.Errorf("write %s: %w", filepath.Join(dir, p), err)
		}
		out = append(out, Outcome{Path: f.Path, Created: created})
	}
	return out, nil
}

func create(root *os.Root, p string, data []byte) (bool, error) {
	w, err := root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if _, err := w.Write(data); err != nil {
		w.Close()
		root.Remove(p) // a half-written file would be skipped next time
		return false, err
	}
	if err := w.Close(); err != nil {
		root.Remove(p)
		return false, err
	}
	return true, nil
}
