package lint

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/schema"
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
			quick, full := quickValid(t, d), fullSchemaValid(t, d)
			if quick && !full {
				t.Errorf("%s document %d: quickValid accepts what the schema rejects", p, d.Index)
			}
			if full {
				valid++
				if !quick && (filepath.Base(filepath.Dir(filepath.Dir(p))) == "okrs" || strings.HasPrefix(filepath.Base(p), "valid")) {
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

// modifiedSchemas compiles the embedded schemas after edit has changed the
// JSON text of one of them (objective or kpi), and derives their shapes.
func modifiedSchemas(t testing.TB, name string, edit func(map[string]any)) schemaSet {
	t.Helper()
	sources := map[string][]byte{}
	for _, n := range schema.Names {
		src, err := schema.Source(n)
		if err != nil {
			t.Fatal(err)
		}
		if n == name {
			var doc map[string]any
			if err := json.Unmarshal(src, &doc); err != nil {
				t.Fatal(err)
			}
			edit(doc)
			if src, err = json.Marshal(doc); err != nil {
				t.Fatal(err)
			}
		}
		sources[n] = src
	}
	compiled, err := schema.Compile(sources)
	if err != nil {
		t.Fatal(err)
	}
	return deriveSchemas(compiled)
}

// prop returns the schema object at a path of keys in a schema document.
func prop(doc map[string]any, path ...string) map[string]any {
	for _, k := range path {
		doc = doc[k].(map[string]any)
	}
	return doc
}

func parseOne(t *testing.T, src string) *okr.Document {
	t.Helper()
	f := okr.ParseFile("o.yaml", []byte(src))
	if len(f.Docs) != 1 || len(f.Issues) > 0 {
		t.Fatalf("parse: %d documents, issues %v", len(f.Docs), f.Issues)
	}
	return f.Docs[0]
}

const ownerDoc = `kind: Objective
id: grow
title: Grow the business
owner: %s
period: 2026-Q1
key_results:
  - id: leads
    title: Increase leads from 400 to 480
    target: 480
`

// TestSchemaIsTheListOfFields changes the schema and checks that
// validation follows it on both paths, the fast check and the full
// validator: nothing about a field is written down anywhere else.
func TestSchemaIsTheListOfFields(t *testing.T) {
	embedded := embeddedSet(t)
	pattern := modifiedSchemas(t, "objective", func(doc map[string]any) {
		prop(doc, "properties", "owner")["pattern"] = "^[a-z-]+$"
	})
	for _, tc := range []struct {
		name       string
		set        schemaSet
		owner      string
		quick      bool // the fast check accepts
		findings   int  // with or without the fast check
		wantInText string
	}{
		{"embedded schema, any owner", embedded, "Sales Team", true, 0, ""},
		{"owner pattern, matching owner", pattern, "sales-team", true, 0, ""},
		{"owner pattern, other owner", pattern, "Sales Team", false, 1, `"owner" must match the pattern ^[a-z-]+$, not "Sales Team"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parseOne(t, fmt.Sprintf(ownerDoc, tc.owner))
			if got := tc.set.quickValid(d.Node, d.Kind); got != tc.quick {
				t.Errorf("fast check accepts: %v, want %v", got, tc.quick)
			}
			for _, quick := range []bool{true, false} {
				issues := tc.set.check(d, quick)
				if len(issues) != tc.findings {
					t.Fatalf("fast path %v: %d findings, want %d: %v", quick, len(issues), tc.findings, issues)
				}
				if tc.findings > 0 && !strings.Contains(issues[0].Message, tc.wantInText) {
					t.Errorf("fast path %v: %q, want %q", quick, issues[0].Message, tc.wantInText)
				}
			}
		})
	}
}

// TestQuickDeclinesUnknownKeywords checks that a keyword the fast check
// does not evaluate makes it decline, never accept: the full validator
// then decides.
func TestQuickDeclinesUnknownKeywords(t *testing.T) {
	for keyword, value := range map[string]any{
		"maxLength":        3, // the owner below is longer
		"multipleOf":       7,
		"not":              map[string]any{"const": "sales"},
		"exclusiveMaximum": 1,
		"allOf":            []any{map[string]any{"type": "string"}},
	} {
		t.Run(keyword, func(t *testing.T) {
			set := modifiedSchemas(t, "objective", func(doc map[string]any) {
				prop(doc, "properties", "owner")[keyword] = value
			})
			d := parseOne(t, fmt.Sprintf(ownerDoc, "sales"))
			if set.quickValid(d.Node, d.Kind) {
				t.Errorf("the fast check accepts a field whose %s it does not evaluate", keyword)
			}
			if got, want := len(set.check(d, true)), len(set.check(d, false)); got != want {
				t.Errorf("%d findings with the fast check, %d without", got, want)
			}
		})
	}
	// Beside an unknown keyword elsewhere, the other fields keep the fast
	// check: only the documents that have the field decline.
	set := modifiedSchemas(t, "objective", func(doc map[string]any) {
		prop(doc, "properties", "description")["maxLength"] = 3
	})
	if d := parseOne(t, fmt.Sprintf(ownerDoc, "sales")); !set.quickValid(d.Node, d.Kind) {
		t.Error("an objective without a description declines")
	}
}

// TestOptionalKeysPerLevel checks that a key with a null value counts as
// left out only in the mapping whose schema names it as optional.
func TestOptionalKeysPerLevel(t *testing.T) {
	set := embeddedSet(t)
	for path, want := range map[string][]string{
		"":                         {"commitment", "description", "key_results", "labels", "parent"},
		"key_results/0":            {"baseline", "current", "deadline", "direction", "kpi", "per", "target", "weight"},
		"key_results/0/current":    {"date"},
		"KPI:":                     {"aggregation", "column", "description", "frequency", "good", "owner", "source", "unit"},
		"KPI:source":               {"command", "driver", "dsn_env", "file", "format", "header", "header_env", "query", "url"},
		"key_results/0/current/x/": nil,
	} {
		kind, p := okr.KindObjective, path
		if k, rest, ok := strings.Cut(path, ":"); ok {
			kind, p = k, rest
		}
		var segs []string
		if p != "" {
			segs = strings.Split(strings.TrimSuffix(p, "/"), "/")
		}
		s := set[kind].shape.at(segs)
		var got []string
		for _, k := range s.keys() {
			if s.optional(k) {
				got = append(got, k)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: optional keys %v, want %v", path, got, want)
		}
	}
}

// TestPatternsWorded checks that every pattern of the schemas has words
// for a business user in patternWords.
func TestPatternsWorded(t *testing.T) {
	seen := map[*shape]bool{}
	var walk func(s *shape)
	walk = func(s *shape) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		if s.pattern != nil {
			if _, ok := patternWords[s.pattern.String()]; !ok {
				t.Errorf("pattern %s has no words in patternWords", s.pattern)
			}
		}
		for _, p := range s.props {
			walk(p)
		}
		walk(s.items)
		walk(s.ref)
	}
	for _, ds := range embeddedSet(t) {
		walk(ds.shape)
	}
	if len(seen) < 20 {
		t.Errorf("walked %d shapes: the walk misses the schema", len(seen))
	}
}
