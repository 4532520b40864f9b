package okr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/diag"
)

func kpiDoc(id string) string { return fmt.Sprintf("kind: KPI\nid: %s\nname: %s\n", id, id) }

func objectiveDoc(id, deadline string) string {
	return fmt.Sprintf(`kind: Objective
id: %s
title: Grow
owner: marketing
period: 2026-Q1
key_results:
  - id: leads
    title: Reach 480 leads
    target: 480
    deadline: %s
`, id, deadline)
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func paths(fs []*File) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path)
	}
	return out
}

func TestLoadWalk(t *testing.T) {
	fsys := fstest.MapFS{
		"repo/okrs/b.yaml":              file(objectiveDoc("b", "2026-03-01")),
		"repo/okrs/a.yml":               file(objectiveDoc("a", "2026-03-01")),
		"repo/okrs/Z.YAML":              file(objectiveDoc("z", "2026-03-01")),
		"repo/okrs/notes.txt":           file("not yaml"),
		"repo/okrs/.draft.yaml":         file("kind: Nope\n"),
		"repo/.git/config.yaml":         file("kind: Nope\n"),
		"repo/.okrctl/schema/x.yaml":    file("kind: Nope\n"),
		"repo/okrs/archive/old.yaml":    file("kind: Nope\n"),
		"repo/okrs/archive/deep/x.csv":  file("date,kpi,value\n"),
		"repo/kpis/kpis.yaml":           file(kpiDoc("k1") + "---\n" + kpiDoc("k2")),
		"repo/kpis/snapshots/2026.csv":  file("date,kpi,value\n"),
		"repo/kpis/snapshots/.hid.csv":  file("date,kpi,value\n"),
		"repo/kpis/snapshots/2025.CSV":  file("date,kpi,value\n"),
		"repo/kpis/snapshots/web/w.csv": file("date,k1\n"),
	}
	var ignoredRoots []string
	repo, err := Load(Options{
		FS:    fsys,
		Roots: []string{"repo/", "repo/okrs/a.yml"}, // a file named twice is read once
		Ignore: func(p, root string) bool {
			ignoredRoots = append(ignoredRoots, root)
			return path.Base(p) == "archive"
		},
		Display: func(p string) string { return strings.TrimPrefix(p, "repo/") },
	})
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []string{"kpis/kpis.yaml", "okrs/Z.YAML", "okrs/a.yml", "okrs/b.yaml"}
	if diff := cmp.Diff(wantFiles, paths(repo.Files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"kpis/snapshots/2025.CSV", "kpis/snapshots/2026.csv", "kpis/snapshots/web/w.csv"}, repo.CSVDisplay); diff != "" {
		t.Errorf("CSV display paths (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"repo/kpis/snapshots/2025.CSV", "repo/kpis/snapshots/2026.csv", "repo/kpis/snapshots/web/w.csv"}, repo.CSV); diff != "" {
		t.Errorf("CSV fs paths (-want +got):\n%s", diff)
	}
	var ids []string
	for _, o := range repo.Objectives {
		ids = append(ids, o.ID+"@"+o.File())
	}
	for _, k := range repo.KPIs {
		ids = append(ids, k.ID+"@"+k.File())
	}
	if diff := cmp.Diff([]string{"z@okrs/Z.YAML", "a@okrs/a.yml", "b@okrs/b.yaml", "k1@kpis/kpis.yaml", "k2@kpis/kpis.yaml"}, ids); diff != "" {
		t.Errorf("documents in file order (-want +got):\n%s", diff)
	}
	if len(repo.Issues()) != 0 {
		t.Errorf("issues: %v", repo.Issues())
	}
	for _, r := range ignoredRoots {
		if r != "repo" {
			t.Errorf("Ignore was called with root %q, want the cleaned root %q", r, "repo")
		}
	}
}

func TestLoadHiddenRoot(t *testing.T) {
	// A hidden directory named as a root is read; hidden entries below it are not.
	fsys := fstest.MapFS{
		".okrs/a.yaml":      file(kpiDoc("a")),
		".okrs/.b/b.yaml":   file(kpiDoc("b")),
		".okrs/.hidden.yml": file(kpiDoc("c")),
	}
	repo, err := Load(Options{FS: fsys, Roots: []string{".okrs"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{".okrs/a.yaml"}, paths(repo.Files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

func TestLoadRootIsNeverIgnored(t *testing.T) {
	fsys := fstest.MapFS{"archive/a.yaml": file(kpiDoc("a")), "archive/b/b.yaml": file(kpiDoc("b"))}
	repo, err := Load(Options{FS: fsys, Roots: []string{"archive"}, Ignore: func(p, root string) bool {
		return strings.HasPrefix(p, "archive")
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(repo.Files) != 0 {
		t.Errorf("got %v: everything below the root is ignored", paths(repo.Files))
	}
	repo, err = Load(Options{FS: fsys, Roots: []string{"archive/a.yaml"}, Ignore: func(string, string) bool { return true }})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"archive/a.yaml"}, paths(repo.Files)); diff != "" {
		t.Errorf("a file root is read even when ignored (-want +got):\n%s", diff)
	}
}

func TestLoadMissingRoot(t *testing.T) {
	fsys := fstest.MapFS{"okrs/a.yaml": file(kpiDoc("a"))}
	_, err := Load(Options{FS: fsys, Roots: []string{"okrs", "nope/dir"}, Display: func(p string) string { return "./" + p }})
	var pe *PathError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T), want a *PathError", err, err)
	}
	if pe.Path != "./nope/dir" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("PathError %q wrapping %v, want the displayed path and fs.ErrNotExist", pe.Path, pe.Err)
	}
	if got, want := err.Error(), "./nope/dir: file does not exist"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestLoadNoRoots(t *testing.T) {
	repo, err := Load(Options{FS: fstest.MapFS{}})
	if err != nil || len(repo.Files) != 0 || len(repo.CSV) != 0 {
		t.Errorf("Load with no roots = %v, %v", repo, err)
	}
}

func TestLoadTooBig(t *testing.T) {
	big := strings.Repeat("# a comment line of some length to fill the file up\n", MaxFileSize/52+10)
	fsys := fstest.MapFS{"big.yaml": file(big), "ok.yaml": file(kpiDoc("a"))}
	repo, err := Load(Options{FS: fsys, Roots: []string{"."}})
	if err != nil {
		t.Fatal(err)
	}
	is := repo.Issues()
	want := fmt.Sprintf("file is %d bytes, more than the 8 MiB okrctl reads", len(big))
	if len(is) != 1 || is[0].File != "big.yaml" || is[0].Message != want || (Pos{is[0].Line, is[0].Column}) != (Pos{1, 1}) {
		t.Fatalf("issues %v, want one: %s", is, want)
	}
	if len(repo.KPIs) != 1 {
		t.Errorf("the other file was not loaded: %d KPIs", len(repo.KPIs))
	}
}

func TestLoadDispatch(t *testing.T) {
	fsys := fstest.MapFS{
		"two.yaml":      file(objectiveDoc("one", "2026-03-01") + "---\n" + objectiveDoc("two", "2026-03-01") + "---\n" + objectiveDoc("three", "2026-03-01")),
		"nokind.yaml":   file("id: x\nname: y\n"),
		"emptykind.yml": file("kind:\nid: x\n"),
		"typo.yaml":     file("kind: Objetive\nid: x\n"),
		"other.yaml":    file("kind: Deployment\n"),
		"list.yaml":     file("- kind: KPI\n"),
		"scalar.yaml":   file("hello\n"),
		"kindlist.yaml": file("kind: [KPI]\n"),
		"broken.yaml":   file("kind: KPI\nid: [\n"),
		"good.yaml":     file(kpiDoc("g")),
	}
	repo, err := Load(Options{FS: fsys, Roots: []string{"."}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, is := range repo.Issues() {
		got = append(got, fmt.Sprintf("%s:%d:%d: %s [%s]", is.File, is.Line, is.Column, is.Message, is.Rule))
	}
	want := []string{
		"broken.yaml:2:5: invalid YAML: the [ opened here is never closed [yaml]",
		`emptykind.yml:1:6: kind is empty: want Objective or KPI [kind]`,
		`kindlist.yaml:1:7: kind must be Objective or KPI, not a list [kind]`,
		`list.yaml:1:1: document is not a mapping: want an Objective or KPI document with a kind [kind]`,
		`nokind.yaml:1:1: document has no kind: want kind: Objective or kind: KPI [kind]`,
		`other.yaml:1:7: unknown kind "Deployment": want Objective or KPI [kind]`,
		`scalar.yaml:1:1: document is not a mapping: want an Objective or KPI document with a kind [kind]`,
		`two.yaml:12:1: a file holds one Objective: move this one to a file of its own [one-objective]`,
		`two.yaml:23:1: a file holds one Objective: move this one to a file of its own [one-objective]`,
		`typo.yaml:1:7: unknown kind "Objetive": did you mean "Objective"? [kind]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
	if len(repo.Objectives) != 3 || len(repo.KPIs) != 1 {
		t.Errorf("got %d objectives and %d KPIs; every Objective document is kept, and the good KPI", len(repo.Objectives), len(repo.KPIs))
	}
}

func TestLoadCheck(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yaml": file(objectiveDoc("a", "2026-03-01") + "---\n" + kpiDoc("k") + "---\nkind: Other\n---\nid: x\n"),
	}
	var kinds []string
	repo, err := Load(Options{FS: fsys, Roots: []string{"."}, Check: func(d *Document) []diag.Finding {
		kinds = append(kinds, d.Kind)
		return []diag.Finding{{File: d.File.Path, Line: d.Node.Line, Column: d.Node.Column, Rule: "test", Message: d.Kind}}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Objective", "KPI"}, kinds); diff != "" {
		t.Errorf("Check ran on (-want +got):\n%s", diff)
	}
	n := 0
	for _, is := range repo.Issues() {
		if is.Rule == "test" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("got %d issues from Check, want 2", n)
	}
}

func TestLoadDecode(t *testing.T) {
	src := `kind: Objective
id: growth-2026
title: Grow qualified leads
owner: marketing
period: 2026
parent: company
commitment: committed
description: Why.
labels: [growth, "2026", {x: y}]
key_results:
  - id: leads
    title: Increase leads from 400 to 480
    kpi: leads_generated
    baseline: 400
    target: 480
    direction: increase
    deadline: 2026-03-31
    weight: 2
    current: 410
  - id: quoted
    title: t
    target: 1.5e2
    deadline: "2026-03-31"
  - id: wrong-types
    title: [not, a, string]
    baseline: "400"
    target: ten
    deadline: 20260331
    weight: -1
    current: true
  - just a string
  - id: nulls
    title:
    target: ~
    deadline:
`
	repo, err := Load(Options{FS: fstest.MapFS{"o.yaml": file(src)}, Roots: []string{"o.yaml"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(repo.Objectives) != 1 {
		t.Fatalf("%d objectives", len(repo.Objectives))
	}
	o := repo.Objectives[0]
	if o.ID != "growth-2026" || o.Title != "Grow qualified leads" || o.Owner != "marketing" || o.Parent != "company" ||
		o.Description != "Why." || !o.IsCommitted() || o.PeriodText != "2026" || !o.HasPeriod() || o.Period.End != day("2026-12-31") {
		t.Errorf("objective fields: %+v", o)
	}
	if diff := cmp.Diff([]string{"growth", "2026"}, o.Labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	if len(o.KeyResults) != 4 {
		t.Fatalf("%d key results, want 4 (the string entry is skipped)", len(o.KeyResults))
	}
	kr := o.KeyResults[0]
	if kr.ID != "leads" || kr.KPI != "leads_generated" || *kr.Baseline != 400 || *kr.Target != 480 || *kr.Current != 410 ||
		kr.Direction != Increase || kr.Weight != 2 || kr.DeadlineText != "2026-03-31" || kr.Deadline != day("2026-03-31") {
		t.Errorf("key result 1: %+v", kr)
	}
	// An unquoted date (a YAML timestamp) and a quoted one are the same.
	q := o.KeyResults[1]
	if q.DeadlineText != kr.DeadlineText || !q.Deadline.Equal(kr.Deadline) || *q.Target != 150 || q.Weight != 1 {
		t.Errorf("quoted deadline: %+v", q)
	}
	w := o.KeyResults[2]
	if w.Title != "" || w.Baseline != nil || w.Target != nil || w.Current != nil || w.Weight != 1 || !w.Deadline.IsZero() {
		t.Errorf("wrong types should decode to nothing: %+v", w)
	}
	if _, ok := w.DeadlineIn(o.Period); ok {
		t.Error("a deadline that is not a date resolves")
	}
	n := o.KeyResults[3]
	if n.Title != "" || n.Target != nil || n.DeadlineText != "" {
		t.Errorf("nulls: %+v", n)
	}
	if d, ok := n.DeadlineIn(o.Period); !ok || d != day("2026-12-31") {
		t.Errorf("an empty deadline defaults to the period's end, got %v %v", d, ok)
	}
	if o.File() != "o.yaml" || o.Node() == nil {
		t.Error("File or Node")
	}
}

func TestLoadQuotedAndUnquotedDatesAgree(t *testing.T) {
	unquoted := objectiveDoc("a", "2026-02-15")
	quoted := objectiveDoc("a", `"2026-02-15"`)
	single := objectiveDoc("a", `'2026-02-15'`)
	var got []time.Time
	for _, src := range []string{unquoted, quoted, single} {
		repo, err := Load(Options{FS: fstest.MapFS{"o.yaml": file(src)}, Roots: []string{"."}})
		if err != nil {
			t.Fatal(err)
		}
		kr := repo.Objectives[0].KeyResults[0]
		if kr.DeadlineText != "2026-02-15" {
			t.Errorf("DeadlineText %q", kr.DeadlineText)
		}
		got = append(got, kr.Deadline)
	}
	if !got[0].Equal(day("2026-02-15")) || !got[0].Equal(got[1]) || !got[0].Equal(got[2]) {
		t.Errorf("deadlines differ: %v", got)
	}
}

func TestKPIAgg(t *testing.T) {
	if (&KPI{}).Agg() != "last" || (&KPI{Aggregation: "sum"}).Agg() != "sum" {
		t.Error("Agg")
	}
}

// TestLoadDirFS loads a real directory through DirFS: files are read whole,
// a link to a file is read like the file, links to directories and
// dangling links are skipped, and an oversized file is refused unread.
func TestLoadDirFS(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	write("shared/kpis.yaml", kpiDoc("shared"))
	write("repo/okrs/a.yaml", objectiveDoc("a", "2026-03-01"))
	write("repo/empty.yaml", "")
	write("repo/big.yaml", strings.Repeat("#", MaxFileSize+1))
	link("../../shared/kpis.yaml", "repo/okrs/kpis.yaml")
	link("../shared", "repo/linked-dir")
	link("missing.yaml", "repo/dangling.yaml")

	repo, err := Load(Options{FS: DirFS(dir), Roots: []string{"repo"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"repo/big.yaml", "repo/empty.yaml", "repo/okrs/a.yaml", "repo/okrs/kpis.yaml"}, paths(repo.Files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if len(repo.Objectives) != 1 || len(repo.KPIs) != 1 || repo.KPIs[0].ID != "shared" {
		t.Errorf("got %d objectives and KPIs %v; want 1 objective and the linked KPI", len(repo.Objectives), repo.KPIs)
	}
	want := fmt.Sprintf("file is %d bytes, more than the 8 MiB okrctl reads", MaxFileSize+1)
	if is := repo.Issues(); len(is) != 1 || is[0].File != "repo/big.yaml" || is[0].Message != want {
		t.Errorf("issues %v, want one: %s", is, want)
	}
	if src := repo.Files[2].Src; string(src) != objectiveDoc("a", "2026-03-01") {
		t.Errorf("read %q", src)
	}
}
