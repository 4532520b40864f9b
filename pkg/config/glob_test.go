package config

import (
	"strings"
	"testing"
	"time"
)

func TestMatchGlob(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		// ** matches any number of segments, none included.
		{"okrs/archive/**", "okrs/archive/a.yaml", true},
		{"okrs/archive/**", "okrs/archive/2025/q1/a.yaml", true},
		{"okrs/archive/**", "okrs/archive", true},
		{"okrs/archive/**", "okrs/archived/a.yaml", false},
		{"okrs/archive/**", "x/okrs/archive/a.yaml", false},
		{"**/drafts/*.yaml", "drafts/a.yaml", true},
		{"**/drafts/*.yaml", "okrs/2026/drafts/a.yaml", true},
		{"**/drafts/*.yaml", "okrs/2026/drafts/a.csv", false},
		{"okrs/**/old.yaml", "okrs/old.yaml", true},
		{"okrs/**/old.yaml", "okrs/a/b/old.yaml", true},
		{"okrs/**/**/old.yaml", "okrs/old.yaml", true},
		{"**", "anything/at/all", true},
		// A bare name matches at any depth, like .gitignore.
		{"archive", "archive", true},
		{"archive", "okrs/archive", true},
		{"archive", "okrs/archive/q1.yaml", true},
		{"archive", "okrs/archived", false},
		{"*.draft.yaml", "a.draft.yaml", true},
		{"*.draft.yaml", "okrs/2026-Q1/a.draft.yaml", true},
		{"*.draft.yaml", "okrs/2026-Q1/a.yaml", false},
		{".hidden", "okrs/.hidden", true},
		{"snapshot-?.csv", "kpis/snapshot-1.csv", true},
		{"[ab].yaml", "okrs/b.yaml", true},
		{"[ab].yaml", "okrs/c.yaml", false},
		// A pattern with a slash is anchored; it matches a directory and
		// everything under it.
		{"okrs/archive", "okrs/archive/q1.yaml", true},
		{"okrs/archive", "x/okrs/archive/q1.yaml", false},
		{"okrs/*", "okrs/a.yaml", true},
		{"okrs/*", "okrs/sub/a.yaml", true},
		{"okrs/*.yaml", "okrs/sub/a.yaml", false},
		{"kpis/snapshots", "kpis/snapshots/2026.csv", true},
		{"kpis/snapshots", "kpis/snapshots2/2026.csv", false},
		// Leading ./ or / anchors; a trailing / is ignored.
		{"./archive", "archive/a.yaml", true},
		{"./archive", "okrs/archive/a.yaml", false},
		{"/archive", "archive/a.yaml", true},
		{"/archive", "okrs/archive/a.yaml", false},
		{"archive/", "okrs/archive/a.yaml", true},
		{"./okrs/archive/", "okrs/archive/a.yaml", true},
		// * does not cross a slash.
		{"okrs*", "okrs/a.yaml", true}, // the bare name okrs* matches the directory okrs
		{"o*/a.yaml", "okrs/x/a.yaml", false},
	}
	for _, tt := range tests {
		if got := MatchGlob(tt.pattern, tt.name); got != tt.want {
			t.Errorf("MatchGlob(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestMatchGlobManyStars(t *testing.T) {
	// Backtracking over many ** must stay cheap.
	pattern := strings.Repeat("**/a/", 12) + "z"
	name := strings.Repeat("a/", 40) + "b"
	start := time.Now()
	if MatchGlob(pattern, name) {
		t.Error("matched")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestCheckGlob(t *testing.T) {
	for _, good := range []string{"okrs/**", "*.yaml", "a/[bc]/d", "archive"} {
		if err := CheckGlob(good); err != nil {
			t.Errorf("CheckGlob(%q): %v", good, err)
		}
	}
	for _, bad := range []string{"okrs/[a", "a/[]", `a\`} {
		if err := CheckGlob(bad); err == nil {
			t.Errorf("CheckGlob(%q) accepted a malformed glob", bad)
		}
	}
}
