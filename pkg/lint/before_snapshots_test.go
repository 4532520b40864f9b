package lint

import (
	"testing"
	"testing/fstest"
)

// TestBeforeSnapshots: the hook is told the total size of the snapshot
// and check-in files once the YAML files are read.
func TestBeforeSnapshots(t *testing.T) {
	fsys := fstest.MapFS{
		"repo/kpis/kpis.yaml":            {Data: []byte("kind: KPI\nid: leads\nname: Leads\n")},
		"repo/kpis/snapshots/2026.csv":   {Data: []byte("date,kpi,value\n2026-10-01,leads,1\n")},
		"repo/kpis/snapshots/export.CSV": {Data: []byte("date,leads\n2026-10-08,2\n")},
		"repo/okrs/checkins/2026-q4.csv": {Data: []byte("date,objective,key_result,value\n")},
		"repo/okrs/q4.yaml":              {Data: []byte("kind: Objective\nid: o\ntitle: T\nowner: me\nperiod: 2026-Q4\n")},
	}
	want := int64(0)
	for name, f := range fsys {
		if n := len(name); name[n-4:] == ".csv" || name[n-4:] == ".CSV" {
			want += int64(len(f.Data))
		}
	}
	var got int64 = -1
	yamlRead := false
	if _, err := Run(Options{FS: fsys, Base: "/", Cwd: "/repo", BeforeSnapshots: func(size int64) {
		got, yamlRead = size, true
	}}); err != nil {
		t.Fatal(err)
	}
	if !yamlRead || got != want {
		t.Errorf("BeforeSnapshots told %d bytes (called: %v), want %d", got, yamlRead, want)
	}
}
