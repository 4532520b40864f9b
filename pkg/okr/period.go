package okr

import (
	"fmt"
	"strconv"
	"time"

	"github.com/okrctl/okrctl/internal/isodate"
)

// Period is a planning period: a quarter (2026-Q1), a half (2026-H2), a year
// (2026) or a month (2026-03). Start and End are the first and last day,
// both inclusive, at midnight UTC.
type Period struct {
	Text  string
	Start time.Time
	End   time.Time
}

// ParsePeriod parses YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM.
func ParsePeriod(s string) (Period, error) {
	bad := fmt.Errorf("period %q is not one of YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM", s)
	if len(s) < 4 {
		return Period{}, bad
	}
	year, err := strconv.Atoi(s[:4])
	if err != nil || s[0] < '0' || s[0] > '9' {
		return Period{}, bad
	}
	first, months := time.January, 0
	switch rest := s[4:]; {
	case rest == "":
		months = 12
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'Q' && rest[2] >= '1' && rest[2] <= '4':
		first, months = time.Month(3*int(rest[2]-'1')+1), 3
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'H' && (rest[2] == '1' || rest[2] == '2'):
		first, months = time.Month(6*int(rest[2]-'1')+1), 6
	case len(rest) == 3 && rest[0] == '-' && isDigit(rest[1]) && isDigit(rest[2]):
		m := int(rest[1]-'0')*10 + int(rest[2]-'0')
		if m < 1 || m > 12 {
			return Period{}, bad
		}
		first, months = time.Month(m), 1
	default:
		return Period{}, bad
	}
	start := time.Date(year, first, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, months, -1)
	return Period{Text: s, Start: start, End: end}, nil
}

// QuarterOf returns the calendar quarter (YYYY-Qn) that contains the day t.
func QuarterOf(t time.Time) Period {
	y, m, _ := t.Date()
	p, _ := ParsePeriod(fmt.Sprintf("%04d-Q%d", y, (int(m)+2)/3))
	return p
}

// Contains reports whether the day d lies within the period.
func (p Period) Contains(d time.Time) bool {
	return !d.Before(p.Start) && !d.After(p.End)
}

// Days is the number of days in the period.
func (p Period) Days() int { return DaysBetween(p.Start, p.End) + 1 }

// String returns the period as written (2026-Q1).
func (p Period) String() string { return p.Text }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// ParseDate parses a calendar date written YYYY-MM-DD and rejects dates that
// do not exist (2026-02-30), saying why.
func ParseDate(s string) (time.Time, error) {
	if t, ok := isodate.Parse(s); ok {
		return t, nil // the common case, without time.Parse
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err == nil {
		return t, nil
	}
	year, _ := strconv.Atoi(s[:4])
	month, _ := strconv.Atoi(s[5:7])
	if month < 1 || month > 12 {
		return time.Time{}, fmt.Errorf("%q is not a valid date: there is no month %d", s, month)
	}
	if d, _ := strconv.Atoi(s[8:]); d == 0 {
		return time.Time{}, fmt.Errorf("%q is not a valid date: there is no day 0", s)
	}
	days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return time.Time{}, fmt.Errorf("%q is not a valid date: %s %d has %d days", s, time.Month(month), year, days)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// DaysBetween returns the number of whole days from a to b (negative when b
// is before a). Both are calendar dates at midnight UTC.
func DaysBetween(a, b time.Time) int {
	// Unix seconds rather than b.Sub(a): a Duration saturates past 292 years.
	return int((b.Unix() - a.Unix()) / 86400)
}
