package scaffold

import (
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
}

// File is one file of the starter repository.
type File struct {
	Path string // '/'-separated, relative to the repository's root
	Data []byte
}

// Files returns the starter repository's files, in the order init reports
// them.
func Files(opt Options) ([]File, error) {
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
		{".okrctl.yaml", []byte(configYAML)},
		{objective, []byte(Modeline(objective, "objective") + r.Replace(objectiveYAML))},
		{kpis, []byte(Modeline(kpis, "kpi") + kpisYAML)},
		{fmt.Sprintf("kpis/snapshots/%d.csv", y), []byte(r.Replace(snapshotsCSV) + todaysSnapshots(start, opt.Now))},
	}
	for _, name := range schema.Names {
		src, err := schema.Source(name)
		if err != nil {
			return nil, err
		}
		files = append(files, File{SchemaPath(name), src})
	}
	files = append(files, File{".github/workflows/okrctl.yml", []byte(r.Replace(workflowYAML))})
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

const configYAML = `# okrctl configuration (https://github.com/okrctl/okrctl).
# Objectives live under okrs/, one file each; KPI definitions and their
# snapshots under kpis/.
paths: [okrs, kpis]
# ignore: ["okrs/archive/**"]
rules:
  kr-count: {min: 3, max: 5}
  # vague: error        # make titles without a number fail CI
status:
  at_risk_gap: 0.10
  off_track_gap: 0.25
`

const objectiveYAML = `# A starter objective written by okrctl init: edit it, or copy it once per
# objective. One objective a file, three to five key results each.
kind: Objective
id: @ID@
title: Win customers who stay and recommend us
owner: product
period: @PERIOD@
commitment: aspirational
description: >-
  More people try the product, fewer leave, and happy customers tell their
  story. Each key result moves a number; the deadline defaults to the end of
  the period.
key_results:
  - id: signups
    title: Grow weekly sign-ups from 120 to 200
    kpi: weekly_signups
    baseline: 120
    target: 200
  - id: churn
    title: Cut monthly churn from 4% to 2.5%
    kpi: monthly_churn
    baseline: 4
    target: 2.5
  - id: case-studies
    title: Publish 3 customer case studies
    baseline: 0
    target: 3
    current: @CASES@
`

const kpisYAML = `# KPI definitions: metrics measured continuously. Their values live in
# snapshots/*.csv (date,kpi,value).
kind: KPI
id: weekly_signups
name: Weekly sign-ups
unit: count
aggregation: last
good: up
frequency: weekly
owner: product
description: New accounts created in the last seven days.
---
kind: KPI
id: monthly_churn
name: Monthly churn
unit: "%"
aggregation: last
good: down
frequency: monthly
owner: customer-success
description: Share of paying customers who cancelled in the last 30 days.
`

const snapshotsCSV = `date,kpi,value
@START@,weekly_signups,120
@START@,monthly_churn,4
`

const workflowYAML = `# Written by okrctl init. On every pull request: validate the OKR files
# (findings become annotations on the changed lines) and post what the change
# really changes as one comment, updated on each push.
name: okrctl

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read
  pull-requests: write    # the diff comment
  security-events: write  # the optional SARIF upload

jobs:
  okrs:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # okrctl diff reads the pull request's base revision
      - uses: actions/setup-go@v5
        with:
          go-version: stable
          cache: false
      - name: Install okrctl
        run: go install github.com/okrctl/okrctl/cmd/okrctl@@VERSION@

      - name: Validate
        # Under GitHub Actions the default format is GitHub annotations.
        run: okrctl validate

      # Optional code scanning alerts (public repositories, or GitHub Advanced
      # Security): set the repository variable OKRCTL_SARIF to true.
      - name: Validate (SARIF)
        if: ${{ !cancelled() && vars.OKRCTL_SARIF == 'true' }}
        run: okrctl validate --format sarif > okrctl.sarif || [ $? -eq 1 ]
      - uses: github/codeql-action/upload-sarif@v3
        if: ${{ !cancelled() && vars.OKRCTL_SARIF == 'true' }}
        with:
          sarif_file: okrctl.sarif
          category: okrctl

      - name: Diff
        id: diff
        if: ${{ !cancelled() && github.event_name == 'pull_request' }}
        env:
          BASE_REF: ${{ github.base_ref }}
        run: |
          base=$(git merge-base "origin/$BASE_REF" HEAD)
          okrctl diff "$base" HEAD --format markdown > okrctl-diff.md
          cat okrctl-diff.md >> "$GITHUB_STEP_SUMMARY"
      - name: Comment
        if: ${{ !cancelled() && steps.diff.outcome == 'success' }}
        continue-on-error: true  # a pull request from a fork gets a read-only token
        env:
          GH_TOKEN: ${{ github.token }}
          PR: ${{ github.event.pull_request.number }}
        run: |
          # One sticky comment: edit the one that starts with the marker.
          id=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" --paginate \
            --jq '.[] | select(.body | startswith("<!-- okrctl-diff -->")) | .id' | head -n 1)
          if [ -n "$id" ]; then
            gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F body=@okrctl-diff.md > /dev/null
          else
            gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" -F body=@okrctl-diff.md > /dev/null
          fi
`
