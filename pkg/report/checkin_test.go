package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/okrctl/okrctl/pkg/okr"
)

// TestCheckInColumn checks that the table and the Markdown show a key
// result's latest check-in on or before the as-of date, and only when
// there is one.
func TestCheckInColumn(t *testing.T) {
	res := checkExamples(t)
	var kr *okr.KeyResult
	for _, o := range res.Repo.Objectives {
		if o.ID == "marketing-demand-2026q4" {
			kr = o.KeyResults[0]
		}
	}
	if kr == nil {
		t.Fatal("no key result marketing-demand-2026q4/leads in the examples")
	}
	seven, four := 7.0, 4.0
	kr.CheckIns = []okr.CheckIn{
		{Date: examplesAsOf.AddDate(0, 0, -7), Confidence: &seven, Note: "Two webinars | moved", Author: "Giulia"},
		{Date: examplesAsOf.AddDate(0, 0, 3), Confidence: &four, Note: "after the as-of date"},
	}
	defer func() { kr.CheckIns = nil }()
	st := NewStatus(res, examplesAsOf, Filter{Period: "2026-Q4"})

	var table bytes.Buffer
	if err := (tableStatus{}).Format(&table, st); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table.String(), "CONFIDENCE") || !strings.Contains(table.String(), " 7/10 ") || strings.Contains(table.String(), "4/10") {
		t.Errorf("table:\n%s", table.String())
	}
	var md bytes.Buffer
	if err := (markdownStatus{}).Format(&md, st); err != nil {
		t.Fatal(err)
	}
	want := `| 7/10 Two webinars \| moved (` + examplesAsOf.AddDate(0, 0, -7).Format(time.DateOnly) + `, Giulia) |`
	if !strings.Contains(md.String(), "| Last check-in |") || !strings.Contains(md.String(), want) {
		t.Errorf("markdown lacks %q:\n%s", want, md.String())
	}

	kr.CheckIns = nil
	table.Reset()
	if err := (tableStatus{}).Format(&table, st); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(table.String(), "CONFIDENCE") {
		t.Errorf("a CONFIDENCE column without check-ins:\n%s", table.String())
	}
}

// TestStatusJSONUnmeasuredScore checks that an objective none of whose key
// results is measured has a null score in the JSON, not 0.
func TestStatusJSONUnmeasuredScore(t *testing.T) {
	res := checkExamples(t)
	st := NewStatus(res, time.Date(2026, 9, 20, 0, 0, 0, 0, time.UTC), Filter{Period: "2026-Q4"})
	var b bytes.Buffer
	if err := (jsonStatus{}).Format(&b, st); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Objectives []struct {
			ID       string
			Score    *float64
			Measured int
		}
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	unmeasured := 0
	for _, o := range doc.Objectives {
		if (o.Measured == 0) != (o.Score == nil) {
			t.Errorf("%s: measured %d, score %v", o.ID, o.Measured, o.Score)
		}
		if o.Measured == 0 {
			unmeasured++
		}
	}
	if unmeasured == 0 {
		t.Fatal("no unmeasured objective before the quarter: the test checks nothing")
	}
}
