package config

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/okrctl/okrctl/internal/fuzzseed"
	"github.com/okrctl/okrctl/pkg/kpi"
)

// FuzzParse checks that Parse never panics, that it returns either a
// configuration or a *Error, and that what it accepts is consistent.
func FuzzParse(f *testing.F) {
	fuzzseed.AddFiles(f, filepath.Join("testdata", "*.yaml"))
	f.Add([]byte("rules:\n  kr-count: {min: 6, max: 4}\n"))
	f.Add([]byte("status: {at_risk_gap: .nan}\n"))
	f.Add([]byte("snapshots: {decimal: ',', files: {'a/*.csv': {date_format: MM/DD/YYYY}}}\n"))
	f.Add([]byte("grading:\n  aspirational: {green: 0.6, yellow: 0.3}\n  committed: {green: 0.9}\n"))
	f.Add([]byte("grading: {committed: {yellow: 1.5}}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Parse("c.yaml", "/d", src)
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) || c != nil {
				t.Fatalf("Parse = %v, %v (%T); want nil and a *Error", c, err, err)
			}
			if ce.Line < 0 {
				t.Errorf("negative line in %v", ce)
			}
			return
		}
		if !(c.Status.AtRiskGap >= 0 && c.Status.AtRiskGap <= c.Status.OffTrackGap && c.Status.OffTrackGap <= 1) {
			t.Errorf("accepted gaps %+v", c.Status)
		}
		for id, r := range c.Rules {
			switch r.Severity {
			case "", SeverityError, SeverityWarning, SeverityOff:
			default:
				t.Errorf("rule %s: accepted severity %q", id, r.Severity)
			}
			if r.Min < 0 || r.Max < 0 || (r.Min > 0 && r.Max > 0 && r.Min > r.Max) {
				t.Errorf("rule %s: accepted bounds %d..%d", id, r.Min, r.Max)
			}
		}
		for _, b := range []Bands{c.Grading.Aspirational, c.Grading.Committed} {
			if !(b.Yellow >= 0 && b.Yellow <= b.Green && b.Green <= 1) {
				t.Errorf("accepted grade bands %+v", b)
			}
		}
		for _, d := range append([]SnapshotFiles{{Dialect: c.Snapshots.Dialect}}, c.Snapshots.Files...) {
			if (d.Dialect.Decimal != 0 && d.Dialect.Decimal != '.' && d.Dialect.Decimal != ',') || !slices.Contains(append(kpi.DateFormats(), ""), d.Dialect.DateFormat) {
				t.Errorf("accepted dialect %+v", d)
			}
			if d.Glob != "" && CheckGlob(d.Glob) != nil {
				t.Errorf("accepted a bad glob %q", d.Glob)
			}
		}
		for _, g := range c.Ignore {
			if CheckGlob(g) != nil {
				t.Errorf("accepted a bad glob %q", g)
			}
			MatchGlob(g, "okrs/archive/a.yaml")
		}
	})
}
