package report

import (
	"io"
	"testing"
	"time"

	"github.com/okrctl/okrctl/internal/synth"
	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/lint"
)

// BenchmarkStatusFormats renders the status of a 10,000-objective
// repository in every format and layout; the repository is read and
// checked once, outside the timing. Compare with lint's BenchmarkRun on a
// repository of the same size: the README states both.
func BenchmarkStatusFormats(b *testing.B) {
	asOf := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	res := synthResult(b, synth.Spec{Objectives: 10000, KPIs: 200, SnapshotRows: 10000}, asOf)
	st := NewStatus(res, asOf, Filter{})
	for _, tc := range []struct {
		name   string
		format string
		width  int
	}{
		{"table-wide", "table", 0},
		{"table-80", "table", 80},
		{"json", "json", 0},
		{"markdown", "markdown", 0},
	} {
		b.Run(tc.name, func(b *testing.B) {
			f, err := NewStatusFormatter(tc.format)
			if err != nil {
				b.Fatal(err)
			}
			st.Width = tc.width
			b.ReportAllocs()
			for b.Loop() {
				if err := f.Format(io.Discard, st); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNewStatus computes the progress of a 10,000-objective
// repository, the part of status that validate does not do besides
// rendering.
func BenchmarkNewStatus(b *testing.B) {
	asOf := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	res := synthResult(b, synth.Spec{Objectives: 10000, KPIs: 200, SnapshotRows: 10000}, asOf)
	b.ReportAllocs()
	for b.Loop() {
		NewStatus(res, asOf, Filter{})
	}
}

// synthResult generates a repository of spec and checks it as of asOf.
func synthResult(tb testing.TB, spec synth.Spec, asOf time.Time) *lint.Result {
	tb.Helper()
	dir := tb.TempDir()
	if err := synth.Generate(dir, spec); err != nil {
		tb.Fatal(err)
	}
	res, err := lint.Run(lint.Options{Cwd: dir, Config: config.Default(dir), AsOf: asOf})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}
