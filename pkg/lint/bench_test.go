package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/okrctl/okrctl/pkg/okr"
)

// writeBenchRepo writes a repository of n objective files (four key results
// each, in varied forms and languages), 50 KPIs and a year of weekly
// snapshots for them.
func writeBenchRepo(tb testing.TB, dir string, n int) {
	tb.Helper()
	write := func(name, src string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	const kpis = 50
	aggs := []string{"last", "sum", "avg", "min", "max"}
	var k strings.Builder
	for i := range kpis {
		if i > 0 {
			k.WriteString("---\n")
		}
		good := []string{"up", "down", ""}[i%3]
		fmt.Fprintf(&k, "kind: KPI\nid: kpi_%02d\nname: KPI number %d\nunit: count\naggregation: %s\n", i, i, aggs[i%5])
		if good != "" {
			fmt.Fprintf(&k, "good: %s\n", good)
		}
		fmt.Fprintf(&k, "frequency: weekly\nowner: team-%d\ndescription: A KPI used by the benchmark.\n", i%7)
	}
	write("kpis/kpis.yaml", k.String())

	var s strings.Builder
	s.WriteString("date,kpi,value\n")
	day := time.Date(2025, 12, 29, 0, 0, 0, 0, time.UTC)
	for w := range 52 {
		for i := range kpis {
			fmt.Fprintf(&s, "%s,kpi_%02d,%d.%d\n", day.AddDate(0, 0, 7*w).Format(time.DateOnly), i, 100+i*3+w, w%10)
		}
	}
	write("kpis/snapshots/2026.csv", s.String())

	titles := []string{
		"Increase monthly qualified leads from %d to %d",
		"Aumentare i lead qualificati da %d a %d",
		"Reducir el tiempo de respuesta de %d a %d horas",
		"Improve the onboarding flow for %d to %d users",
		"Cut the cost per lead from EUR %d to EUR %d",
	}
	quarters := []string{"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"}
	for i := range n {
		q := quarters[i%4]
		var b strings.Builder
		fmt.Fprintf(&b, "# yaml-language-server: $schema=../../.okrctl/schema/objective.json\nkind: Objective\nid: objective-%05d\n", i)
		fmt.Fprintf(&b, "title: Grow the business, part %d\nowner: team-%d\nperiod: %s\n", i, i%2000, q)
		if i%10 != 0 {
			fmt.Fprintf(&b, "parent: objective-%05d\n", i/10*10)
		}
		if i%3 == 0 {
			b.WriteString("commitment: committed\n")
		}
		b.WriteString("description: >-\n  Why this objective matters, in a sentence\n  or two of folded text.\nlabels: [growth, bench]\nkey_results:\n")
		for j := range 4 {
			base, target := 100+j*10, 120+j*15
			fmt.Fprintf(&b, "  - id: kr-%d\n    title: "+titles[(i+j)%len(titles)]+"\n", j, base, target)
			switch (i + j) % 4 {
			case 0:
				fmt.Fprintf(&b, "    kpi: kpi_%02d\n    target: %d\n", (i+j)%kpis, target)
			case 1:
				fmt.Fprintf(&b, "    kpi: kpi_%02d\n    baseline: %d\n    target: %d\n    direction: increase\n", (i+j)%kpis, base, target)
			case 2:
				fmt.Fprintf(&b, "    baseline: %d\n    target: %d\n    current: %d\n    weight: 2\n", base, target, base+5)
			case 3:
				fmt.Fprintf(&b, "    kpi: kpi_%02d\n    target: %d.5\n    deadline: \"%s\"  # okrctl:ignore deadline -- bench\n", (i+j)%kpis, target, q[:4]+"-12-15")
			}
		}
		write(fmt.Sprintf("okrs/%s/objective-%05d.yaml", q, i), b.String())
	}
}

// BenchmarkRun10k lints a repository of 10,000 objectives, 50 KPIs and a
// year of weekly snapshots.
func BenchmarkRun10k(b *testing.B) {
	dir := b.TempDir()
	writeBenchRepo(b, dir, 10_000)
	var findings int
	b.ResetTimer()
	for b.Loop() {
		res, err := Run(Options{Cwd: dir})
		if err != nil {
			b.Fatal(err)
		}
		findings = len(res.Findings)
	}
	b.ReportMetric(float64(findings), "findings")
}

// BenchmarkSchemaCheck checks documents against the schema as validate
// does (the fast check, then the full validator for what it declines): the
// valid documents of the examples, and the broken ones.
func BenchmarkSchemaCheck(b *testing.B) {
	for name, globs := range map[string][]string{
		"valid":  {"okrs/*/*.yaml", "kpis/*.yaml"},
		"broken": {"broken/*.yaml"},
	} {
		var docs []*okr.Document
		for _, g := range globs {
			paths, _ := filepath.Glob(filepath.Join("..", "..", "examples", g))
			for _, p := range paths {
				src, err := os.ReadFile(p)
				if err != nil {
					b.Fatal(err)
				}
				for _, d := range okr.ParseFile(p, src).Docs {
					if d.Kind == okr.KindObjective || d.Kind == okr.KindKPI {
						docs = append(docs, d)
					}
				}
			}
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for _, d := range docs {
					checkSchema(d)
				}
			}
			b.ReportMetric(float64(len(docs)), "docs")
		})
	}
}

// hostileUnknownKeys is an objective of n unknown keys in one mapping.
func hostileUnknownKeys(n int) []byte {
	var b strings.Builder
	b.WriteString("kind: Objective\nid: hostile\ntitle: Many unknown keys\nowner: attacker\nperiod: 2026-Q1\n")
	for i := range n {
		fmt.Fprintf(&b, "k%d: 1\n", i)
	}
	return []byte(b.String())
}

// BenchmarkUnknownKeys validates one mapping of 100,000 unknown keys (1 MB),
// and one of 8 MiB: the time must stay linear in the number of keys (under
// 2 s and 10 s for the whole okrctl validate run, under 500 MB).
func BenchmarkUnknownKeys(b *testing.B) {
	for _, n := range []int{100_000, 770_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "hostile.yaml"), hostileUnknownKeys(n), 0o644); err != nil {
				b.Fatal(err)
			}
			var findings int
			for b.Loop() {
				res, err := Run(Options{Cwd: dir})
				if err != nil {
					b.Fatal(err)
				}
				findings = len(res.Findings)
			}
			b.ReportMetric(float64(findings), "findings")
		})
	}
}
