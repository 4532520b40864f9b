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
