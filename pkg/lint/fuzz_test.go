package lint

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/okrctl/okrctl/internal/fuzzseed"
	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/okr"
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
	fuzzseed.AddFiles(f, filepath.Join("testdata", "rules", "*", "*.yaml"))
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
			if i > 0 && diag.Less(fd, res.Findings[i-1]) {
				t.Errorf("findings out of order at %s", fd.Error())
			}
		}
	})
}

// fullSchemaValid validates d with the embedded JSON schema alone.
func fullSchemaValid(t *testing.T, d *okr.Document) bool {
	t.Helper()
	return embeddedSet(t).fullValid(d)
}

// quickValid runs the fast check of the embedded schema on d.
func quickValid(t *testing.T, d *okr.Document) bool {
	t.Helper()
	return embeddedSet(t).quickValid(d.Node, d.Kind)
}

func embeddedSet(t *testing.T) schemaSet {
	t.Helper()
	set, err := embedded()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// fullValid validates d with the JSON schema alone.
func (set schemaSet) fullValid(d *okr.Document) bool {
	ds := set[d.Kind]
	return ds.full.Validate(toJSON(d.Node, ds.shape)) == nil
}

// FuzzSchema checks the schema fast path against the JSON schema: what
// the fast check accepts, the schema accepts, both for the embedded schema
// and for a stricter one that uses more keywords (patterns, bounds, list
// lengths, and keywords the fast check does not evaluate). Neither may
// panic, nor may the mapping of schema errors to positions.
func FuzzSchema(f *testing.F) {
	fuzzseed.AddFiles(f, filepath.Join("testdata", "rules", "*", "*.yaml"))
	fuzzseed.AddFiles(f, filepath.Join("..", "..", "examples", "okrs", "*", "*.yaml"))
	strict := strictSchemas(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		file := okr.ParseFile("f.yaml", src)
		for _, d := range file.Docs {
			if d.Kind != okr.KindObjective && d.Kind != okr.KindKPI {
				continue
			}
			for _, set := range []schemaSet{embeddedSet(t), strict} {
				quick, full := set.quickValid(d.Node, d.Kind), set.fullValid(d)
				if quick && !full {
					t.Fatalf("the fast check accepts a document the schema rejects:\n%s", src)
				}
				issues := set.check(d, true)
				if full != (len(issues) == 0) {
					t.Fatalf("check gives %d issues for a document the schema judges %v", len(issues), full)
				}
				for _, is := range issues {
					if is.Line < 1 || is.Column < 1 || is.Message == "" {
						t.Errorf("schema issue without a position or message: %+v", is)
					}
				}
			}
		}
	})
}

// strictSchemas is the embedded schema with more constraints.
func strictSchemas(tb testing.TB) schemaSet {
	objective := modifiedSchemas(tb, "objective", func(doc map[string]any) {
		prop(doc, "properties", "owner")["pattern"] = "^[a-z-]+$"
		prop(doc, "properties", "labels")["minItems"] = 1
		prop(doc, "properties", "labels", "items")["minLength"] = 2
		prop(doc, "$defs", "keyResult", "properties", "weight")["minimum"] = 1
		prop(doc, "$defs", "keyResult", "properties", "weight")["maximum"] = 10
		prop(doc, "$defs", "keyResult", "properties", "current", "properties", "value")["minimum"] = -1000
		prop(doc, "$defs", "keyResult", "properties", "title")["maxLength"] = 60
	})
	kpi := modifiedSchemas(tb, "kpi", func(doc map[string]any) {
		prop(doc, "properties", "name")["maxLength"] = 30
		prop(doc, "properties", "unit")["enum"] = []any{"count", "%", "EUR", nil}
	})
	return schemaSet{okr.KindObjective: objective[okr.KindObjective], okr.KindKPI: kpi[okr.KindKPI]}
}
