package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/okrctl/okrctl/pkg/okr"
)

// TestQuickValid checks the schema fast path on every document of the
// golden cases and the examples: it never accepts what the schema rejects,
// and it accepts every valid document of the examples (or it would be no
// fast path).
func TestQuickValid(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "rules", "*", "*.yaml"))
	for _, dir := range []string{"okrs/*", "kpis", "broken"} {
		more, _ := filepath.Glob(filepath.Join("..", "..", "examples", dir, "*.yaml"))
		paths = append(paths, more...)
	}
	accepted, valid := 0, 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range okr.ParseFile(p, src).Docs {
			if d.Kind != okr.KindObjective && d.Kind != okr.KindKPI {
				continue
			}
			quick, full := quickValid(d), fullSchemaValid(t, d)
			if quick && !full {
				t.Errorf("%s document %d: quickValid accepts what the schema rejects", p, d.Index)
			}
			if full {
				valid++
				if !quick && filepath.Base(filepath.Dir(filepath.Dir(p))) == "okrs" {
					t.Errorf("%s document %d: valid, but quickValid refuses it", p, d.Index)
				}
			}
			if quick {
				accepted++
			}
		}
	}
	if accepted < valid*9/10 {
		t.Errorf("quickValid accepts %d of %d valid documents", accepted, valid)
	}
}
