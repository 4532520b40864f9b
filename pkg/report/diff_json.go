package report

import (
	"encoding/json"
	"io"
	"time"

	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okrdiff"
)

// jsonDiff writes a diff as one JSON object. The shape is stable:
//
//	{
//	  "base": {"rev": "v1", "commit": "<full id>", "working_tree": false},
//	  "head": {"rev": "", "commit": "", "working_tree": true},
//	  "as_of": "YYYY-MM-DD",
//	  "summary": {"objectives_added": N, "objectives_removed": N,
//	    "objectives_changed": N, "objectives_unchanged": N,
//	    "key_results_added": N, "key_results_removed": N,
//	    "key_results_changed": N, "moved_goalposts": N},
//	  "objectives": [{
//	    "id", "change": "added|removed|changed", "title", "period",
//	    "file", "old_file" (null unless moved), "period_start" (date or null),
//	    "fields": [FIELD…], "score": SCORE or null,
//	    "key_results": [{"id", "change", "title", "fields": [FIELD…], "score": SCORE or null}…]
//	  }…],
//	  "findings": [{"file", "line", "column", "severity", "rule", "message"}…],
//	  "errors": N, "warnings": N, "files": N
//	}
//
// FIELD is {"field", "old", "new", "change", "bar", "moved_goalpost"}:
// old and new are numbers (baseline, target, weight, current), strings
// (dates as YYYY-MM-DD) or null where unset; change is raised, lowered,
// later, earlier, set, unset or changed; bar is "raised", "lowered" or null.
// SCORE is {"old", "new", "old_status", "new_status"}, null on the side
// where the objective or key result does not exist or has no score.
type jsonDiff struct{}

type jsonRef struct {
	Rev         string `json:"rev"`
	Commit      string `json:"commit"`
	WorkingTree bool   `json:"working_tree"`
}

type jsonDiffSummary struct {
	ObjectivesAdded     int `json:"objectives_added"`
	ObjectivesRemoved   int `json:"objectives_removed"`
	ObjectivesChanged   int `json:"objectives_changed"`
	ObjectivesUnchanged int `json:"objectives_unchanged"`
	KRsAdded            int `json:"key_results_added"`
	KRsRemoved          int `json:"key_results_removed"`
	KRsChanged          int `json:"key_results_changed"`
	MovedGoalposts      int `json:"moved_goalposts"`
}

type jsonField struct {
	Field         string  `json:"field"`
	Old           any     `json:"old"`
	New           any     `json:"new"`
	Change        string  `json:"change"`
	Bar           *string `json:"bar"`
	MovedGoalpost bool    `json:"moved_goalpost"`
}

type jsonScore struct {
	Old       *float64 `json:"old"`
	New       *float64 `json:"new"`
	OldStatus *string  `json:"old_status"`
	NewStatus *string  `json:"new_status"`
}

type jsonKRDiff struct {
	ID     string      `json:"id"`
	Change string      `json:"change"`
	Title  string      `json:"title"`
	Fields []jsonField `json:"fields"`
	Score  *jsonScore  `json:"score"`
}

type jsonObjectiveDiff struct {
	ID          string       `json:"id"`
	Change      string       `json:"change"`
	Title       string       `json:"title"`
	Period      string       `json:"period"`
	File        string       `json:"file"`
	OldFile     *string      `json:"old_file"`
	PeriodStart *string      `json:"period_start"`
	Fields      []jsonField  `json:"fields"`
	Score       *jsonScore   `json:"score"`
	KeyResults  []jsonKRDiff `json:"key_results"`
}

func (jsonDiff) Format(w io.Writer, d *okrdiff.Diff) error {
	s := d.Summary()
	errs, warns := lint.Count(d.Findings)
	out := struct {
		Base       jsonRef             `json:"base"`
		Head       jsonRef             `json:"head"`
		AsOf       string              `json:"as_of"`
		Summary    jsonDiffSummary     `json:"summary"`
		Objectives []jsonObjectiveDiff `json:"objectives"`
		Findings   []lint.Finding      `json:"findings"`
		Errors     int                 `json:"errors"`
		Warnings   int                 `json:"warnings"`
		Files      int                 `json:"files"`
	}{
		Base: jsonRefOf(d.Base), Head: jsonRefOf(d.Head),
		AsOf: d.AsOf.Format(time.DateOnly),
		Summary: jsonDiffSummary{
			s.ObjectivesAdded, s.ObjectivesRemoved, s.ObjectivesChanged, d.Unchanged,
			s.KRsAdded, s.KRsRemoved, s.KRsChanged, s.MovedGoalposts,
		},
		Objectives: []jsonObjectiveDiff{},
		Findings:   d.Findings,
		Errors:     errs, Warnings: warns, Files: d.Files,
	}
	if out.Findings == nil {
		out.Findings = []lint.Finding{}
	}
	for _, o := range d.Objectives {
		jo := jsonObjectiveDiff{
			ID: o.ID, Change: string(o.Change), Title: o.Title, Period: o.Period, File: o.File,
			Fields: jsonFields(o.Fields), Score: jsonScoreOf(o.Score), KeyResults: []jsonKRDiff{},
		}
		if o.Moved() {
			jo.OldFile = &o.OldFile
		}
		if !o.Began.IsZero() {
			start := o.Began.Format(time.DateOnly)
			jo.PeriodStart = &start
		}
		for _, k := range o.KeyResults {
			jo.KeyResults = append(jo.KeyResults, jsonKRDiff{
				ID: k.ID, Change: string(k.Change), Title: k.Title,
				Fields: jsonFields(k.Fields), Score: jsonScoreOf(k.Score),
			})
		}
		out.Objectives = append(out.Objectives, jo)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func jsonRefOf(r okrdiff.Ref) jsonRef {
	return jsonRef{Rev: r.Rev, Commit: r.Commit, WorkingTree: r.Rev == ""}
}

func jsonFields(fs []okrdiff.FieldDiff) []jsonField {
	out := []jsonField{}
	for _, f := range fs {
		jf := jsonField{Field: f.Field, Old: f.Old, New: f.New, Change: f.Change, MovedGoalpost: f.MovedGoalpost}
		if f.Bar != "" {
			bar := f.Bar
			jf.Bar = &bar
		}
		out = append(out, jf)
	}
	return out
}

func jsonScoreOf(s *okrdiff.ScoreDiff) *jsonScore {
	if s == nil {
		return nil
	}
	js := &jsonScore{Old: s.Old, New: s.New}
	if s.OldStatus != "" {
		st := string(s.OldStatus)
		js.OldStatus = &st
	}
	if s.NewStatus != "" {
		st := string(s.NewStatus)
		js.NewStatus = &st
	}
	return js
}
