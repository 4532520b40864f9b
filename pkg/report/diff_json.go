package report

import (
	"encoding/json"
	"io"
	"strconv"
	"time"

	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okrdiff"
)

// jsonDiff writes a diff as one JSON object. The shape is stable:
//
//	{
//	  "base": {"rev": "v1", "commit": "<full id>", "working_tree": false},
//	  "head": {"rev": "", "commit": "", "working_tree": true},
//	  "as_of": "YYYY-MM-DD",
//	  "changed_on": "YYYY-MM-DD",  (the day moved goalposts are judged by)
//	  "summary": {"objectives_added": N, "objectives_removed": N,
//	    "objectives_changed": N, "objectives_unchanged": N,
//	    "key_results_added": N, "key_results_removed": N,
//	    "key_results_changed": N, "kpis_added": N, "kpis_removed": N,
//	    "kpis_changed": N, "moved_goalposts": N, "rewritten_rows": N,
//	    "new_rows": N},
//	  "objectives": [{
//	    "id", "change": "added|removed|changed", "title", "period",
//	    "file", "old_file" (null unless moved), "period_start" (date or null),
//	    "fields": [FIELD…], "score": SCORE or null,
//	    "key_results": [{"id", "change": "added|removed|changed|renamed",
//	      "old_id" (null unless renamed), "title", "unit",
//	      "dropped" (removed after the period began: a moved goalpost),
//	      "fields": [FIELD…], "score": SCORE or null}…]
//	  }…],
//	  "kpis": [{"id", "change", "name", "file", "old_file", "used_by": [id…],
//	    "period_start" (date or null), "fields": [FIELD…]}…],
//	  "rewritten_history": [{"kpi", "date", "change": "changed|deleted|inserted",
//	    "file", "line", "old", "new"}…],
//	  "new_rows": [{"kpi", "count", "first", "last"}…],
//	  "findings": [{"file", "line", "column", "severity", "rule", "message"}…],
//	  "errors": N, "warnings": N, "files": N
//	}
//
// FIELD is {"field", "old", "new", "change", "bar", "moved_goalpost"}:
// old and new are numbers (baseline, target, weight, current), strings
// (dates as YYYY-MM-DD, text, and a number field's text when it is not a
// number) or null where unset; change is raised, lowered, later, earlier,
// set, unset, changed or unreadable; bar is "raised", "lowered" or null.
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
	KPIsAdded           int `json:"kpis_added"`
	KPIsRemoved         int `json:"kpis_removed"`
	KPIsChanged         int `json:"kpis_changed"`
	MovedGoalposts      int `json:"moved_goalposts"`
	RewrittenRows       int `json:"rewritten_rows"`
	NewRows             int `json:"new_rows"`
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
	ID      string      `json:"id"`
	Change  string      `json:"change"`
	OldID   *string     `json:"old_id"`
	Title   string      `json:"title"`
	Unit    string      `json:"unit"`
	Dropped bool        `json:"dropped"`
	Fields  []jsonField `json:"fields"`
	Score   *jsonScore  `json:"score"`
	// CheckIn is the head's latest check-in when the base lacks it.
	CheckIn *jsonDiffCheckIn `json:"checkin"`
}

// jsonDiffCheckIn is a check-in in the diff's JSON.
type jsonDiffCheckIn struct {
	Date       string   `json:"date"`
	Value      *float64 `json:"value"`
	Confidence *float64 `json:"confidence"`
	Note       string   `json:"note"`
	Author     string   `json:"author"`
	Source     string   `json:"source"`
}

type jsonKPIDiff struct {
	ID          string      `json:"id"`
	Change      string      `json:"change"`
	Name        string      `json:"name"`
	File        string      `json:"file"`
	OldFile     *string     `json:"old_file"`
	UsedBy      []string    `json:"used_by"`
	PeriodStart *string     `json:"period_start"`
	Fields      []jsonField `json:"fields"`
}

type jsonRowEdit struct {
	KPI    string   `json:"kpi"`
	Date   string   `json:"date"`
	Change string   `json:"change"`
	File   string   `json:"file"`
	Line   int      `json:"line"`
	Old    *float64 `json:"old"`
	New    *float64 `json:"new"`
}

type jsonNewRows struct {
	KPI   string `json:"kpi"`
	Count int    `json:"count"`
	First string `json:"first"`
	Last  string `json:"last"`
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
	errs, warns := diag.Count(d.Findings)
	out := struct {
		Base       jsonRef             `json:"base"`
		Head       jsonRef             `json:"head"`
		AsOf       string              `json:"as_of"`
		ChangedOn  string              `json:"changed_on"`
		Summary    jsonDiffSummary     `json:"summary"`
		Objectives []jsonObjectiveDiff `json:"objectives"`
		KPIs       []jsonKPIDiff       `json:"kpis"`
		History    []jsonRowEdit       `json:"rewritten_history"`
		NewRows    []jsonNewRows       `json:"new_rows"`
		Findings   []lint.Finding      `json:"findings"`
		Errors     int                 `json:"errors"`
		Warnings   int                 `json:"warnings"`
		Files      int                 `json:"files"`
	}{
		Base: jsonRefOf(d.Base), Head: jsonRefOf(d.Head),
		AsOf: d.AsOf.Format(time.DateOnly), ChangedOn: d.ChangedOn.Format(time.DateOnly),
		Summary: jsonDiffSummary{
			s.ObjectivesAdded, s.ObjectivesRemoved, s.ObjectivesChanged, d.Unchanged,
			s.KRsAdded, s.KRsRemoved, s.KRsChanged,
			s.KPIsAdded, s.KPIsRemoved, s.KPIsChanged,
			s.MovedGoalposts, s.RewrittenRows, s.NewRows,
		},
		Objectives: []jsonObjectiveDiff{},
		KPIs:       []jsonKPIDiff{},
		History:    []jsonRowEdit{},
		NewRows:    []jsonNewRows{},
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
			jk := jsonKRDiff{
				ID: k.ID, Change: string(k.Change), Title: k.Title, Unit: k.Unit, Dropped: k.Dropped,
				Fields: jsonFields(k.Fields), Score: jsonScoreOf(k.Score),
			}
			if k.OldID != "" {
				jk.OldID = &k.OldID
			}
			if c := k.CheckIn; c != nil {
				jk.CheckIn = &jsonDiffCheckIn{Date: c.Date.Format(time.DateOnly), Value: c.Value, Confidence: c.Confidence,
					Note: c.Note, Author: c.Author, Source: c.File + ":" + strconv.Itoa(c.Line)}
			}
			jo.KeyResults = append(jo.KeyResults, jk)
		}
		out.Objectives = append(out.Objectives, jo)
	}
	for _, k := range d.KPIs {
		jk := jsonKPIDiff{ID: k.ID, Change: string(k.Change), Name: k.Name, File: k.File, UsedBy: k.UsedBy, Fields: jsonFields(k.Fields)}
		if jk.UsedBy == nil {
			jk.UsedBy = []string{}
		}
		if k.OldFile != "" {
			jk.OldFile = &k.OldFile
		}
		if !k.Began.IsZero() {
			start := k.Began.Format(time.DateOnly)
			jk.PeriodStart = &start
		}
		out.KPIs = append(out.KPIs, jk)
	}
	for _, r := range d.History {
		out.History = append(out.History, jsonRowEdit{KPI: r.KPI, Date: r.Date.Format(time.DateOnly), Change: r.Change, File: r.File, Line: r.Line, Old: r.Old, New: r.New})
	}
	for _, n := range d.NewRows {
		out.NewRows = append(out.NewRows, jsonNewRows{KPI: n.KPI, Count: n.Count, First: n.First.Format(time.DateOnly), Last: n.Last.Format(time.DateOnly)})
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
