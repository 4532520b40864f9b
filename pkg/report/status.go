package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/okrctl/okrctl/pkg/checkin"
	"github.com/okrctl/okrctl/pkg/lang"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// Status is the progress of a repository at an as-of date: what `okrctl
// status` prints and what the quarterly report is made of.
type Status struct {
	AsOf       time.Time
	Period     string // the --period filter, "" for all
	Objectives []progress.ObjectiveResult
	// KPIs are the KPI definitions by id (units, names, aggregation).
	KPIs map[string]*okr.KPI
	// Findings are the validation findings of the repository.
	Findings []lint.Finding
	Color    bool
	// Width is the terminal's width in display cells, which the table
	// output fits; 0 for no limit (the wide table as it is).
	Width int
	// Wide asks for the wide table whatever the width.
	Wide bool
	// Lang is the language of the table and the Markdown.
	Lang lang.Lang
	// Filter is the selection that made Objectives; Periods and Owners
	// are those of the whole repository, sorted, so that an empty
	// selection can say what exists.
	Filter  Filter
	Periods []string
	Owners  []string
	// Rev is the git revision the repository was read at, "" for the
	// working tree.
	Rev string

	periodOf map[string]string // the period of every objective by id
}

// StatusFormatter writes a Status in one format.
type StatusFormatter interface {
	Format(w io.Writer, s *Status) error
}

var statusFormats = map[string]func() StatusFormatter{
	"table":    func() StatusFormatter { return tableStatus{} },
	"json":     func() StatusFormatter { return jsonStatus{} },
	"markdown": func() StatusFormatter { return markdownStatus{} },
}

// StatusFormats lists the names NewStatusFormatter accepts.
func StatusFormats() []string { return []string{"table", "json", "markdown"} }

// NewStatusFormatter returns the formatter of a format name.
func NewStatusFormatter(name string) (StatusFormatter, error) {
	if f, ok := statusFormats[name]; ok {
		return f(), nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(StatusFormats(), ", "))
}

// hasCheckIns reports whether any key result shown has a check-in by the
// as-of date: only then do the table and the Markdown give check-ins a
// column.
func (s *Status) hasCheckIns() bool {
	for _, o := range s.Objectives {
		for _, kr := range o.KeyResults {
			if _, ok := s.latestCheckIn(kr); ok {
				return true
			}
		}
	}
	return false
}

// latestCheckIn is a key result's latest check-in on or before the as-of date.
func (s *Status) latestCheckIn(kr progress.KRResult) (okr.CheckIn, bool) {
	if kr.KR == nil {
		return okr.CheckIn{}, false
	}
	return checkin.Latest(kr.KR, s.AsOf)
}

// confidence formats a check-in's confidence as "7/10"; "–" for none.
func confidence(c okr.CheckIn) string {
	if c.Confidence == nil {
		return "–"
	}
	return strconv.FormatFloat(*c.Confidence, 'f', -1, 64) + "/10"
}

// unit returns the display unit of a key result's KPI when it is short
// enough to sit beside numbers (%, EUR, days); "" for none and for "count".
func (s *Status) unit(kr progress.KRResult) string {
	if k := s.KPIs[kr.KPI]; k != nil {
		return shortUnit(k.Unit)
	}
	return ""
}

// shortUnit is a unit as shown beside numbers: itself when short (%, EUR,
// days), "" for "count" and for long ones.
func shortUnit(unit string) string {
	if unit != "count" && utf8.RuneCountInString(unit) <= 4 {
		return unit
	}
	return ""
}

// formatNumber writes a number for people, in English: thousands grouped
// with commas, at most two decimals (none from 1,000 up), no trailing
// zeros; "–" for unknown.
func formatNumber(v *float64) string { return formatNumberIn(lang.EN, v) }

// formatNumberIn writes a number as formatNumber does, in language l
// (1.200,5 in Italian and Spanish).
func formatNumberIn(l lang.Lang, v *float64) string {
	if v == nil {
		return "–"
	}
	decimals := 2
	if math.Abs(*v) >= 999.995 {
		decimals = 0
	}
	return l.Number(*v, decimals)
}

// number writes a number in the status's language.
func (s *Status) number(v *float64) string { return formatNumberIn(s.Lang, v) }

// date writes a date in the status's language.
func (s *Status) date(t time.Time) string { return s.Lang.Date(t) }

// withUnit appends a unit to a formatted number: "13.7%", "42.5 EUR".
func withUnit(s, unit string) string {
	switch {
	case unit == "" || s == "–":
		return s
	case unit == "%":
		return s + "%"
	}
	return s + " " + unit
}

// percent writes a share as a whole percentage, rounded down (floorTo):
// 0.554 is "55%".
func percent(v *float64) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", floorTo(*v, 2)*100)
}

func ptr(v float64) *float64 { return &v }
