package lint

import (
	"path/filepath"
	"testing"

	"github.com/okrctl/okrctl/pkg/config"
)

// TestCheckInsWithACache runs twice over one repository with a shared
// Cache, as okrctl diff does: each run sees each check-in once, and the
// cached model is not modified. The check-ins directory, left out of the
// configured paths, is read.
func TestCheckInsWithACache(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		".okrctl.yaml": "paths: [okrs]\n",
		"okrs/grow.yaml": "kind: Objective\nid: grow\ntitle: Keep the pipeline full\nowner: sales\nperiod: 2026-Q4\nkey_results:\n" +
			"  - {id: a, title: Reach 400 MQLs, baseline: 0, target: 400}\n" +
			"  - {id: b, title: Reach 40 SQLs, baseline: 0, target: 40}\n" +
			"  - {id: c, title: Win 10 deals, baseline: 0, target: 10}\n",
		"checkins/2026-Q4.csv": "date,objective,key_result,value,confidence\n2026-11-02,grow,a,10,5\n2026-10-05,grow,a,5,6\n",
	})
	cfg, err := config.Load(filepath.Join(dir, ".okrctl.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cache := NewCache()
	var first *Result
	for run := 0; run < 2; run++ {
		res, err := Run(Options{Cwd: dir, Config: cfg, Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) > 0 {
			t.Fatalf("findings: %v", res.Findings)
		}
		got := res.Objectives["grow"].KeyResults[0].CheckIns
		if len(got) != 2 || got[0].Line != 3 || got[1].Line != 2 {
			t.Fatalf("run %d: check-ins of grow/a = %+v, want lines 3 and 2", run, got)
		}
		if run == 0 {
			first = res
		}
	}
	if n := len(first.Objectives["grow"].KeyResults[0].CheckIns); n != 2 {
		t.Errorf("the second run changed the first run's model: %d check-ins", n)
	}
}
