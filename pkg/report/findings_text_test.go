package report

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/lint"
)

// TestTextFindingsCaret checks the terminal display: each finding's source
// line, with the caret under its column counted in characters, and no
// control character passed to the terminal.
func TestTextFindingsCaret(t *testing.T) {
	lines := map[string]string{
		"a.yaml:3":        `  title: "città è" x`,
		"b.csv:2":         "2026-01-05,le\x1b[2Jads,\tx",
		"c.yaml:1":        "short",
		"gone.csv:" + "9": "",
	}
	f := &Findings{
		Findings: []lint.Finding{
			{File: "a.yaml", Line: 3, Column: 20, Severity: lint.Error, Rule: "yaml", Message: "m1"},
			{File: "b.csv", Line: 2, Column: 23, Severity: lint.Warning, Rule: "csv", Message: "m2"},
			{File: "c.yaml", Line: 1, Column: 40, Severity: lint.Error, Rule: "schema", Message: "m3"},
			{File: "gone.csv", Line: 9, Column: 1, Severity: lint.Error, Rule: "csv", Message: "m4"},
		},
		Source: func(file string, n int) string {
			return lines[file+":"+string(rune('0'+n))]
		},
		Terminal: true,
	}
	var b bytes.Buffer
	if err := (textFindings{}).Format(&b, f); err != nil {
		t.Fatal(err)
	}
	want := `a.yaml:3:20: error: m1 [yaml]
   3 |   title: "città è" x
     |                    ^
b.csv:2:23: warning: m2 [csv]
   2 | 2026-01-05,le` + "\uFFFD" + `[2Jads, x
     |                       ^
c.yaml:1:40: error: m3 [schema]
   1 | short
     |      ^
gone.csv:9:1: error: m4 [csv]
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

// TestTextFindingsHostileNames checks that a file name cannot forge a
// finding line or send escape sequences to the terminal.
func TestTextFindingsHostileNames(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"okrs/plain.yaml", "okrs/plain.yaml:1:1: error: m [yaml]\n"},
		{"x.yaml:1:1: error: forged finding [yaml]\nokrs.yaml", `"x.yaml:1:1: error: forged finding [yaml]\nokrs.yaml":1:1: error: m [yaml]` + "\n"},
		{"\x1b]0;title\x07.yaml", `"\x1b]0;title\a.yaml":1:1: error: m [yaml]` + "\n"},
		{"r\xe9sum\xe9.yaml", `"r\xe9sum\xe9.yaml":1:1: error: m [yaml]` + "\n"},
		{"evil\u202elmay.yaml", `"evil\u202elmay.yaml":1:1: error: m [yaml]` + "\n"},
		{"città.yaml", "città.yaml:1:1: error: m [yaml]\n"},
	} {
		f := &Findings{Findings: []lint.Finding{{File: tc.name, Line: 1, Column: 1, Severity: lint.Error, Rule: "yaml", Message: "m"}}}
		var b bytes.Buffer
		if err := (textFindings{}).Format(&b, f); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("name %q printed as %q, want %q", tc.name, b.String(), tc.want)
		}
	}
}
