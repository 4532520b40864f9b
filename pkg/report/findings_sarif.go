package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/lint"
)

// sarifFindings writes a SARIF 2.1.0 log for code scanning: the tool driver
// lists every rule with its description; each result has a level and a
// physical location with a relative URI, line and column.
type sarifFindings struct{}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	Results     []sarifResult     `json:"results"`
}

// sarifInvocation says how the run went; okrctl uses it only to note the
// results it left out.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

// maxSARIFResults is the most results GitHub code scanning accepts in one
// run; it rejects the whole upload above it.
const maxSARIFResults = 25000

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex *int            `json:"ruleIndex,omitempty"` // nil for a rule the driver does not list
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region *sarifRegion `json:"region,omitempty"`
	} `json:"physicalLocation"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

func (sarifFindings) Format(w io.Writer, f *Findings) error {
	rules := f.Rules
	if rules == nil {
		rules = lint.Rules()
	}
	driver := sarifDriver{Name: "okrctl", Version: f.Version, InformationURI: "https://github.com/okrctl/okrctl", Rules: []sarifRule{}}
	index := map[string]int{}
	for i, r := range rules {
		sr := sarifRule{ID: r.ID, Name: r.ID, ShortDescription: sarifMessage{r.Description}, FullDescription: sarifMessage{r.Description}}
		sr.DefaultConfiguration.Level = sarifLevel(r.Severity)
		driver.Rules = append(driver.Rules, sr)
		index[r.ID] = i
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	findings := f.Findings
	if len(findings) > maxSARIFResults {
		// Keep the errors first, each group in its order, and say how many
		// were left out.
		findings = slices.Clone(findings)
		slices.SortStableFunc(findings, func(a, b lint.Finding) int { return int(a.Severity) - int(b.Severity) })
		left := len(findings) - maxSARIFResults
		errs, _ := diag.Count(findings[maxSARIFResults:])
		findings = findings[:maxSARIFResults]
		run.Invocations = []sarifInvocation{{
			ExecutionSuccessful: true,
			ToolExecutionNotifications: []sarifNotification{{Level: "warning", Message: sarifMessage{fmt.Sprintf(
				"%d of %d findings left out (%d errors, %d warnings), errors kept first: code scanning accepts at most %d results per run; run okrctl validate to see them all",
				left, len(f.Findings), errs, left-errs, maxSARIFResults)}}},
		}}
	}
	for _, fd := range findings {
		res := sarifResult{RuleID: fd.Rule, Level: sarifLevel(fd.Severity), Message: sarifMessage{fd.Message}}
		if i, ok := index[fd.Rule]; ok {
			res.RuleIndex = &i
		}
		var loc sarifLocation
		loc.PhysicalLocation.ArtifactLocation.URI = sarifURI(fd.File)
		if fd.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: fd.Line, StartColumn: fd.Column}
		}
		res.Locations = []sarifLocation{loc}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

func sarifLevel(s lint.Severity) string {
	if s == lint.Warning {
		return "warning"
	}
	return "error"
}

// sarifURI turns a '/'-separated relative path into a relative URI
// reference, escaping each segment; ':' is escaped too, since in a first
// segment it would make the name read as a URI scheme ("a:b.yaml").
func sarifURI(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}
