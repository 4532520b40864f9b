//go:build unix

package okr

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// loadWithin runs Load and fails t if it does not return within a few
// seconds (a blocked open never would).
func loadWithin(t *testing.T, opt Options) (*Repo, error) {
	t.Helper()
	type result struct {
		repo *Repo
		err  error
	}
	done := make(chan result, 1)
	go func() {
		repo, err := Load(opt)
		done <- result{repo, err}
	}()
	select {
	case r := <-done:
		return r.repo, r.err
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocked")
		return nil, nil
	}
}

// TestLoadNamedPipe checks that a named pipe given as a root is refused
// with a PathError at once, and skipped when found by the walk.
func TestLoadNamedPipe(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"pipe.yaml", "pipe.csv", "okrs/pipe.yaml"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "okrs", "a.yaml"), []byte(objectiveDoc("a", "2026-03-01")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{"pipe.yaml", "pipe.csv", "okrs/pipe.yaml"} {
		_, err := loadWithin(t, Options{FS: DirFS(dir), Roots: []string{root}})
		var pe *PathError
		if !errors.As(err, &pe) || !errors.Is(err, errNotRegular) || pe.Path != root {
			t.Errorf("%s: error %v, want a PathError: not a regular file", root, err)
		} else if want := root + ": is a named pipe, not a regular file or directory"; err.Error() != want {
			t.Errorf("%s: error %q, want %q", root, err, want)
		}
	}
	repo, err := loadWithin(t, Options{FS: DirFS(dir), Roots: []string{"okrs"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"okrs/a.yaml"}, paths(repo.Files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	// Listed as a file, then replaced by a pipe before it is read.
	if _, _, _, err := (dirFS{dir: dir}).readWhole("okrs/pipe.yaml", MaxFileSize); !errors.Is(err, errNotRegular) {
		t.Errorf("readWhole of a pipe: %v, want not a regular file", err)
	}
}

// TestLoadNamesNotUTF8 reads files and directories whose names are not
// valid UTF-8 (Latin-1 names written by old tools) and shows the names
// escaped.
func TestLoadNamesNotUTF8(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "okrs", "caf\xe9"), 0o755); err != nil {
		t.Skipf("names that are not UTF-8 are refused here: %v", err)
	}
	for name, src := range map[string]string{
		"okrs/r\xe9sum\xe9.yaml":    objectiveDoc("a", "2026-03-01"),
		"okrs/caf\xe9/kpis.yaml":    kpiDoc("k"),
		"okrs/caf\xe9/data\xe9.csv": "date,kpi,value\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, root := range []string{"okrs", "okrs/r\xe9sum\xe9.yaml"} {
		repo, err := loadWithin(t, Options{FS: DirFS(dir), Roots: []string{root}})
		if err != nil {
			t.Fatalf("%q: %v", root, err)
		}
		if issues := repo.Issues(); len(issues) != 0 {
			t.Errorf("%q: issues %v", root, issues)
		}
		if len(repo.Objectives) != 1 || repo.Objectives[0].ID != "a" {
			t.Errorf("%q: objectives %v", root, repo.Objectives)
		}
		if root != "okrs" {
			continue
		}
		if diff := cmp.Diff([]string{`okrs/caf\xe9/kpis.yaml`, `okrs/r\xe9sum\xe9.yaml`}, paths(repo.Files)); diff != "" {
			t.Errorf("files (-want +got):\n%s", diff)
		}
		if len(repo.KPIs) != 1 || len(repo.CSV) != 1 || repo.CSVDisplay[0] != `okrs/caf\xe9/data\xe9.csv` {
			t.Errorf("KPIs %v, CSV %q as %q", repo.KPIs, repo.CSV, repo.CSVDisplay)
		}
		if f, err := DirFS(dir).Open(repo.CSV[0]); err != nil {
			t.Errorf("open %q: %v", repo.CSV[0], err)
		} else {
			f.Close()
		}
	}
}

func TestEscapeName(t *testing.T) {
	for in, want := range map[string]string{
		"okrs/résumé.yaml":       "okrs/résumé.yaml",
		"okrs/r\xe9sum\xe9.yaml": `okrs/r\xe9sum\xe9.yaml`,
		"\xff":                   `\xff`,
	} {
		if got := escapeName(in); got != want {
			t.Errorf("escapeName(%q) = %q, want %q", in, got, want)
		}
	}
}
