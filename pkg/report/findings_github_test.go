package report

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/lint"
)

func TestGitHubAnnotations(t *testing.T) {
	findings := []lint.Finding{
		{File: "okrs/2026-Q1/marketing.yaml", Line: 12, Column: 7, Severity: lint.Error, Rule: "measurable", Message: "key result \"leads\" has no target"},
		// Properties escape % \r \n : and ,; the message escapes % \r \n only.
		{File: "odd dir/a,b:c%d\r\ne.yaml", Line: 3, Column: 5, Severity: lint.Error, Rule: "kr-count", Message: "50% done\r\nnext: a, b"},
		// No line: the annotation is on the file.
		{File: "kpis/snapshots.csv", Severity: lint.Warning, Rule: "unknown-snapshot-kpi", Message: "KPI \"x\" is not defined: rows ignored"},
		{File: "a.yaml", Line: 1, Severity: lint.Warning, Rule: "vague", Message: "100%% vague"},
	}
	var buf bytes.Buffer
	if err := (githubFindings{}).Format(&buf, &Findings{Findings: findings}); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"::error file=okrs/2026-Q1/marketing.yaml,line=12,col=7,title=okrctl measurable::key result \"leads\" has no target\n" +
		"::error file=odd dir/a%2Cb%3Ac%25d%0D%0Ae.yaml,line=3,col=5,title=okrctl kr-count::50%25 done%0D%0Anext: a, b\n" +
		"::warning file=kpis/snapshots.csv,title=okrctl unknown-snapshot-kpi::KPI \"x\" is not defined: rows ignored\n" +
		"::warning file=a.yaml,line=1,title=okrctl vague::100%25%25 vague\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("annotations (-want +got):\n%s", diff)
	}
}

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, property string }{
		{"plain", "plain", "plain"},
		{"%", "%25", "%25"},
		{"\r", "%0D", "%0D"},
		{"\n", "%0A", "%0A"},
		{":", ":", "%3A"},
		{",", ",", "%2C"},
		{"%0A", "%250A", "%250A"}, // an escape sequence in the text stays text
		{"a:b,c%d\r\n", "a:b,c%25d%0D%0A", "a%3Ab%2Cc%25d%0D%0A"},
	} {
		if got := escapeData(tc.in); got != tc.data {
			t.Errorf("escapeData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := escapeProperty(tc.in); got != tc.property {
			t.Errorf("escapeProperty(%q) = %q, want %q", tc.in, got, tc.property)
		}
	}
}
