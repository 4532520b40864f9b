package report

import (
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/okr"
)

// checkInText words a check-in on one line, for the diff: its date and
// author, the value recorded, the confidence and the note. number and
// date format in the output's language.
func checkInText(c okr.CheckIn, unit string, number func(*float64) string, date func(time.Time) string) string {
	head := date(c.Date)
	if c.Author != "" {
		head += " (" + c.Author + ")"
	}
	var parts []string
	if c.Value != nil {
		parts = append(parts, withUnit(number(c.Value), unit))
	}
	if c.Confidence != nil {
		parts = append(parts, confidence(c))
	}
	if c.Note != "" {
		parts = append(parts, quoteNote(c.Note))
	}
	if len(parts) == 0 {
		return head
	}
	return head + ": " + strings.Join(parts, ", ")
}

// quoteNote puts a note between typographic quotation marks.
func quoteNote(s string) string { return "“" + s + "”" }
