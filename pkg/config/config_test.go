package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	src := `# okrctl configuration
paths: [okrs, kpis]
ignore: ["okrs/archive/**", drafts]
rules:
  kr-count: {min: 2, max: 6}
  objective-count: {max: 3, severity: error}
  vague: warning
  direction: off
  measurable: error
status:
  at_risk_gap: 0.05
  off_track_gap: 0.3
sources:
  file: kpis/snapshots/pulled.csv
checkins:
  every: 7
  dir: okrs/checkins
grading:
  aspirational: {green: 0.6}
  committed: {green: 0.95, yellow: 0.8}
`
	c, err := Parse("/repo/.okrctl.yaml", "/repo", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		File: "/repo/.okrctl.yaml", Dir: "/repo",
		Paths:  []string{"okrs", "kpis"},
		Ignore: []string{"okrs/archive/**", "drafts"},
		Rules: map[string]Rule{
			"kr-count":        {Min: 2, Max: 6, Line: 5},
			"objective-count": {Severity: SeverityError, Max: 3, Line: 6},
			"vague":           {Severity: SeverityWarning, Line: 7},
			"direction":       {Severity: SeverityOff, Line: 8},
			"measurable":      {Severity: SeverityError, Line: 9},
		},
		Sources:  Sources{File: "kpis/snapshots/pulled.csv"},
		CheckIns: CheckIns{Every: 7, Dir: "okrs/checkins"},
		Status:   Status{AtRiskGap: 0.05, OffTrackGap: 0.3},
		Grading:  Grading{Aspirational: Bands{Green: 0.6, Yellow: 0.4}, Committed: Bands{Green: 0.95, Yellow: 0.8}},
	}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"direction", "kr-count", "measurable", "objective-count", "vague"}, c.RuleIDs()); diff != "" {
		t.Errorf("RuleIDs (-want +got):\n%s", diff)
	}
}

func TestParseDefaults(t *testing.T) {
	for name, src := range map[string]string{
		"empty":         "",
		"blank":         "\n\n  \n",
		"comments only": "# nothing configured\n",
		"null":          "~\n",
		"separator":     "---\n",
		"empty mapping": "{}\n",
		"paths only":    "paths: okrs\n",
	} {
		t.Run(name, func(t *testing.T) {
			c, err := Parse("f", "/d", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if c.Status != (Status{0.10, 0.25}) || len(c.Rules) != 0 || c.Ignore != nil || c.Dir != "/d" || c.File != "f" {
				t.Errorf("not the defaults: %+v", c)
			}
		})
	}
	if c, _ := Parse("f", "/d", []byte("paths: okrs\n")); !cmp.Equal(c.Paths, []string{"okrs"}) {
		t.Errorf("a single path: %v", c.Paths)
	}
	d := Default("/x")
	if d.File != "" || d.Dir != "/x" || d.Rules == nil || d.Status != (Status{0.10, 0.25}) ||
		d.Grading != (Grading{Aspirational: Bands{0.7, 0.4}, Committed: Bands{1, 0.7}}) {
		t.Errorf("Default: %+v", d)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"unknown key", "paths: [okrs]\nignores: [x]\n", 2, `unknown key "ignores" (want paths, ignore, rules, status, grading, snapshots, sources or checkins)`},
		{"sources not a mapping", "sources: x.csv\n", 1, "sources must be a mapping"},
		{"unknown sources key", "sources:\n  files: x.csv\n", 2, "unknown key sources.files (want file)"},
		{"sources file not a path", "sources:\n  file: [a]\n", 2, "sources.file must be a path"},
		{"checkins every zero", "checkins:\n  every: 0\n", 2, "checkins.every must be a whole number of days, at least 1"},
		{"checkins every text", "checkins:\n  every: 2w\n", 2, "checkins.every must be a whole number of days, at least 1"},
		{"unknown checkins key", "checkins:\n  often: 3\n", 2, "unknown key checkins.often (want every or dir)"},
		{"grading not a mapping", "grading: google\n", 1, "grading must be a mapping of aspirational and committed"},
		{"unknown commitment", "grading:\n  stretch: {green: 0.7}\n", 2, "unknown key grading.stretch (want aspirational or committed)"},
		{"bands not a mapping", "grading:\n  committed: 1\n", 2, "grading.committed must be a mapping of green and yellow"},
		{"unknown band", "grading:\n  committed: {red: 0.3}\n", 2, "unknown key grading.committed.red (want green or yellow)"},
		{"band above 1", "grading:\n  committed: {green: 1.2}\n", 2, "grading.committed.green must be a number between 0 and 1"},
		{"NaN band", "grading:\n  aspirational: {yellow: .nan}\n", 2, "grading.aspirational.yellow must be a number between 0 and 1"},
		{"bands out of order", "grading:\n  aspirational: {green: 0.3}\n", 2, "grading.aspirational.yellow (0.4) must not be greater than grading.aspirational.green (0.3)"},
		{"not a mapping", "- okrs\n", 1, "the configuration must be a mapping"},
		{"two documents", "paths: [a]\n---\npaths: [b]\n", 3, "the configuration is one YAML document, not 2"},
		{"invalid YAML", "paths: [okrs\nrules: {}\n", 1, "invalid YAML: the [ opened here is never closed"},
		{"duplicate key", "rules:\n  vague: off\n  vague: error\n", 3, `duplicate key "vague" (first at line 2)`},
		{"paths not a list", "paths: {a: b}\n", 1, "paths: want a list of strings"},
		{"paths with an empty entry", "paths: [okrs, '']\n", 1, "paths: want a list of non-empty strings"},
		{"paths with a nested list", "paths: [[okrs]]\n", 1, "paths: want a list of non-empty strings"},
		{"bad glob", "ignore: ['okrs/[a']\n", 1, `ignore: bad glob "okrs/[a": syntax error in pattern`},
		{"rules not a mapping", "rules: [vague]\n", 1, "rules must be a mapping of rule id to severity or options"},
		{"unknown severity", "rules:\n  vague: warn\n", 2, `rules.vague: unknown severity "warn" (want error, warning or off)`},
		{"empty severity", "rules:\n  vague:\n", 2, "rules.vague: want a severity (error, warning, off) or a mapping of options"},
		{"boolean severity", "rules:\n  vague: false\n", 2, "rules.vague: want a severity (error, warning, off) or a mapping of options"},
		{"list severity", "rules:\n  vague: [off]\n", 2, "rules.vague: want a severity (error, warning, off) or a mapping of options"},
		{"unknown severity in a mapping", "rules:\n  kr-count: {severity: fatal}\n", 2, `rules.kr-count: unknown severity "fatal" (want error, warning or off)`},
		{"unknown option", "rules:\n  kr-count: {minimum: 2}\n", 2, `rules.kr-count: unknown option "minimum" (want severity, min or max)`},
		{"fractional bound", "rules:\n  kr-count: {min: 2.5}\n", 2, "rules.kr-count: min must be a whole number of at least 1"},
		{"quoted bound", "rules:\n  kr-count: {max: '5'}\n", 2, "rules.kr-count: max must be a whole number of at least 1"},
		{"negative bound", "rules:\n  kr-count: {min: -1}\n", 2, "rules.kr-count: min must be a whole number of at least 1"},
		{"zero bound", "rules:\n  kr-count: {max: 0}\n", 2, "rules.kr-count: max must be a whole number of at least 1"},
		{"min above max", "rules:\n  kr-count:\n    min: 6\n    max: 4\n", 3, "rules.kr-count: min (6) is greater than max (4)"},
		{"status not a mapping", "status: 0.1\n", 1, "status must be a mapping"},
		{"unknown status key", "status:\n  at_risk: 0.1\n", 2, "unknown key status.at_risk (want at_risk_gap or off_track_gap)"},
		{"gap above 1", "status:\n  at_risk_gap: 1.5\n", 2, "status.at_risk_gap must be a number between 0 and 1"},
		{"negative gap", "status:\n  off_track_gap: -0.1\n", 2, "status.off_track_gap must be a number between 0 and 1"},
		{"NaN gap", "status:\n  at_risk_gap: .nan\n", 2, "status.at_risk_gap must be a number between 0 and 1"},
		{"text gap", "status:\n  at_risk_gap: ten percent\n", 2, "status.at_risk_gap must be a number between 0 and 1"},
		{"gaps out of order", "status:\n  at_risk_gap: 0.3\n  off_track_gap: 0.2\n", 2, "status.off_track_gap (0.2) must not be smaller than status.at_risk_gap (0.3)"},
		{"at_risk above the default off_track", "status:\n  at_risk_gap: 0.3\n", 2, "status.off_track_gap (0.25) must not be smaller than status.at_risk_gap (0.3)"},
		{"binary junk", "paths: \x00\x01\n", 1, "control character U+0000 is not allowed: is this a binary file?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("/repo/.okrctl.yaml", "/repo", []byte(tt.src))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("Parse = %+v, %v; want a *Error", c, err)
			}
			if c != nil {
				t.Error("a config came back with the error")
			}
			if ce.File != "/repo/.okrctl.yaml" || ce.Line != tt.line || ce.Message != tt.msg {
				t.Errorf("error at line %d: %q, want line %d: %q", ce.Line, ce.Message, tt.line, tt.msg)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	if got := (ErrorAt("c.yaml", 3, "bad")).Error(); got != "c.yaml:3: bad" {
		t.Errorf("with a line: %q", got)
	}
	if got := (ErrorAt("c.yaml", 0, "bad")).Error(); got != "c.yaml: bad" {
		t.Errorf("without a line: %q", got)
	}
}

func TestFindAndLoad(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	find := func() string {
		t.Helper()
		fsys, top, name := DiskFS(deep)
		c, err := Lookup(fsys, top, deep, nil, name)
		if err != nil {
			t.Fatal(err)
		}
		return c.File
	}
	if got := find(); got != "" && strings.HasPrefix(got, root) {
		t.Fatalf("Lookup found %q before any file was written", got)
	}
	cfgPath := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(cfgPath, []byte("paths: [okrs]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A directory named like the file is not a configuration.
	if err := os.Mkdir(filepath.Join(deep, FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := find(); got != cfgPath {
		t.Errorf("Lookup from %s found %q, want %q", deep, got, cfgPath)
	}
	c, err := Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if c.Dir != filepath.Join(root, "a") || c.File != cfgPath || !cmp.Equal(c.Paths, []string{"okrs"}) {
		t.Errorf("Load: %+v", c)
	}
	_, err = Load(filepath.Join(root, "missing.yaml"))
	var ce *Error
	if !errors.As(err, &ce) || ce.Message != "no such file" {
		t.Errorf("Load(missing) = %v", err)
	}
}

func TestIgnored(t *testing.T) {
	c := &Config{Ignore: []string{"okrs/archive/**", "*.draft.yaml"}}
	for name, want := range map[string]bool{
		"okrs/archive":              true,
		"okrs/archive/2025/q1.yaml": true,
		"okrs/2026-Q1/a.draft.yaml": true,
		"okrs/2026-Q1/a.yaml":       false,
		"archive/x.yaml":            false,
	} {
		if got := c.Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
	if (&Config{}).Ignored("x") {
		t.Error("no globs ignore something")
	}
}

// TestLookupInAnFS finds the configuration in a file system that is not
// the disk (a revision's tree): from the first path upward, then from the
// working directory, never above the top.
func TestLookupInAnFS(t *testing.T) {
	top := filepath.FromSlash("/repo")
	fsys := fstest.MapFS{
		"team/.okrctl.yaml":    {Data: []byte("paths: [okrs]\n")},
		"team/okrs/a.yaml":     {Data: []byte("kind: Objective\n")},
		".okrctl.yaml":         {Data: []byte("paths: [top]\n")},
		"other/x/.okrctl.yaml": {Mode: fs.ModeDir},
	}
	name := func(rel string) string { return "REV:" + rel }
	for _, tc := range []struct {
		dir   string
		paths []string
		file  string
	}{
		{"/repo/team/okrs", nil, "REV:team/.okrctl.yaml"},
		{"/repo", []string{"team/okrs/a.yaml"}, "REV:team/.okrctl.yaml"},
		{"/repo/other/x", nil, "REV:.okrctl.yaml"}, // a directory of that name is no configuration
		{"/elsewhere", []string{"/repo/team/okrs"}, "REV:team/.okrctl.yaml"},
		{"/elsewhere", nil, ""},
	} {
		c, err := Lookup(fsys, top, filepath.FromSlash(tc.dir), tc.paths, name)
		if err != nil {
			t.Fatal(err)
		}
		if c.File != tc.file {
			t.Errorf("Lookup(dir %s, paths %v) found %q, want %q", tc.dir, tc.paths, c.File, tc.file)
		}
		if tc.file == "REV:team/.okrctl.yaml" && c.Dir != filepath.FromSlash("/repo/team") {
			t.Errorf("Dir = %q, want /repo/team", c.Dir)
		}
	}
}
