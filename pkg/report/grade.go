package report

import (
	"strconv"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/progress"
)

// This file holds what the outputs say about grades, coverage, staleness,
// forecasts and check-ins (docs/formulas.md). Its English strings are kept
// together so that they can be translated.

// floorTo rounds v toward zero to decimals places — down, for the
// scores and shares it is used for: the one rounding rule of every score,
// progress and expected share shown (docs/formulas.md, "Rounding"), so
// that nothing shows 100 % or 1.00 before it is achieved and no score shows
// a band it is not graded in (0.699 is 0.69, yellow, not 0.70). It cuts the
// shortest decimal form of v, so that 0.29, which is 0.28999… in binary,
// stays 0.29.
func floorTo(v float64, decimals int) float64 {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > decimals {
		s = s[:i+1+decimals]
	}
	r, err := strconv.ParseFloat(strings.TrimSuffix(s, "."), 64)
	if err != nil {
		return v
	}
	return r
}

// scoreText writes a score with two decimals, rounded down: "0.72".
func scoreText(v float64) string { return strconv.FormatFloat(floorTo(v, 2), 'f', 2, 64) }

// gradeMarks put a coloured sign before each grade.
var gradeMarks = map[progress.Grade]string{progress.Green: "🟢", progress.Yellow: "🟡", progress.Red: "🔴"}

// score writes a score in the output's language, rounded down (floorTo).
func (s *Status) score(v float64) string { return s.Lang.Fixed(floorTo(v, 2), 2) }

// gradeName is a grade in the output's language.
func (s *Status) gradeName(g progress.Grade) string { return s.Lang.T("grade." + string(g)) }

// gradeMeaning says what a grade means for a commitment.
func (s *Status) gradeMeaning(g progress.Grade, committed bool) string {
	kind := "aspirational"
	if committed {
		kind = "committed"
	}
	return s.Lang.T("grade.means_" + string(g) + "_" + kind)
}

// objectiveStatusCell is an objective's status in Markdown: once graded,
// its grade leads ("🟢 0.72 — success for an aspirational objective");
// before, its status.
func (s *Status) objectiveStatusCell(o progress.ObjectiveResult) string {
	if o.Grade == "" {
		return s.statusMark(o.Status)
	}
	return gradeMarks[o.Grade] + " " + s.score(o.Score) + " — " + s.gradeMeaning(o.Grade, o.Objective.IsCommitted())
}

// krStatusCell is a key result's status in Markdown: achieved, else its
// grade once graded, else its status; and whether its data is stale.
func (s *Status) krStatusCell(kr progress.KRResult) string {
	c := s.krMark(kr)
	if kr.Stale {
		c += " · ⚠ " + s.staleText(kr)
	}
	return c
}

// statusWord is a status in the terminal table: the grade once graded
// (except achieved), and "stale" when the data is.
func (s *Status) statusWord(kr progress.KRResult) string {
	w := s.statusName(kr.Status)
	if kr.Grade != "" && kr.Status != progress.Achieved {
		w = s.gradeName(kr.Grade)
	}
	if kr.Stale {
		w += " " + s.Lang.T("grade.stale_mark")
	}
	return w
}

// objectiveStatusWord is an objective's status in the terminal table: its
// grade once graded (its progress bar shows the score).
func (s *Status) objectiveStatusWord(o progress.ObjectiveResult) string {
	if o.Grade == "" {
		return s.statusName(o.Status)
	}
	return s.gradeName(o.Grade)
}

// staleText says how old a key result's data is: "data ends 2026-11-29;
// deadline 2026-12-31" once the deadline has passed, else "data ends
// 2026-11-10".
func (s *Status) staleText(kr progress.KRResult) string {
	t := s.Lang.T("grade.data_ends", s.date(kr.DataEnds))
	if kr.Grade != "" || kr.Status == progress.Missed {
		t += s.Lang.T("grade.deadline", s.date(kr.Deadline))
	}
	return t
}

// coverageText states how many key results have data, "" when all do:
// "2 of 4 key results measured".
func (s *Status) coverageText(o progress.ObjectiveResult) string {
	if o.Measured == len(o.KeyResults) {
		return ""
	}
	return s.Lang.T("grade.coverage", s.Lang.Int(o.Measured), s.Lang.Count(len(o.KeyResults), "word.key_result"))
}

// krMark is the mark of a key result in the attention list: its grade
// once graded, else its status.
func (s *Status) krMark(kr progress.KRResult) string {
	if kr.Grade != "" && kr.Status != progress.Achieved {
		return gradeMarks[kr.Grade] + " " + s.gradeName(kr.Grade)
	}
	return s.statusMark(kr.Status)
}

// forecastAttention explains a key result that is not behind by pace but
// whose forecast misses its target by more than the at-risk gap.
func (s *Status) forecastAttention(kr progress.KRResult, unit string) string {
	return s.Lang.T("grade.forecast_short", s.statusName(kr.Status), withUnit(s.number(kr.Forecast), unit),
		directionMark(kr.Direction)+withUnit(s.number(kr.Target), unit), s.date(kr.Deadline))
}

// perName is the interval of a rate key result in the output's language.
func (s *Status) perName(p progress.Per) string { return s.Lang.T("per." + string(p)) }

// jsonCheckIn is the latest check-in of a key result in the status JSON.
type jsonCheckIn struct {
	Date       string   `json:"date"`
	Confidence *float64 `json:"confidence"`
	Note       string   `json:"note"`
	Author     string   `json:"author"`
}

func (c *jsonCheckIn) write(j *jsonWriter, in string) {
	if c == nil {
		j.raw("null")
		return
	}
	inner := in + "  "
	j.raw("{")
	j.field(inner, "date", true)
	j.str(c.Date)
	j.field(inner, "confidence", false)
	j.num(c.Confidence)
	j.field(inner, "note", false)
	j.str(c.Note)
	j.field(inner, "author", false)
	j.str(c.Author)
	j.raw(in + "}")
}

func checkInJSON(kr progress.KRResult) *jsonCheckIn {
	c := kr.CheckIn
	if c == nil {
		return nil
	}
	return &jsonCheckIn{Date: c.Date.Format(time.DateOnly), Confidence: c.Confidence, Note: c.Note, Author: c.Author}
}

// optBool is a *bool for the JSON writer: nil is null.
func (j *jsonWriter) optBool(b *bool) {
	switch {
	case b == nil:
		j.raw("null")
	case *b:
		j.raw("true")
	default:
		j.raw("false")
	}
}
