package kpi

import (
	"bytes"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/okrctl/okrctl/internal/fuzzseed"
)

// FuzzRead reads arbitrary bytes as a snapshot file. It must never panic,
// every problem must point at a line and column, and Finish must leave every
// series sorted by day with one point a day.
func FuzzRead(f *testing.F) {
	fuzzseed.AddFiles(f, filepath.Join("testdata", "*.csv"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := NewStore()
		problems := s.Read("f.csv", bytes.NewReader(data))
		problems = append(problems, s.Finish()...)
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, p := range problems {
			if p.File != "f.csv" || p.Rule != RuleCSV || p.Line < 1 || p.Col < 1 || p.Line > lines+1 || p.Message == "" {
				t.Fatalf("bad problem %#v", p)
			}
		}
		for _, id := range s.KPIs() {
			pts := s.Series(id)
			for i, p := range pts {
				if p.Line < 1 || int(p.Line) > lines || p.Col < 1 || p.File != 0 || math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
					t.Fatalf("bad point %+v in %q", p, id)
				}
				if i > 0 && pts[i-1].Day >= p.Day {
					t.Fatalf("series %q not sorted: %v", id, pts)
				}
			}
			if file, line := s.First(id); file != "f.csv" || line < 1 {
				t.Fatalf("First(%q) = %s:%d", id, file, line)
			}
		}
	})
}

// FuzzParseValue checks the hand-written number parser against
// strconv.ParseFloat: the same value for every accepted number, and a
// rejected number that strconv accepts must be one the format excludes.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"412", "-12.5", "1e3", "+3", ".5", "5.", "0.1", "123456789012345678", "1e-400", "NaN", "0x1p3", "1_0", "9007199254740993"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseValue([]byte(s))
		want, werr := strconv.ParseFloat(s, 64)
		switch {
		case err == nil && (werr != nil || math.Float64bits(got) != math.Float64bits(want)):
			t.Fatalf("parseValue(%q) = %v, strconv: %v, %v", s, got, want, werr)
		case err == errOutOfRange && werr == nil:
			t.Fatalf("parseValue(%q) out of range, strconv: %v", s, want)
		case err == errNotNumber && werr == nil && !strings.ContainsAny(strings.ToLower(s), "nafiyx_p"):
			t.Fatalf("parseValue(%q) not a number, strconv: %v", s, want)
		}
	})
}
