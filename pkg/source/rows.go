package source

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/kpi"
)

// maxRowProblems is how many bad rows an Error lists; more only add noise.
const maxRowProblems = 20

// collector turns a source's raw rows into Rows, gathering the problems of
// bad rows so that all of them are reported at once.
type collector struct {
	kpi, desc string
	opt       Options
	rows      []Row
	undated   []int // row numbers of rows without a date
	seen      map[kpi.Day]int
	problems  []RowProblem
	extra     int // problems beyond maxRowProblems
}

func newCollector(kpiID, desc string, opt Options) *collector {
	return &collector{kpi: kpiID, desc: desc, opt: opt, seen: map[kpi.Day]int{}}
}

func (c *collector) bad(n int, format string, args ...any) {
	if len(c.problems) >= maxRowProblems {
		c.extra++
		return
	}
	c.problems = append(c.problems, RowProblem{N: n, Msg: fmt.Sprintf(format, args...)})
}

// full reports whether the row limit is reached; the caller stops reading.
func (c *collector) full() bool { return len(c.rows)+len(c.undated) > c.opt.MaxRows }

// add takes row n: its date (nil for none) and value, as a driver or a
// parser gives them.
func (c *collector) add(n int, date, value any) {
	v, err := toValue(value)
	if err != nil {
		c.bad(n, "value %s", err)
		return
	}
	if isNull(date) {
		c.undated = append(c.undated, n)
		c.rows = append(c.rows, Row{Day: c.opt.Today, Value: v, N: n})
		return
	}
	d, err := toDay(date)
	if err != nil {
		c.bad(n, "date %s", err)
		return
	}
	if first, dup := c.seen[d]; dup {
		c.bad(n, "date %s appears again (first in row %d)", d, first)
		return
	}
	c.seen[d] = n
	c.rows = append(c.rows, Row{Day: d, Value: v, N: n})
}

// result returns the rows, or an *Error listing every bad row.
func (c *collector) result() ([]Row, error) {
	if len(c.rows)+len(c.undated) > c.opt.MaxRows || len(c.rows) > c.opt.MaxRows {
		return nil, &Error{KPI: c.kpi, Source: c.desc, Msg: fmt.Sprintf("returned more than %d rows: aggregate in the query (one row a day)", c.opt.MaxRows)}
	}
	if len(c.undated) > 0 && len(c.rows) > 1 {
		// One row without a date means today; among others it means nothing.
		for _, n := range c.undated {
			c.bad(n, "no date: only a source that returns a single row may leave the date out (it means today)")
		}
	}
	if len(c.problems) > 0 {
		msg := fmt.Sprintf("%d bad rows", len(c.problems)+c.extra)
		if len(c.problems)+c.extra == 1 {
			msg = "1 bad row"
		}
		if c.extra > 0 {
			msg += fmt.Sprintf(" (the first %d listed)", len(c.problems))
		}
		return nil, &Error{KPI: c.kpi, Source: c.desc, Msg: msg, Rows: c.problems}
	}
	return c.rows, nil
}

func isNull(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(x) == ""
	case []byte:
		return strings.TrimSpace(string(x)) == ""
	}
	return false
}

// toDay reads a date: a time from a driver (its calendar date as given), or
// text as YYYY-MM-DD or an RFC 3339 timestamp.
func toDay(v any) (kpi.Day, error) {
	switch x := v.(type) {
	case time.Time:
		return kpi.DayOf(x), nil
	case string:
		return parseDay(x)
	case []byte:
		return parseDay(string(x))
	}
	return 0, fmt.Errorf("%v is a %T, not a date", v, v)
}

func parseDay(s string) (kpi.Day, error) {
	s = strings.TrimSpace(s)
	if d, err := kpi.ParseDay(s); err == nil {
		return d, nil
	}
	// SQLite's datetime() writes "2026-01-31 12:00:00".
	if len(s) > 10 && s[10] == ' ' {
		if t, err := time.Parse(time.DateTime, s[:min(len(s), 19)]); err == nil {
			return kpi.DayOf(t), nil
		}
	}
	return 0, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", clip(s))
}

// toValue reads a number: an integer or float from a driver, or decimal
// text (PostgreSQL's numeric arrives as text).
func toValue(v any) (float64, error) {
	var f float64
	switch x := v.(type) {
	case nil:
		return 0, fmt.Errorf("is missing (NULL)")
	case int64:
		f = float64(x)
	case int32:
		f = float64(x)
	case int:
		f = float64(x)
	case float64:
		f = x
	case float32:
		f = float64(x)
	case bool:
		return 0, fmt.Errorf("%v is a boolean, not a number", x)
	case string, []byte:
		s := strings.TrimSpace(fmt.Sprintf("%s", x))
		if s == "" {
			return 0, fmt.Errorf("is missing")
		}
		p, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, fmt.Errorf("%q is not a number", clip(s))
		}
		f = p
	default:
		return 0, fmt.Errorf("%v is a %T, not a number", v, v)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%v is not a finite number", f)
	}
	return f, nil
}

// clip shortens text quoted in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
