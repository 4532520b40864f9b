package lint

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSourceLine shows the lines of the YAML and CSV files a check read,
// by their displayed paths, for the caret display of findings.
func TestSourceLine(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"kpis.yaml":      "kind: KPI\nid: leads\nname: Leads\n",
		"snapshots.csv":  "\uFEFFdate,kpi,value\r\n2026-01-05,leads,12\r\n2026-01-12,leads,n/a\r\n",
		"other/skip.txt": "not read",
	}
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Run(Options{Cwd: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) == 0 || res.Findings[0].File != "snapshots.csv" || res.Findings[0].Line != 3 {
		t.Fatalf("findings %v, want the bad value on snapshots.csv line 3", res.Findings)
	}
	for _, tt := range []struct {
		file string
		n    int
		want string
	}{
		{"snapshots.csv", 1, "date,kpi,value"},
		{"snapshots.csv", 3, "2026-01-12,leads,n/a"},
		{"snapshots.csv", 4, ""},
		{"snapshots.csv", 0, ""},
		{"kpis.yaml", 2, "id: leads"},
		{"other/skip.txt", 1, ""},
		{"missing.csv", 1, ""},
	} {
		if got := res.SourceLine(tt.file, tt.n); got != tt.want {
			t.Errorf("SourceLine(%q, %d) = %q, want %q", tt.file, tt.n, got, tt.want)
		}
	}
}
