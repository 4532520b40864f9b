package source

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
)

// MaxRows is how many rows a source may return: a source meant to feed a
// KPI returns one row a day or fewer, and a query that returns more has
// forgotten to aggregate.
const MaxRows = 1_000_000

// Row is one value of a KPI on a day.
type Row struct {
	Day   kpi.Day
	Value float64
	// N is the 1-based row number in the source's answer, for messages.
	N int
}

// Source fetches a KPI's rows.
type Source interface {
	// Fetch returns the rows, in the source's order; ctx bounds the time.
	Fetch(ctx context.Context) ([]Row, error)
	// Describe names the source in messages ("sql (postgres)", "http",
	// "command ./export.sh"), without secrets.
	Describe() string
}

// Env reads the environment; os.Getenv in production.
type Env func(string) string

// Options are what every source needs besides the KPI's own definition.
type Options struct {
	Env Env
	// Dir is the directory relative paths (a SQLite file, a command) start from.
	Dir string
	// Today is the day a row without a date stands for.
	Today kpi.Day
	// MaxRows overrides MaxRows when positive (tests).
	MaxRows int
}

// New returns the source of k, or an *Error when its definition cannot be
// used (a missing environment variable, an unknown type).
func New(k *okr.KPI, opt Options) (Source, error) {
	s := k.Source
	if s == nil {
		return nil, &Error{KPI: k.ID, Msg: "has no source"}
	}
	if opt.MaxRows <= 0 {
		opt.MaxRows = MaxRows
	}
	switch s.Type {
	case "sql":
		return newSQL(k.ID, s, opt)
	case "http":
		return newHTTP(k.ID, s, opt)
	case "command":
		return newCommand(k.ID, s, opt)
	}
	return nil, &Error{KPI: k.ID, Source: s.Type, Msg: fmt.Sprintf("unknown source type %q (want sql, http or command)", s.Type)}
}

// Error is a source that could not be used or whose answer was bad. Its
// message never holds a DSN or a header value.
type Error struct {
	KPI    string
	Source string // the source's Describe
	Msg    string
	// Rows are the bad rows of an answer, each naming its row.
	Rows []RowProblem
	// Timeout is set when the source ran out of time.
	Timeout bool
}

// RowProblem is one bad row of a source's answer.
type RowProblem struct {
	N   int // 1-based row number in the answer
	Msg string
}

// Error formats the error as "KPI leads, sql (postgres) source: message",
// with one "row N: …" line per bad row.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "KPI %s", e.KPI)
	if e.Source != "" {
		fmt.Fprintf(&b, ", %s source", e.Source)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	for _, r := range e.Rows {
		fmt.Fprintf(&b, "\n  row %d: %s", r.N, r.Msg)
	}
	return b.String()
}

// secrets removes values that must never be printed from error text.
type secrets []string

// add records a secret; for a DSN also its password, which a driver may
// quote on its own.
func (s *secrets) add(v string) {
	if len(v) >= 3 {
		*s = append(*s, v)
	}
	for _, f := range strings.Fields(v) { // key=value DSNs
		if k, val, ok := strings.Cut(f, "="); ok && strings.EqualFold(k, "password") {
			s.add(strings.Trim(val, `'"`))
		}
	}
	if _, rest, ok := strings.Cut(v, "://"); ok { // URL DSNs
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			userinfo := rest[:at]
			if _, pw, ok := strings.Cut(userinfo, ":"); ok && len(pw) >= 3 {
				*s = append(*s, pw)
			}
			*s = append(*s, userinfo)
		}
	}
}

func (s secrets) redact(msg string) string {
	for _, v := range s {
		if v != "" {
			msg = strings.ReplaceAll(msg, v, "***")
		}
	}
	return msg
}

// fail builds an *Error from err, redacted, marking a timeout.
func fail(kpiID, desc string, sec secrets, ctx context.Context, err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	out := &Error{KPI: kpiID, Source: desc, Msg: sec.redact(err.Error())}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		out.Timeout = true
		out.Msg = "timed out: " + out.Msg
	}
	return out
}

// env reads a required environment variable.
func env(kpiID, desc string, opt Options, field, name string) (string, error) {
	if name == "" {
		return "", &Error{KPI: kpiID, Source: desc, Msg: fmt.Sprintf("source.%s is not set: name the environment variable that holds it", field)}
	}
	v := opt.Env(name)
	if v == "" {
		return "", &Error{KPI: kpiID, Source: desc, Msg: fmt.Sprintf("environment variable %s (source.%s) is not set", name, field)}
	}
	return v, nil
}
