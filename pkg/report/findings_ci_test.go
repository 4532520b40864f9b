package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/okrctl/okrctl/pkg/lint"
)

// ciFindings has errors and warnings, two findings alike in one file, a
// whole-file finding (line 0) and text that XML and JSON must escape.
func ciFindings() []lint.Finding {
	return []lint.Finding{
		{File: "kpis/s.csv", Severity: lint.Error, Rule: "csv", Message: "bad header"},
		{File: "okrs/2026-Q1/marketing.yaml", Line: 12, Column: 7, Severity: lint.Error, Rule: "measurable", Message: `target "24k" is not a number <&>`},
		{File: "okrs/2026-Q1/marketing.yaml", Line: 20, Column: 7, Severity: lint.Warning, Rule: "vague", Message: "key result is vague\x07"},
		{File: "okrs/2026-Q1/marketing.yaml", Line: 30, Column: 3, Severity: lint.Warning, Rule: "vague", Message: "key result is vague\x07"},
	}
}

// tool returns the path of an external checker, or skips the test saying
// how to get it (scripts/test-deps.sh installs both).
func tool(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed: %s (scripts/test-deps.sh does)", name, install)
		}
		t.Skipf("%s is not installed, so the output is not checked by a real parser: %s (scripts/test-deps.sh does)", name, install)
	}
	return p
}

func format(t *testing.T, name string, f *Findings) []byte {
	t.Helper()
	ff, err := NewFindingsFormatter(name)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ff.Format(&buf, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGitLabCodeQuality(t *testing.T) {
	out := format(t, "gitlab", &Findings{Findings: ciFindings()})
	var issues []gitlabIssue
	if err := json.Unmarshal(out, &issues); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(issues) != 4 {
		t.Fatalf("%d issues, want 4", len(issues))
	}
	if is := issues[0]; is.Location.Lines.Begin != 1 || is.Severity != "major" || is.CheckName != "csv" || is.Location.Path != "kpis/s.csv" {
		t.Errorf("whole-file error = %+v, want line 1, major", is)
	}
	if issues[2].Severity != "minor" || issues[2].Fingerprint == issues[3].Fingerprint {
		t.Errorf("two warnings alike must be minor with distinct fingerprints: %+v", issues[2:])
	}
	// Moving the findings to other lines keeps their fingerprints.
	moved := ciFindings()
	for i := range moved {
		moved[i].Line += 5
	}
	var again []gitlabIssue
	if err := json.Unmarshal(format(t, "gitlab", &Findings{Findings: moved}), &again); err != nil {
		t.Fatal(err)
	}
	for i := range issues {
		if issues[i].Fingerprint != again[i].Fingerprint {
			t.Errorf("fingerprint of %s changed when its line moved", issues[i].Description)
		}
	}
	if got := format(t, "gitlab", &Findings{}); strings.TrimSpace(string(got)) != "[]" {
		t.Errorf("no findings = %s, want []", got)
	}

	// GitLab's documented fields, checked by a real JSON-schema validator.
	ajv := tool(t, "ajv", "npm install -g ajv-cli")
	dir := t.TempDir()
	data := filepath.Join(dir, "gl-code-quality-report.json")
	if err := os.WriteFile(data, out, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(ajv, "validate", "-s", "testdata/ci/gitlab-codequality.schema.json", "-d", data)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("ajv rejects the report: %v\n%s\n%s", err, msg, out)
	}
	// The validator does reject a report without the fields.
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`[{"description": "x", "severity": "error", "location": {"path": "/abs", "lines": {"begin": 0}}}]`), 0o644)
	if err := exec.Command(ajv, "validate", "-s", "testdata/ci/gitlab-codequality.schema.json", "-d", bad).Run(); err == nil {
		t.Error("ajv accepts a report without check_name and fingerprint: the schema checks nothing")
	}
}

func TestJUnit(t *testing.T) {
	f := &Findings{Findings: ciFindings(), Names: []string{"kpis/kpis.yaml", "kpis/s.csv", "okrs/2026-Q1/marketing.yaml"}}
	out := format(t, "junit", f)
	var doc junitSuites
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	s := doc.Suites[0]
	if doc.Tests != 3 || s.Tests != 3 || s.Failures != 2 || len(s.Cases) != 3 {
		t.Fatalf("tests %d, failures %d, cases %d; want one case per file, 2 failing:\n%s", s.Tests, s.Failures, len(s.Cases), out)
	}
	if c := s.Cases[0]; c.Name != "kpis/kpis.yaml" || len(c.Failures) != 0 {
		t.Errorf("a clean file passes: %+v", c)
	}
	if c := s.Cases[2]; len(c.Failures) != 1 || c.Failures[0].Type != "measurable" || !strings.Contains(c.SystemOut, "warning: okrs/2026-Q1/marketing.yaml:20:7") {
		t.Errorf("marketing.yaml = %+v, want one failure and its warnings in system-out", c)
	}
	if bytes.Contains(out, []byte("\x07")) {
		t.Error("a control character reaches the XML, which XML 1.0 cannot hold")
	}

	// The JUnit schema CI servers read, checked by libxml2.
	xmllint := tool(t, "xmllint", "apt-get install libxml2-utils")
	dir := t.TempDir()
	for name, content := range map[string][]byte{
		"findings.xml": out,
		"empty.xml":    format(t, "junit", &Findings{}),
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
		if msg, err := exec.Command(xmllint, "--noout", "--schema", "testdata/ci/junit.xsd", p).CombinedOutput(); err != nil {
			t.Errorf("xmllint rejects %s: %v\n%s\n%s", name, err, msg, content)
		}
	}
	bad := filepath.Join(dir, "bad.xml")
	os.WriteFile(bad, []byte(`<testsuites><testsuite name="x"><testcase/></testsuite></testsuites>`), 0o644)
	if err := exec.Command(xmllint, "--noout", "--schema", "testdata/ci/junit.xsd", bad).Run(); err == nil {
		t.Error("xmllint accepts a test suite without counts: the schema checks nothing")
	}
}
