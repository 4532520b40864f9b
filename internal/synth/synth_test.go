package synth

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	if err := Generate(dir, Spec{Objectives: 3, KPIs: 2, SnapshotRows: 5}); err != nil {
		t.Fatal(err)
	}
	objs, _ := filepath.Glob(filepath.Join(dir, "okrs/2026-Q4/*.yaml"))
	if len(objs) != 3 {
		t.Errorf("got %d objective files, want 3", len(objs))
	}
	csv, err := os.ReadFile(filepath.Join(dir, "kpis/snapshots/snapshots.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(csv)), "\n")
	if len(lines) != 6 || lines[0] != "date,kpi,value" {
		t.Errorf("snapshot file: got %d lines starting %q, want 6 starting with the header", len(lines), lines[0])
	}
	if !strings.HasPrefix(lines[1], "2026-12-31,kpi_0000,") || !strings.HasPrefix(lines[3], "2026-12-30,kpi_0000,") {
		t.Errorf("rows are not one per KPI and day: %q", lines[1:4])
	}
}
