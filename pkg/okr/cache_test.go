package okr

import (
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/okrctl/okrctl/pkg/diag"
)

// TestCacheSharesFilesAlikeInBothLoads parses a file once when a second
// Load sees the same path with the same content, and again when either
// differs.
func TestCacheSharesFilesAlikeInBothLoads(t *testing.T) {
	base := fstest.MapFS{
		"okrs/a.yaml": file(objectiveDoc("a", "2026-03-31")),
		"okrs/b.yaml": file(objectiveDoc("b", "2026-03-31")),
		"okrs/k.yaml": file(kpiDoc("leads")),
	}
	head := fstest.MapFS{
		"okrs/a.yaml": base["okrs/a.yaml"],
		"okrs/b.yaml": file(objectiveDoc("b", "2026-02-28")),
		"okrs/c.yaml": base["okrs/k.yaml"], // same content, other path
	}
	var checks atomic.Int32 // Check runs on Load's workers
	var cache Cache
	load := func(fsys fstest.MapFS) *Repo {
		t.Helper()
		r, err := Load(Options{FS: fsys, Roots: []string{"okrs"}, Cache: &cache, Check: func(*Document) []diag.Finding { checks.Add(1); return nil }})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	b, h := load(base), load(head)
	if b.Objectives[0] != h.Objectives[0] {
		t.Error("a.yaml, alike in both, was parsed twice")
	}
	if b.Objectives[1] == h.Objectives[1] || h.Objectives[1].KeyResults[0].DeadlineText != "2026-02-28" {
		t.Error("b.yaml changed but its first parse was reused")
	}
	if b.KPIs[0] == h.KPIs[0] || h.KPIs[0].File() != "okrs/c.yaml" {
		t.Errorf("a file with the same content at another path must be its own parse (its issues name its path)")
	}
	if n := checks.Load(); n != 5 { // a, b, k; then b and c again
		t.Errorf("Check ran %d times, want 5", n)
	}
	// Without a cache, nothing is shared.
	r1, _ := Load(Options{FS: base, Roots: []string{"okrs"}})
	r2, _ := Load(Options{FS: base, Roots: []string{"okrs"}})
	if r1.Objectives[0] == r2.Objectives[0] {
		t.Error("shared without a cache")
	}
}
