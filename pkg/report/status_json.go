package report

import (
	"bufio"
	"io"
	"strconv"
	"time"

	"github.com/okrctl/okrctl/pkg/progress"
)

// jsonStatus writes the JSON shape of docs/formats.md ("Status JSON"): numbers as JSON numbers,
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
	Grade      *string         `json:"grade"`
	Measured   int             `json:"measured"`
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
	Per           *string         `json:"per"`
	Grade         *string         `json:"grade"`
	// ForecastMeetsTarget is null without a forecast.
	ForecastMeetsTarget *bool        `json:"forecast_meets_target"`
	Stale               bool         `json:"stale"`
	DataEnds            *string      `json:"data_ends"`
	CheckIn             *jsonCheckIn `json:"checkin"`
}

func (jsonStatus) Format(w io.Writer, s *Status) error {
	doc := jsonStatusDoc{AsOf: s.AsOf.Format(time.DateOnly), Objectives: make([]jsonObjective, 0, len(s.Objectives))}
	for _, o := range s.Objectives {
		obj := o.Objective
		jo := jsonObjective{
			ID: obj.ID, File: obj.File(), Title: obj.Title, Owner: obj.Owner, Period: obj.PeriodText,
			Score: measuredScore(o), Expected: ptr(o.Expected), Status: o.Status,
			Grade: optString(string(o.Grade)), Measured: o.Measured,
			KeyResults: make([]jsonKR, 0, len(o.KeyResults)),
		}
		for _, kr := range o.KeyResults {
			jo.KeyResults = append(jo.KeyResults, jsonKR{
				ID: kr.ID, Title: kr.Title, KPI: optString(kr.KPI),
				Baseline: kr.Baseline, Target: kr.Target, Direction: string(kr.Direction),
				Deadline: optString(dateOrEmpty(kr.Deadline)),
				Current:  kr.Current, Progress: kr.Progress, Score: kr.Score, Expected: kr.Expected,
				Status: kr.Status, Forecast: kr.Forecast, ForecastScore: kr.ForecastScore,
				Source: optString(kr.Source),
				Per:    optString(string(kr.Per)), Grade: optString(string(kr.Grade)),
				ForecastMeetsTarget: kr.ForecastMeetsTarget, Stale: kr.Stale,
				DataEnds: optString(dateOrEmpty(kr.DataEnds)), CheckIn: checkInJSON(kr),
			})
		}
		doc.Objectives = append(doc.Objectives, jo)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	doc.write(&jsonWriter{w: bw})
	return bw.Flush()
}

// write writes the document as encoding/json's Encoder with a two-space
// indent would (TestStatusJSONMatchesEncoding holds it to that), one
// objective at a time: a repository of ten thousand objectives makes tens
// of megabytes that the encoder would build, then indent, in memory.
func (d *jsonStatusDoc) write(j *jsonWriter) {
	j.raw("{\n  \"as_of\": ")
	j.str(d.AsOf)
	j.raw(",\n  \"objectives\": ")
	if len(d.Objectives) == 0 {
		j.raw("[]\n}\n")
		return
	}
	j.raw("[")
	for i := range d.Objectives {
		o := &d.Objectives[i]
		if i > 0 {
			j.raw(",")
		}
		j.raw("\n    {")
		const in = "\n      "
		j.field(in, "id", true)
		j.str(o.ID)
		j.field(in, "file", false)
		j.str(o.File)
		j.field(in, "title", false)
		j.str(o.Title)
		j.field(in, "owner", false)
		j.str(o.Owner)
		j.field(in, "period", false)
		j.str(o.Period)
		j.field(in, "score", false)
		j.num(o.Score)
		j.field(in, "expected", false)
		j.num(o.Expected)
		j.field(in, "status", false)
		j.str(string(o.Status))
		j.field(in, "grade", false)
		j.optStr(o.Grade)
		j.field(in, "measured", false)
		j.raw(strconv.Itoa(o.Measured))
		j.field(in, "key_results", false)
		if len(o.KeyResults) == 0 {
			j.raw("[]")
		} else {
			j.raw("[")
			for k := range o.KeyResults {
				if k > 0 {
					j.raw(",")
				}
				o.KeyResults[k].write(j)
			}
			j.raw("\n      ]")
		}
		j.raw("\n    }")
	}
	j.raw("\n  ]\n}\n")
}

func (kr *jsonKR) write(j *jsonWriter) {
	const in = "\n          "
	j.raw("\n        {")
	j.field(in, "id", true)
	j.str(kr.ID)
	j.field(in, "title", false)
	j.str(kr.Title)
	j.field(in, "kpi", false)
	j.optStr(kr.KPI)
	j.field(in, "baseline", false)
	j.num(kr.Baseline)
	j.field(in, "target", false)
	j.num(kr.Target)
	j.field(in, "direction", false)
	j.str(kr.Direction)
	j.field(in, "deadline", false)
	j.optStr(kr.Deadline)
	j.field(in, "current", false)
	j.num(kr.Current)
	j.field(in, "progress", false)
	j.num(kr.Progress)
	j.field(in, "score", false)
	j.num(kr.Score)
	j.field(in, "expected", false)
	j.num(kr.Expected)
	j.field(in, "status", false)
	j.str(string(kr.Status))
	j.field(in, "forecast", false)
	j.num(kr.Forecast)
	j.field(in, "forecast_score", false)
	j.num(kr.ForecastScore)
	j.field(in, "source", false)
	j.optStr(kr.Source)
	j.field(in, "per", false)
	j.optStr(kr.Per)
	j.field(in, "grade", false)
	j.optStr(kr.Grade)
	j.field(in, "forecast_meets_target", false)
	j.optBool(kr.ForecastMeetsTarget)
	j.field(in, "stale", false)
	j.raw(strconv.FormatBool(kr.Stale))
	j.field(in, "data_ends", false)
	j.optStr(kr.DataEnds)
	j.field(in, "checkin", false)
	kr.CheckIn.write(j, in)
	j.raw("\n        }")
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

// measuredScore is an objective's score, or nil when none of its key
// results is measured: its score is then unknown, not 0.
func measuredScore(o progress.ObjectiveResult) *float64 {
	if o.Measured == 0 {
		return nil
	}
	return ptr(o.Score)
}
