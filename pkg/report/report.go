package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// Report is the quarterly report of `okrctl report`: the status of one
// period's objectives, written as the Markdown of `okrctl status --format
// markdown` with more sections (the period's elapsed share, a roll-up per
// owner, the alignment tree, descriptions, trend charts, what needs
// attention and the validation findings of the period).
type Report struct {
	*Status
	// Period is the reported period; Status holds its objectives only.
	Period okr.Period
}

// NewReport computes the report of period p at asOf from a checked
// repository: the objectives the filter selects inside p (its Period is
// set to p), and the findings that concern them or no objective at all.
func NewReport(res *lint.Result, asOf time.Time, p okr.Period, f Filter) *Report {
	f.Period = p.Text
	r := &Report{Status: NewStatus(res, asOf, f), Period: p}
	r.Findings = periodFindings(res, r.Objectives)
	return r
}

// periodFindings keeps the findings that are not in the file of an
// objective left out of the report: a Q4 report does not list the stale
// data of Q1's key results, but does list the problems of KPI and snapshot
// files.
func periodFindings(res *lint.Result, shown []progress.ObjectiveResult) []lint.Finding {
	in := map[string]bool{}
	for _, o := range shown {
		in[o.Objective.File()] = true
	}
	out := map[string]bool{}
	for _, o := range res.Repo.Objectives {
		if f := o.File(); !in[f] {
			out[f] = true
		}
	}
	var keep []lint.Finding
	for _, f := range res.Findings {
		if !out[f.File] {
			keep = append(keep, f)
		}
	}
	return keep
}

// staleDataRule is the id of the lint rule whose findings the report lists
// as stale KPIs.
const staleDataRule = "stale-data"

// WriteMarkdown writes the report as Markdown (CommonMark with GitHub's
// tables and footnotes, and Mermaid charts). It writes the document as it
// builds it, in parts of about 64 KiB, so that a large report is never
// held whole: a caller that must not leave half a report behind writes to
// a temporary file (atomicfile.WriteFunc). The error is the first one
// writing to w.
func (r *Report) WriteMarkdown(w io.Writer) error {
	m := newMarkdown(r.Status)
	m.out = w
	l := r.Lang
	title := l.T("report.title", mdText(r.Period.Text))
	if r.Rev != "" {
		title += " " + l.T("report.rev", mdCode(r.Rev))
	}
	m.heading(1, title)
	m.para(r.elapsed() + " " + r.validation())
	if len(r.Objectives) == 0 {
		m.para(r.emptyText(true))
		r.findings(m)
		return m.finish()
	}
	m.heading(2, l.T("report.summary"))
	m.summary()
	r.owners(m)
	r.alignment(m)
	m.heading(2, l.T("report.objectives"))
	for _, o := range r.Objectives {
		m.objective(o, true)
		m.flush()
	}
	r.attention(m)
	r.findings(m)
	m.sources()
	return m.finish()
}

// elapsed says where the as-of date falls in the period.
func (r *Report) elapsed() string {
	l := r.Lang
	p := r.Period
	asOf := r.date(r.AsOf)
	if p.Start.IsZero() {
		return l.T("report.as_of", asOf)
	}
	span := l.T("report.span", mdText(p.Text), r.date(p.Start), r.date(p.End))
	share := progress.ElapsedShare(p.Start, p.End, r.AsOf)
	day := okr.DaysBetween(p.Start, time.Date(r.AsOf.Year(), r.AsOf.Month(), r.AsOf.Day(), 0, 0, 0, 0, time.UTC)) + 1
	switch {
	case day < 1:
		return l.T("report.before", asOf, span, percent(&share))
	case day > p.Days():
		return l.T("report.after", asOf, span, percent(&share))
	}
	return l.T("report.during", asOf, l.Int(day), l.Int(p.Days()), span, mdBar(&share))
}

// validation sums up the findings in a sentence.
func (r *Report) validation() string {
	errs, warns := diag.Count(r.Findings)
	if errs == 0 && warns == 0 {
		return r.Lang.T("report.valid")
	}
	return r.Lang.T("report.invalid", r.Lang.Count(errs, "word.error"), r.Lang.Count(warns, "word.warning"))
}

// owners writes the roll-up per owner: how many objectives, their mean
// score and their statuses. With one owner there is nothing to roll up.
func (r *Report) owners(m *markdown) {
	var names []string
	byOwner := map[string][]progress.ObjectiveResult{}
	for _, o := range r.Objectives {
		name := orDash(o.Objective.Owner)
		if _, ok := byOwner[name]; !ok {
			names = append(names, name)
		}
		byOwner[name] = append(byOwner[name], o)
	}
	if len(names) < 2 {
		return
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	l := r.Lang
	m.heading(2, l.T("report.owners"))
	m.para(l.T("report.owners_txt"))
	var rows [][]string
	for _, name := range names {
		objs := byOwner[name]
		var sum float64
		for _, o := range objs {
			sum += o.Score
		}
		mean := sum / float64(len(objs))
		rows = append(rows, []string{mdText(name), l.Int(len(objs)), r.score(mean), mdBar(&mean), strings.Join(r.tallyParts(objs, true), ", ")})
	}
	m.table(m.cols("owner", "objectives", "score", "progress", "statuses"), "lrrll", rows)
}

// alignment writes the objectives as a tree: each with the objectives of
// the report whose parent it is, and the rolled-up score of those that
// have any (the mean score of the objective and every objective below
// it). An objective whose parent is of another period says which.
func (r *Report) alignment(m *markdown) {
	l := r.Lang
	byID := map[string]int{}
	for i, o := range r.Objectives {
		if _, dup := byID[o.Objective.ID]; !dup {
			byID[o.Objective.ID] = i
		}
	}
	children := map[int][]int{}
	var roots []int
	linked := false
	for i, o := range r.Objectives {
		p, ok := byID[o.Objective.Parent]
		if o.Objective.Parent == "" || !ok || p == i {
			roots = append(roots, i)
			if r.objectivePeriod(o.Objective.Parent) != "" {
				linked = true
			}
			continue
		}
		children[p] = append(children[p], i)
		linked = true
	}
	m.heading(2, l.T("report.alignment"))
	if !linked {
		m.para(l.T("report.no_alignment", mdText(r.Period.Text)))
		return
	}
	m.para(l.T("report.alignment_txt"))

	// subtree collects the objectives under i, each once: parent cycles
	// (which lint reports) cannot loop.
	var subtree func(i int, seen map[int]bool) []int
	subtree = func(i int, seen map[int]bool) []int {
		if seen[i] {
			return nil
		}
		seen[i] = true
		out := []int{i}
		for _, c := range children[i] {
			out = append(out, subtree(c, seen)...)
		}
		return out
	}
	drawn := map[int]bool{}
	var draw func(i, depth int)
	draw = func(i, depth int) {
		if drawn[i] {
			return
		}
		drawn[i] = true
		o := r.Objectives[i]
		line := strings.Repeat("  ", depth) + "- " + objectiveName(o) + " — " + mdText(orDash(o.Objective.Owner)) +
			" · " + l.T("report.score", r.score(o.Score))
		if len(children[i]) > 0 {
			var sum float64
			ids := subtree(i, map[int]bool{})
			for _, j := range ids {
				sum += r.Objectives[j].Score
			}
			line += " · " + l.T("report.rolled_up", r.score(sum/float64(len(ids))), l.Count(len(ids), "word.objective"))
		}
		if o.Grade != "" {
			line += " · " + gradeMarks[o.Grade] + " " + r.gradeName(o.Grade)
		} else {
			line += " · " + m.statusMark(o.Status)
		}
		if p := o.Objective.Parent; depth == 0 && p != "" {
			if _, in := byID[p]; !in {
				line += " · " + m.supports(p)
			}
		}
		m.line(line)
		m.flush()
		for _, c := range children[i] {
			draw(c, depth+1)
		}
	}
	m.block()
	for _, i := range roots {
		draw(i, 0)
	}
	// Objectives in a parent cycle have no root: draw each cycle from its
	// first member.
	for i := range r.Objectives {
		draw(i, 0)
	}
}

// attentionOrder ranks the key-result statuses the attention list shows,
// worst first.
var attentionOrder = []progress.Status{progress.Missed, progress.OffTrack, progress.AtRisk, progress.NoData}

// attention writes what needs attention: key results missed, off track, at
// risk or without data; committed objectives that missed 1.0 or whose
// forecasts fall short; and stale KPIs.
func (r *Report) attention(m *markdown) {
	l := r.Lang
	m.heading(2, l.T("report.attention"))
	found := false

	var krs []string
	for _, st := range attentionOrder {
		for _, o := range r.Objectives {
			for _, kr := range o.KeyResults {
				if kr.Status != st || kr.Grade == progress.Green {
					continue // a green grade is success, whatever the status
				}
				krs = append(krs, "- "+r.krMark(kr)+": "+l.T("report.of", krName(kr), mdCode(o.Objective.ID))+" — "+r.krAttention(kr))
			}
		}
	}
	// Key results on track by pace whose forecast falls short.
	for _, o := range r.Objectives {
		for _, kr := range o.KeyResults {
			if kr.ForecastShort && kr.Status == progress.OnTrack {
				krs = append(krs, "- "+m.statusMark(kr.Status)+": "+l.T("report.of", krName(kr), mdCode(o.Objective.ID))+" — "+r.forecastAttention(kr, mdText(r.unit(kr))))
			}
		}
	}
	if len(krs) > 0 {
		found = true
		m.heading(3, l.T("report.att_krs"))
		m.list(krs)
	}

	var committed []string
	for _, o := range r.Objectives {
		if line, ok := r.committedAttention(o); ok {
			committed = append(committed, "- "+objectiveName(o)+" — "+line)
		}
	}
	if len(committed) > 0 {
		found = true
		m.heading(3, l.T("report.committed_h"))
		m.para(l.T("report.committed_txt"))
		m.list(committed)
	}

	var stale []string
	for _, f := range r.Findings {
		if f.Rule == staleDataRule {
			stale = append(stale, "- "+mdCode(fmt.Sprintf("%s:%d", f.File, f.Line))+": "+mdText(f.Message))
		}
	}
	if len(stale) > 0 {
		found = true
		m.heading(3, l.T("report.stale_h"))
		m.list(stale)
	}

	if !found {
		m.para(l.T("report.nothing"))
	}
}

// krAttention explains a key result's status in numbers.
func (r *Report) krAttention(kr progress.KRResult) string {
	l := r.Lang
	unit := mdText(r.unit(kr))
	target := directionMark(kr.Direction) + withUnit(r.number(kr.Target), unit)
	switch kr.Status {
	case progress.NoData:
		switch {
		case kr.Problem != "":
			return mdText(kr.Problem) + "."
		case kr.Per != "" && len(kr.Points) == 0 && kr.KPI != "":
			return l.T("report.no_complete", r.perName(kr.Per), mdCode(kr.KPI), r.date(r.AsOf))
		}
		if kr.KPI != "" {
			return l.T("report.no_snapshot", mdCode(kr.KPI), r.date(r.AsOf))
		}
		if k := kr.KR; k != nil && k.Current != nil && k.CurrentDate.After(r.AsOf) {
			return l.T("report.dated_after", r.date(k.CurrentDate), r.date(r.AsOf))
		}
		return l.T("report.no_current")
	case progress.Missed:
		score := "–"
		if kr.Score != nil {
			score = r.score(*kr.Score)
		}
		s := l.T("report.ended", withUnit(r.number(kr.Current), unit), target, r.date(kr.Deadline), score)
		if kr.Stale {
			s = strings.TrimSuffix(s, ".") + "; " + r.staleText(kr) + "."
		}
		return s
	}
	s := l.T("report.kr_state", percent(kr.Score), percent(kr.Expected), withUnit(r.number(kr.Current), unit), target, r.date(kr.Deadline))
	if kr.Forecast != nil {
		s += l.T("report.forecast", withUnit(r.number(kr.Forecast), unit))
	}
	return s + "."
}

// committedAttention says why a committed objective is called out: it
// missed 1.0, or one of its key results is forecast to end below target.
func (r *Report) committedAttention(o progress.ObjectiveResult) (string, bool) {
	l := r.Lang
	if !o.Objective.IsCommitted() || o.Status == progress.Achieved {
		return "", false
	}
	if o.CommittedMiss() {
		return l.T("report.missed_obj", r.score(o.Score)), true
	}
	var short []string
	for _, kr := range o.KeyResults {
		if kr.Status == progress.Achieved || kr.ForecastScore == nil || *kr.ForecastScore >= 1 {
			continue
		}
		unit := mdText(r.unit(kr))
		short = append(short, l.T("report.short", mdCode(kr.ID),
			withUnit(r.number(kr.Forecast), unit), directionMark(kr.Direction)+withUnit(r.number(kr.Target), unit)))
	}
	if len(short) == 0 {
		return "", false
	}
	return l.T("report.will_miss", r.score(o.Score), strings.Join(short, "; ")), true
}

// findings lists the validation findings, if any. Their messages stay in
// English, as validate writes them.
func (r *Report) findings(m *markdown) {
	if len(r.Findings) == 0 {
		return
	}
	m.heading(2, r.Lang.T("report.findings"))
	m.tableHead(m.cols("severity", "location", "rule", "message"), "llll")
	for _, f := range r.Findings {
		m.row([]string{
			r.Lang.T("severity." + f.Severity.String()), mdCode(fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)), mdCode(f.Rule), mdText(f.Message),
		})
	}
}
