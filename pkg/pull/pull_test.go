package pull

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/source"
)

var backends = []struct {
	name string
	make func(t *testing.T) *backend
}{
	{"sqlite", sqliteBackend},
	{"postgres", postgresBackend},
	{"http", httpBackend},
	{"command", commandBackend},
}

// pullOnce runs one pull of KPI leads from src into dir.
func pullOnce(t *testing.T, ctx context.Context, b *backend, dir string, src *okr.Source, mod func(*Options)) (*Result, error) {
	t.Helper()
	opt := Options{
		KPIs:    []*okr.KPI{{ID: "leads", Source: src}},
		Dir:     dir,
		Cwd:     dir,
		Env:     b.getenv,
		Today:   day(t, "2026-02-01"),
		Timeout: 20 * time.Second,
	}
	if mod != nil {
		mod(&opt)
	}
	return Run(ctx, opt)
}

func day(t *testing.T, s string) kpi.Day {
	d, err := kpi.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// noTempFiles fails when an interrupted or refused write left a file behind.
func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return nil
	})
}

// kpiErr returns the one KPI's error, which must be a *source.Error that
// names the KPI and the source and holds no secret.
func kpiErr(t *testing.T, b *backend, res *Result) *source.Error {
	t.Helper()
	if len(res.KPIs) != 1 || res.KPIs[0].Err == nil {
		t.Fatalf("want the KPI to fail, got %+v", res.KPIs)
	}
	if !res.Failed() {
		t.Error("Failed() = false for a failed source")
	}
	var se *source.Error
	if !errors.As(res.KPIs[0].Err, &se) {
		t.Fatalf("error %T %v is not a *source.Error", res.KPIs[0].Err, res.KPIs[0].Err)
	}
	msg := se.Error()
	if !strings.HasPrefix(msg, "KPI leads, "+b.desc) {
		t.Errorf("message %q does not name the KPI and the source", msg)
	}
	for _, s := range b.secrets {
		if s != "" && strings.Contains(msg, s) {
			t.Errorf("message %q shows the secret %q", msg, s)
		}
	}
	return se
}

func TestPull(t *testing.T) {
	for _, bk := range backends {
		t.Run(bk.name, func(t *testing.T) {
			b := bk.make(t)
			dir := t.TempDir()
			file := filepath.Join(dir, "kpis", "snapshots", "leads.csv")
			b.set(t, []row{{"2026-01-03", "3"}, {"2026-01-01", "1"}, {"2026-01-02", "2"}})

			t.Run("first run writes the rows sorted", func(t *testing.T) {
				res, err := pullOnce(t, context.Background(), b, dir, b.ok, nil)
				if err != nil || res.Failed() {
					t.Fatalf("Run: %v %+v", err, res)
				}
				want := "date,kpi,value\n2026-01-01,leads,1\n2026-01-02,leads,2\n2026-01-03,leads,3\n"
				if diff := cmp.Diff(want, readFile(t, file)); diff != "" {
					t.Errorf("file (-want +got):\n%s", diff)
				}
				if r := res.KPIs[0]; r.Fetched != 3 || r.Added != 3 || !r.Written || r.File != "kpis/snapshots/leads.csv" {
					t.Errorf("result %+v", r)
				}
			})
			before := readFile(t, file)

			t.Run("idempotent", func(t *testing.T) {
				res, err := pullOnce(t, context.Background(), b, dir, b.ok, nil)
				if err != nil || res.Failed() {
					t.Fatalf("Run: %v %+v", err, res)
				}
				if r := res.KPIs[0]; r.Added != 0 || r.Unchanged != 3 || r.Written {
					t.Errorf("second run: %+v", r)
				}
				if got := readFile(t, file); got != before {
					t.Errorf("second run changed the file:\n%s", got)
				}
			})

			b.set(t, []row{{"2026-01-01", "1"}, {"2026-01-02", "20"}, {"2026-01-03", "3"}, {"2026-01-04", "4"}})
			t.Run("conflict leaves the file untouched", func(t *testing.T) {
				res, err := pullOnce(t, context.Background(), b, dir, b.ok, nil)
				if err != nil {
					t.Fatal(err)
				}
				if !res.Failed() {
					t.Error("Failed() = false with a conflict")
				}
				want := []Conflict{{KPI: "leads", Date: "2026-01-02", File: "kpis/snapshots/leads.csv", Line: 3, FileValue: "2", Value: 20}}
				if diff := cmp.Diff(want, res.KPIs[0].Conflicts); diff != "" {
					t.Errorf("conflicts (-want +got):\n%s", diff)
				}
				if got := readFile(t, file); got != before {
					t.Errorf("a conflict changed the file:\n%s", got)
				}
			})

			t.Run("dry run writes nothing", func(t *testing.T) {
				res, err := pullOnce(t, context.Background(), b, dir, b.ok, func(o *Options) { o.DryRun, o.Update = true, true })
				if err != nil || res.Failed() {
					t.Fatalf("Run: %v %+v", err, res)
				}
				if r := res.KPIs[0]; r.Added != 1 || len(r.Conflicts) != 1 || r.Written {
					t.Errorf("dry run: %+v", r)
				}
				if got := readFile(t, file); got != before {
					t.Errorf("a dry run changed the file:\n%s", got)
				}
			})

			t.Run("update rewrites the row", func(t *testing.T) {
				res, err := pullOnce(t, context.Background(), b, dir, b.ok, func(o *Options) { o.Update = true })
				if err != nil || res.Failed() {
					t.Fatalf("Run: %v %+v", err, res)
				}
				if r := res.KPIs[0]; r.Added != 1 || len(r.Conflicts) != 1 || !r.Conflicts[0].Updated || !r.Written {
					t.Errorf("update: %+v", r)
				}
				want := "date,kpi,value\n2026-01-01,leads,1\n2026-01-02,leads,20\n2026-01-03,leads,3\n2026-01-04,leads,4\n"
				if diff := cmp.Diff(want, readFile(t, file)); diff != "" {
					t.Errorf("file (-want +got):\n%s", diff)
				}
			})
			before = readFile(t, file)

			t.Run("since", func(t *testing.T) {
				b.set(t, []row{{"2025-12-01", "7"}, {"2026-01-05", "5"}})
				res, err := pullOnce(t, context.Background(), b, dir, b.ok, func(o *Options) { o.Since, o.DryRun = day(t, "2026-01-01"), true })
				if err != nil || res.Failed() {
					t.Fatalf("Run: %v %+v", err, res)
				}
				if r := res.KPIs[0]; r.Fetched != 2 || r.Added != 1 {
					t.Errorf("since: %+v", r)
				}
			})

			t.Run("timeout", func(t *testing.T) {
				start := time.Now()
				res, err := pullOnce(t, context.Background(), b, dir, b.slow, func(o *Options) { o.Timeout = 300 * time.Millisecond })
				if err != nil {
					t.Fatal(err)
				}
				se := kpiErr(t, b, res)
				if !se.Timeout || !strings.Contains(se.Msg, "--timeout") {
					t.Errorf("want a timeout, got %v", se)
				}
				if d := time.Since(start); d > 10*time.Second {
					t.Errorf("the timeout took %s to stop the source", d)
				}
				if got := readFile(t, file); got != before {
					t.Errorf("a timeout changed the file:\n%s", got)
				}
			})

			t.Run("a query that writes is refused", func(t *testing.T) {
				if b.writes == nil {
					t.Skip("this source cannot write")
				}
				n := b.count(t)
				res, err := pullOnce(t, context.Background(), b, dir, b.writes, nil)
				if err != nil {
					t.Fatal(err)
				}
				se := kpiErr(t, b, res)
				if !strings.Contains(strings.ToLower(se.Msg), "read") {
					t.Errorf("message %q does not say the database is read-only", se.Msg)
				}
				if got := b.count(t); got != n {
					t.Errorf("the query wrote: %d rows, had %d", got, n)
				}
			})

			t.Run("missing environment variable", func(t *testing.T) {
				res, err := pullOnce(t, context.Background(), b, dir, b.missingEnv, nil)
				if err != nil {
					t.Fatal(err)
				}
				se := kpiErr(t, b, res)
				if !strings.Contains(se.Msg, "is not set") {
					t.Errorf("message %q does not name the missing variable", se.Msg)
				}
			})

			t.Run("unreachable", func(t *testing.T) {
				res, err := pullOnce(t, context.Background(), b, dir, b.unreachable, nil)
				if err != nil {
					t.Fatal(err)
				}
				kpiErr(t, b, res)
			})

			t.Run("bad rows are named", func(t *testing.T) {
				res, err := pullOnce(t, context.Background(), b, dir, b.bad, nil)
				if err != nil {
					t.Fatal(err)
				}
				se := kpiErr(t, b, res)
				var got []int
				for _, r := range se.Rows {
					got = append(got, r.N)
				}
				if diff := cmp.Diff([]int{2, 3}, got); diff != "" {
					t.Errorf("bad rows (-want +got):\n%s\n%v", diff, se)
				}
				if !strings.Contains(se.Error(), `row 2: date "not a date" is not a date`) || !strings.Contains(se.Error(), `row 3: value "many" is not a number`) {
					t.Errorf("message:\n%v", se)
				}
			})

			t.Run("interrupted run keeps the file", func(t *testing.T) {
				ctx, cancel := context.WithCancel(context.Background())
				time.AfterFunc(300*time.Millisecond, cancel)
				two := []*okr.KPI{{ID: "leads", Source: b.ok}, {ID: "leads", Source: b.slow}}
				res, err := pullOnce(t, ctx, b, dir, nil, func(o *Options) { o.KPIs = two })
				if err == nil || !errors.Is(err, context.Canceled) {
					t.Fatalf("want an interruption, got %v %+v", err, res)
				}
				if got := readFile(t, file); got != before {
					t.Errorf("an interrupted run changed the file:\n%s", got)
				}
				noTempFiles(t, dir)
			})
		})
	}
}
