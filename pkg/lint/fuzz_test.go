package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

const fuzzKPIs = `kind: KPI
id: leads_generated
name: Leads generated
aggregation: sum
good: up
frequency: weekly
---
kind: KPI
id: cost_per_lead
name: Cost per lead
good: down
frequency: monthly
`

const fuzzSnapshots = "date,kpi,value\n2025-12-29,cost_per_lead,48\n2026-01-05,leads_generated,90\n2026-01-05,cost_per_lead,47\n"

// FuzzRun lints a repository of one fuzzed YAML file beside fixed KPIs and
// snapshots, in memory. It checks that nothing panics (the loader's
// recovered panics included), and that every finding is placed, sorted and
// names a known rule.
func FuzzRun(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "rules", "*", "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range seeds {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	asOf := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{
			"repo/o.yaml":    {Data: src},
			"repo/kpis.yaml": {Data: []byte(fuzzKPIs)},
			"repo/s.csv":     {Data: []byte(fuzzSnapshots)},
		}
		res, err := Run(Options{FS: fsys, Base: "/", Cwd: "/repo", AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(string(src), "\n") + 1
		for i, fd := range res.Findings {
			if strings.HasPrefix(fd.Message, "cannot parse YAML:") {
				t.Fatalf("a recovered panic: %s", fd.Message)
			}
			if _, ok := RuleByID(fd.Rule); !ok || fd.Message == "" {
				t.Errorf("finding with an unknown rule or no message: %s", fd.Error())
			}
			if fd.Line < 1 || fd.Column < 1 || (fd.File == "o.yaml" && fd.Line > lines) {
				t.Errorf("finding outside the file: %s", fd.Error())
			}
			if i > 0 && Less(fd, res.Findings[i-1]) {
				t.Errorf("findings out of order at %s", fd.Error())
			}
		}
	})
}
