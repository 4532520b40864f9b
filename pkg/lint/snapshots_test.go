package lint

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/config"
)

// TestRunSnapshotDialects reads snapshot files in the dialect the
// configuration gives their paths, with the KPI documents' units and
// column titles, and keeps a Cache from serving a store read in another
// dialect.
func TestRunSnapshotDialects(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		"kpis.yaml": "kind: KPI\nid: revenue\nname: Revenue\nunit: EUR\ncolumn: [Fatturato]\n",
		// The same bytes in two files; only the glob tells them apart.
		"kpis/export-it.csv": "date;Fatturato\n31/10/2026;€ 212.400\n",
		"kpis/plain.csv":     "date;Fatturato\n31/10/2026;€ 212.400\n",
	})
	src := "snapshots:\n  files:\n    \"kpis/export-*.csv\": {decimal: \",\", date_format: DD/MM/YYYY}\n"
	cfg, err := config.Parse(filepath.Join(dir, config.FileName), dir, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cache := NewCache()
	res, err := Run(Options{Cwd: dir, Config: cfg, Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`kpis/plain.csv:2:1: error: this file looks like an Italian or Spanish Excel export (dates such as "31/10/2026", numbers such as "212.400"): set snapshots.decimal: "," and snapshots.date_format: DD/MM/YYYY in .okrctl.yaml [csv]`}
	if diff := cmp.Diff(want, lines(res.Findings)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	pts := res.Snapshots.Series("revenue")
	if len(pts) != 1 || pts[0].Value != 212400 || res.Snapshots.Source(pts[0]) != "kpis/export-it.csv:2" {
		t.Errorf("revenue = %+v", pts)
	}

	// Without the settings, the same files and the same cache: nothing is
	// served from the run above.
	res, err = Run(Options{Cwd: dir, Config: config.Default(dir), Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(res.Findings); got != 2 {
		t.Errorf("without settings: %v", lines(res.Findings))
	}
	if pts := res.Snapshots.Series("revenue"); len(pts) != 0 {
		t.Errorf("without settings, revenue = %+v", pts)
	}
}
