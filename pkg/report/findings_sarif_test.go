package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/okrctl/okrctl/pkg/lint"
)

// sarifSchemaID is the id the vendored SARIF 2.1.0 schema (draft-04) gives
// itself; registering the file under it resolves its references offline.
const sarifSchemaID = "https://raw.githubusercontent.com/schemastore/schemastore/master/src/schemas/json/sarif-2.1.0-rtm.5.json"

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.UseLoader(offline{})
	if err := c.AddResource(sarifSchemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(sarifSchemaID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// offline refuses every URL the schema does not carry itself.
type offline struct{}

func (offline) Load(url string) (any, error) { return nil, fmt.Errorf("no network in tests: %s", url) }

func TestSARIFIsValid(t *testing.T) {
	schema := sarifSchema(t)
	findings := []lint.Finding{
		{File: "okrs/2026-Q1/marketing.yaml", Line: 12, Column: 7, Severity: lint.Error, Rule: "measurable", Message: "no target"},
		{File: "okrs/with space/#1.yaml", Line: 3, Severity: lint.Warning, Rule: "vague", Message: "vague"},
		{File: "kpis/s.csv", Severity: lint.Error, Rule: "csv", Message: "bad header"},
		{File: "a:b,c%.yaml", Line: 2, Column: 1, Severity: lint.Error, Rule: "yaml", Message: "bad"},
		{File: "x.yaml", Line: 1, Column: 1, Severity: lint.Error, Rule: "no-such-rule", Message: "from a newer okrctl"},
	}
	for name, f := range map[string]*Findings{
		"findings": {Findings: findings, Rules: lint.Rules(), Version: "v1.2.3"},
		"none":     {},
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (sarifFindings{}).Format(&buf, f); err != nil {
				t.Fatal(err)
			}
			var doc any
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Fatalf("%#v\n%s", err, buf.String())
			}
		})
	}

	// The schema is not vacuous: a driver without a name breaks it.
	var bad any
	if err := json.Unmarshal([]byte(`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`), &bad); err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(bad); err == nil {
		t.Error("a driver without a name passed the schema")
	}

	var buf bytes.Buffer
	if err := (sarifFindings{}).Format(&buf, &Findings{Findings: findings, Rules: lint.Rules()}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string
						ShortDescription struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex *int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           *struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != len(lint.Rules()) {
		t.Errorf("%d rules, want every rule (%d)", len(run.Tool.Driver.Rules), len(lint.Rules()))
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.ShortDescription.Text == "" {
			t.Errorf("rule %s has no description", r.ID)
		}
	}
	for i, r := range run.Results {
		switch {
		case r.RuleID == "no-such-rule":
			if r.RuleIndex != nil {
				t.Errorf("result %d: ruleIndex %d for a rule the driver does not list", i, *r.RuleIndex)
			}
		case r.RuleIndex == nil || run.Tool.Driver.Rules[*r.RuleIndex].ID != r.RuleID:
			t.Errorf("result %d: ruleIndex does not point at %s", i, r.RuleID)
		}
	}
	loc := func(i int) (string, any) {
		pl := run.Results[i].Locations[0].PhysicalLocation
		if pl.Region == nil {
			return pl.ArtifactLocation.URI, nil
		}
		return pl.ArtifactLocation.URI, *pl.Region
	}
	for i, want := range []struct {
		uri    string
		region any
	}{
		{"okrs/2026-Q1/marketing.yaml", struct{ StartLine, StartColumn int }{12, 7}},
		{"okrs/with%20space/%231.yaml", struct{ StartLine, StartColumn int }{3, 0}},
		{"kpis/s.csv", nil},
		{"a%3Ab%2Cc%25.yaml", struct{ StartLine, StartColumn int }{2, 1}},
	} {
		if uri, region := loc(i); uri != want.uri || region != want.region {
			t.Errorf("result %d at %s %v, want %s %v", i, uri, region, want.uri, want.region)
		}
	}
	if run.Results[0].Level != "error" || run.Results[1].Level != "warning" {
		t.Errorf("levels %s, %s", run.Results[0].Level, run.Results[1].Level)
	}
}

// TestSARIFIsCappedForCodeScanning keeps a run within the 25,000 results
// GitHub accepts: errors first, and a note saying how many were left out.
func TestSARIFIsCappedForCodeScanning(t *testing.T) {
	var findings []lint.Finding
	for i := range 26700 {
		sev := lint.Warning
		if i%10 == 9 { // 2,670 errors, spread among the warnings
			sev = lint.Error
		}
		findings = append(findings, lint.Finding{File: fmt.Sprintf("okrs/o%05d.yaml", i/5), Line: 1 + i%5, Column: 1, Severity: sev, Rule: "vague", Message: "vague"})
	}
	var buf bytes.Buffer
	if err := (sarifFindings{}).Format(&buf, &Findings{Findings: findings, Rules: lint.Rules()}); err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(doc); err != nil {
		t.Fatalf("capped log breaks the schema: %v", err)
	}
	var log struct {
		Runs []struct {
			Invocations []struct {
				ToolExecutionNotifications []struct{ Message struct{ Text string } }
			}
			Results []struct{ Level string }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != 25000 {
		t.Fatalf("%d results, want 25,000", len(run.Results))
	}
	errs := 0
	for _, r := range run.Results {
		if r.Level == "error" {
			errs++
		}
	}
	if errs != 2670 || run.Results[0].Level != "error" || run.Results[2669].Level != "error" {
		t.Errorf("%d errors kept, want all 2,670 first", errs)
	}
	if len(run.Invocations) != 1 || !strings.Contains(run.Invocations[0].ToolExecutionNotifications[0].Message.Text, "1700 of 26700 findings left out (0 errors, 1700 warnings)") {
		t.Errorf("no note of what was left out: %+v", run.Invocations)
	}
	// Under the cap, nothing is noted.
	buf.Reset()
	(sarifFindings{}).Format(&buf, &Findings{Findings: findings[:100]})
	if strings.Contains(buf.String(), "invocations") {
		t.Error("a note under the cap")
	}
}
