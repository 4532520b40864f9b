package report

import (
	"slices"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// Filter selects objectives for status and report; its empty fields
// select all.
type Filter struct {
	// Period selects the objectives whose period lies inside it: 2026
	// holds 2026-H2, which holds 2026-Q4, which holds 2026-11.
	Period string
	// Owners selects the objectives of any of these owners, ignoring case.
	Owners []string
	// Statuses selects the objectives that have one of these statuses or
	// a key result with one.
	Statuses []progress.Status
}

// empty reports whether the filter selects everything.
func (f Filter) empty() bool {
	return f.Period == "" && len(f.Owners) == 0 && len(f.Statuses) == 0
}

// selects reports whether the filter's period and owners select o (the
// statuses need o's progress: see keeps).
func (f Filter) selects(o *okr.Objective) bool {
	if f.Period != "" && !periodWithin(o, f.Period) {
		return false
	}
	if len(f.Owners) > 0 && !slices.ContainsFunc(f.Owners, func(w string) bool { return strings.EqualFold(w, o.Owner) }) {
		return false
	}
	return true
}

// keeps reports whether the filter's statuses select an objective's
// progress.
func (f Filter) keeps(r progress.ObjectiveResult) bool {
	if len(f.Statuses) == 0 || slices.Contains(f.Statuses, r.Status) {
		return true
	}
	for _, kr := range r.KeyResults {
		if slices.Contains(f.Statuses, kr.Status) {
			return true
		}
	}
	return false
}

// periodWithin reports whether o's period lies inside the period p; an
// objective whose period does not parse is inside only a period written
// the same way.
func periodWithin(o *okr.Objective, p string) bool {
	if o.PeriodText == p {
		return true
	}
	outer, err := okr.ParsePeriod(p)
	if err != nil || !o.HasPeriod() {
		return false
	}
	return !o.Period.Start.Before(outer.Start) && !o.Period.End.After(outer.End)
}

// NewStatus computes the progress of every objective of a checked
// repository that the filter selects, in file order.
func NewStatus(res *lint.Result, asOf time.Time, f Filter) *Status {
	e := res.Engine(asOf)
	s := &Status{AsOf: asOf, Period: f.Period, KPIs: res.KPIs, Findings: res.Findings, Filter: f,
		periodOf: map[string]string{}}
	periods, owners := map[string]bool{}, map[string]bool{}
	for _, o := range res.Repo.Objectives {
		if o.PeriodText != "" && !periods[o.PeriodText] {
			periods[o.PeriodText] = true
			s.Periods = append(s.Periods, o.PeriodText)
		}
		if _, dup := s.periodOf[o.ID]; !dup {
			s.periodOf[o.ID] = o.PeriodText
		}
		if o.Owner != "" && !owners[o.Owner] {
			owners[o.Owner] = true
			s.Owners = append(s.Owners, o.Owner)
		}
		if !f.selects(o) {
			continue
		}
		if r := e.Objective(o); f.keeps(r) {
			s.Objectives = append(s.Objectives, r)
		}
	}
	slices.Sort(s.Periods)
	slices.Sort(s.Owners)
	return s
}

// emptyText says that nothing was selected, and what there is to select:
// "No objectives in 2026-Q2 as of 2026-11-20. The repository has
// objectives in 2026-Q3, 2026-Q4, of the owners marketing, sales." In
// Markdown (md) the periods and owners are code spans.
func (s *Status) emptyText(md bool) string {
	l := s.Lang
	show := func(v string) string {
		if md {
			return mdCode(v)
		}
		return sanitizeLine(v)
	}
	what := l.T("empty.none")
	if p := s.Filter.Period; p != "" {
		what += l.T("empty.in_period", show(p))
	}
	if len(s.Filter.Owners) > 0 {
		what += l.T("empty.of_owners", list(s.Filter.Owners, show))
	}
	if len(s.Filter.Statuses) > 0 {
		sts := make([]string, len(s.Filter.Statuses))
		for i, st := range s.Filter.Statuses {
			sts[i] = s.statusName(st)
		}
		what += l.T("empty.with_status", strings.Join(sts, ", "))
	}
	text := l.T("empty.as_of", what, s.date(s.AsOf))
	if len(s.Periods) > 0 && !s.Filter.empty() {
		text += " " + l.T("empty.exists", list(s.Periods, show), list(s.Owners, show))
	}
	return text
}

func list(vs []string, show func(string) string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = show(v)
	}
	return strings.Join(out, ", ")
}

// objectivePeriod is the period of the repository's objective id, "" when
// there is no such objective.
func (s *Status) objectivePeriod(id string) string {
	if id == "" {
		return ""
	}
	return s.periodOf[id]
}
