package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// run runs okrctl in-process in dir and returns its exit code, stdout and
// stderr.
func run(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &Streams{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv: func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] },
		Now:    func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) },
		Dir:    dir,
	}
	code := Main(args, s)
	return code, out.String(), errb.String()
}

// findingsOf runs validate --format json and returns its findings as
// file:line:col:rule:message strings, with the file count.
func findingsOf(t *testing.T, dir string, paths ...string) ([]string, int) {
	t.Helper()
	_, out, errs := run(t, dir, append([]string{"validate", "--format", "json"}, paths...)...)
	var got struct {
		Findings []struct {
			File, Rule, Message string
			Line, Column        int
		}
		Files int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("validate %v: %v\n%s%s", paths, err, out, errs)
	}
	var fs []string
	for _, f := range got.Findings {
		fs = append(fs, strings.Join([]string{f.File, itoa(f.Line), itoa(f.Column), f.Rule, f.Message}, ":"))
	}
	return fs, got.Files
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestOneFileInRepositoryContext checks that a file named on its own is
// checked against the whole repository, and shows exactly its findings of
// the whole-repository run: for a repository with a configuration, for
// one with none inside a git work tree, and for every file of the examples.
func TestOneFileInRepositoryContext(t *testing.T) {
	repo := t.TempDir()
	write(t, repo, "kpis/kpis.yaml", "kind: KPI\nid: leads\nname: Leads\naggregation: sum\n")
	write(t, repo, "kpis/snap.csv", "date,kpi,value\n2026-10-05,leads,40\n2026-10-12,leads,45\n2026-10-12,nope,1\n")
	objective := func(id, kpi string) string {
		return "kind: Objective\nid: " + id + "\ntitle: Grow\nowner: team\nperiod: 2026-Q4\nkey_results:\n" +
			"  - {id: a, title: Reach 400 leads, kpi: " + kpi + ", target: 400}\n" +
			"  - {id: b, title: Reach 500 leads, kpi: leads, target: 500}\n" +
			"  - {id: c, title: Reach 600 leads, kpi: leads, target: 600}\n"
	}
	write(t, repo, "okrs/a.yaml", objective("alpha", "leads"))
	write(t, repo, "okrs/b.yaml", objective("beta", "leeds"))
	write(t, repo, "okrs/c.yaml", objective("alpha", "leads"))

	for _, setup := range []struct {
		name string
		prep func()
	}{
		{"config", func() { write(t, repo, ".okrctl.yaml", "paths: [okrs, kpis]\n") }},
		{"git", func() {
			os.Remove(filepath.Join(repo, ".okrctl.yaml"))
			if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(setup.name, func(t *testing.T) {
			setup.prep()
			whole, _ := findingsOf(t, repo)
			if len(whole) == 0 {
				t.Fatal("the whole repository has no findings")
			}
			for _, name := range []string{"okrs/a.yaml", "okrs/b.yaml", "okrs/c.yaml", "kpis/snap.csv", "kpis/kpis.yaml", "okrs"} {
				got, files := findingsOf(t, repo, name)
				want := slices.DeleteFunc(slices.Clone(whole), func(f string) bool { return !strings.HasPrefix(f, name) })
				if !slices.Equal(got, want) {
					t.Errorf("validate %s:\n got %q\nwant %q", name, got, want)
				}
				if wantFiles := map[bool]int{true: 3, false: 1}[name == "okrs"]; files != wantFiles {
					t.Errorf("validate %s read %d files as its own, want %d", name, files, wantFiles)
				}
			}
		})
	}

	// A path named from a subdirectory is still read in context.
	if got, _ := findingsOf(t, filepath.Join(repo, "okrs"), "b.yaml"); len(got) != 1 || !strings.HasPrefix(got[0], "b.yaml:7:42:unknown-kpi:") {
		t.Errorf("validate b.yaml from okrs/: %q", got)
	}

	// status of one file shows its objectives, measured from the
	// repository's snapshots.
	code, out, errs := run(t, repo, "status", "--format", "json", "okrs/a.yaml")
	if code != 0 || !strings.Contains(out, `"id": "alpha"`) || strings.Contains(out, `"id": "beta"`) || !strings.Contains(out, `"current": 85`) {
		t.Errorf("status okrs/a.yaml: exit %d\n%s%s", code, out, errs)
	}

	examples, _ := filepath.Abs(filepath.Join("..", "..", "examples"))
	whole, _ := findingsOf(t, examples)
	files, _ := filepath.Glob(filepath.Join(examples, "okrs", "*", "*.yaml"))
	for _, f := range files {
		rel, _ := filepath.Rel(examples, f)
		got, _ := findingsOf(t, examples, rel)
		want := slices.DeleteFunc(slices.Clone(whole), func(s string) bool { return !strings.HasPrefix(s, filepath.ToSlash(rel)+":") })
		if !slices.Equal(got, want) {
			t.Errorf("validate %s: got %q, want %q", rel, got, want)
		}
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
