package report

import (
	"encoding/json"
	"io"
	"time"

	"github.com/okrctl/okrctl/pkg/progress"
)

// jsonStatus writes the JSON shape of SPEC §5: numbers as JSON numbers,
// null where unknown.
type jsonStatus struct{}

type jsonStatusDoc struct {
	AsOf       string          `json:"as_of"`
	Objectives []jsonObjective `json:"objectives"`
}

type jsonObjective struct {
	ID         string          `json:"id"`
	File       string          `json:"file"`
	Title      string          `json:"title"`
	Owner      string          `json:"owner"`
	Period     string          `json:"period"`
	Score      *float64        `json:"score"`
	Expected   *float64        `json:"expected"`
	Status     progress.Status `json:"status"`
	KeyResults []jsonKR        `json:"key_results"`
}

type jsonKR struct {
	ID            string          `json:"id"`
	Title         string          `json:"title"`
	KPI           *string         `json:"kpi"`
	Baseline      *float64        `json:"baseline"`
	Target        *float64        `json:"target"`
	Direction     string          `json:"direction"`
	Deadline      *string         `json:"deadline"`
	Current       *float64        `json:"current"`
	Progress      *float64        `json:"progress"`
	Score         *float64        `json:"score"`
	Expected      *float64        `json:"expected"`
	Status        progress.Status `json:"status"`
	Forecast      *float64        `json:"forecast"`
	ForecastScore *float64        `json:"forecast_score"`
	Source        *string         `json:"source"`
}

func (jsonStatus) Format(w io.Writer, s *Status) error {
	doc := jsonStatusDoc{AsOf: s.AsOf.Format(time.DateOnly), Objectives: []jsonObjective{}}
	for _, o := range s.Objectives {
		obj := o.Objective
		jo := jsonObjective{
			ID: obj.ID, File: obj.File(), Title: obj.Title, Owner: obj.Owner, Period: obj.PeriodText,
			Score: ptr(o.Score), Expected: ptr(o.Expected), Status: o.Status,
			KeyResults: []jsonKR{},
		}
		for _, kr := range o.KeyResults {
			jo.KeyResults = append(jo.KeyResults, jsonKR{
				ID: kr.ID, Title: kr.Title, KPI: optString(kr.KPI),
				Baseline: kr.Baseline, Target: kr.Target, Direction: string(kr.Direction),
				Deadline: optString(dateOrEmpty(kr.Deadline)),
				Current:  kr.Current, Progress: kr.Progress, Score: kr.Score, Expected: kr.Expected,
				Status: kr.Status, Forecast: kr.Forecast, ForecastScore: kr.ForecastScore,
				Source: optString(kr.Source),
			})
		}
		doc.Objectives = append(doc.Objectives, jo)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
