package yamlfast

import (
	"testing"
	"time"
)

// yamlTimestamp is yaml.v3's own rule (resolve.go, parseTimestamp): four
// digits and a '-', then any of its layouts through time.Parse.
func yamlTimestamp(s string) bool {
	if len(s) < 5 || s[4] != '-' {
		return false
	}
	for i := range 4 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	for _, layout := range timestampLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// timestampEdges are dates at the edges of the calendar and of the form.
var timestampEdges = []string{
	"2026-01-01", "0000-02-29", "2000-02-29", "2024-02-29", "1900-02-29", "2100-02-29", "2026-02-29",
	"2026-04-31", "2026-12-31", "2026-12-32", "2026-13-01", "2026-00-10", "2026-01-00",
	"2026-1-01", "2026-01-1", "2026-1-1", "2026-001-01", "2026-01-001", "2026--01-01",
	"+026-01-01", "-2026-01-01", " 2026-01-01", "2026-01-01 ", "2026-٠١-01", "2026-0１-01",
	"2026-01-01T10:00:00Z", "2026-01-01 10:00:00", "2026-01-01t10:00:00+01:00", "2026-Q4", "2026-03", "2026-",
}

func TestIsTimestampFollowsYAML(t *testing.T) {
	for _, s := range timestampEdges {
		if got, want := isTimestamp(s), yamlTimestamp(s); got != want {
			t.Errorf("isTimestamp(%q) = %v, yaml.v3 reads a timestamp: %v", s, got, want)
		}
	}
}

// FuzzIsTimestamp holds isTimestamp, and its YYYY-MM-DD fast path, to
// yaml.v3's rule.
func FuzzIsTimestamp(f *testing.F) {
	for _, s := range timestampEdges {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isTimestamp(s), yamlTimestamp(s); got != want {
			t.Fatalf("isTimestamp(%q) = %v, yaml.v3 reads a timestamp: %v", s, got, want)
		}
	})
}
