package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"

	"github.com/okrctl/okrctl/pkg/lint"
)

// junitFindings writes JUnit XML, which Bitbucket Pipelines, Azure DevOps,
// Jenkins and GitLab read as test results (docs/ci.md): one test suite, one
// test case per file read, a failure per error finding; a file's warnings
// go to its system-out, so that they show without failing it.
type junitFindings struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	ClassName string         `xml:"classname,attr"`
	Failures  []junitFailure `xml:"failure"`
	SystemOut string         `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func (junitFindings) Format(w io.Writer, f *Findings) error {
	names := slices.Clone(f.Names)
	byFile := map[string][]lint.Finding{}
	for _, fd := range f.Findings {
		if _, ok := byFile[fd.File]; !ok && !slices.Contains(names, fd.File) {
			names = append(names, fd.File)
		}
		byFile[fd.File] = append(byFile[fd.File], fd)
	}
	slices.Sort(names)
	suite := junitSuite{Name: "okrctl validate", Cases: []junitCase{}}
	for _, name := range names {
		c := junitCase{Name: name, ClassName: "okrctl"}
		for _, fd := range byFile[name] {
			line := fmt.Sprintf("%s:%d:%d: %s", fd.File, fd.Line, fd.Column, fd.Message)
			if fd.Severity == lint.Warning {
				c.SystemOut += "warning: " + line + " [" + fd.Rule + "]\n"
				continue
			}
			c.Failures = append(c.Failures, junitFailure{Message: fd.Message, Type: fd.Rule, Text: line + " [" + fd.Rule + "]"})
		}
		if len(c.Failures) > 0 {
			suite.Failures++
		}
		suite.Cases = append(suite.Cases, c)
	}
	suite.Tests = len(suite.Cases)
	out := junitSuites{Name: "okrctl", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
