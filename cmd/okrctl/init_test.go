package main

import (
	"crypto/sha256"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fileState is what a second init must not change: content and
// modification time.
type fileState struct {
	sum     [32]byte
	modTime time.Time
}

func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	m := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		m[p] = fileState{sha256.Sum256(b), info.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestInitThenValidate(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runIn(dir, "init")
	if code != exitOK {
		t.Fatalf("init: exit %d\n%s%s", code, out, errs)
	}
	want := "created .okrctl.yaml\ncreated okrs/2026-Q4/example.yaml\ncreated kpis/kpis.yaml\ncreated kpis/snapshots/2026.csv\n" +
		"created .okrctl/schema/objective.json\ncreated .okrctl/schema/kpi.json\ncreated .github/workflows/okrctl.yml\ncreated .github/workflows/okrctl-pull.yml\n"
	if out != want {
		t.Errorf("init printed:\n%s\nwant:\n%s", out, want)
	}

	code, out, errs = runIn(dir, "validate")
	if code != exitOK || out != "" || errs != "no problems in 3 files\n" {
		t.Errorf("validate after init: exit %d\n%s%s", code, out, errs)
	}
	// status reads the starter too, date-dependent rules included (its
	// snapshots are dated on the quarter's first day).
	if code, out, errs := runIn(dir, "status", "--as-of", "2026-10-05"); code != exitOK {
		t.Errorf("status after init: exit %d\n%s%s", code, out, errs)
	}

	before := snapshot(t, dir)
	if len(before) != 8 {
		t.Fatalf("init wrote %d files, want 8", len(before))
	}
	time.Sleep(10 * time.Millisecond) // a rewrite would show in the modification times
	code, out, _ = runIn(dir, "init", ".")
	if code != exitOK {
		t.Fatalf("second init: exit %d", code)
	}
	if strings.Count(out, "skipped ") != 8 || strings.Contains(out, "created") {
		t.Errorf("second init printed:\n%s", out)
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Errorf("second init changed files:\nbefore %v\nafter  %v", before, after)
	}
}
