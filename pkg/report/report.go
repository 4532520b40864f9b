package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// Report is the quarterly report of `okrctl report`: the status of one
// period's objectives, written as the Markdown of `okrctl status --format
// markdown` with more sections (the period's elapsed share, the alignment
// tree, descriptions, trend charts, what needs attention and the validation
// findings).
type Report struct {
	*Status
	// Period is the reported period; Status holds its objectives only.
	Period okr.Period
	// Periods are the periods of every objective in the repository, sorted,
	// so that an empty report can say which periods have objectives.
	Periods []string
}

// NewReport computes the report of period p at asOf from a checked
// repository: its objectives of that period and all its findings.
func NewReport(res *lint.Result, set progress.Settings, asOf time.Time, p okr.Period) *Report {
	r := &Report{Status: NewStatus(res, set, asOf, Filter{Period: p.Text}), Period: p}
	for _, o := range res.Repo.Objectives {
		if o.PeriodText != "" && !slices.Contains(r.Periods, o.PeriodText) {
			r.Periods = append(r.Periods, o.PeriodText)
		}
	}
	slices.Sort(r.Periods)
	return r
}

// staleDataRule is the id of the lint rule whose findings the report lists
// as stale KPIs.
const staleDataRule = "stale-data"

// WriteMarkdown writes the report as Markdown (CommonMark with GitHub's
// tables and footnotes, and Mermaid charts). It builds the whole document
// before writing, so w receives it in one piece or not at all.
func (r *Report) WriteMarkdown(w io.Writer) error {
	m := newMarkdown(r.Status)
	period := mdText(r.Period.Text)
	m.heading(1, "OKR report "+period)
	m.para(r.elapsed() + " " + r.validation())
	if len(r.Objectives) == 0 {
		text := "No objectives in " + period + "."
		if len(r.Periods) > 0 {
			ps := make([]string, len(r.Periods))
			for i, p := range r.Periods {
				ps[i] = mdCode(p)
			}
			text += " The repository has objectives in " + strings.Join(ps, ", ") + "."
		}
		m.para(text)
		r.findings(m)
		return m.writeTo(w)
	}
	m.heading(2, "Summary")
	m.summary()
	r.alignment(m)
	m.heading(2, "Objectives")
	for _, o := range r.Objectives {
		m.objective(o, true)
	}
	r.attention(m)
	r.findings(m)
	m.sources()
	return m.writeTo(w)
}

// elapsed says where the as-of date falls in the period.
func (r *Report) elapsed() string {
	p := r.Period
	asOf := r.AsOf
	span := fmt.Sprintf("%s (%s to %s)", mdText(p.Text), date(p.Start), date(p.End))
	if p.Start.IsZero() {
		return "As of **" + date(asOf) + "**."
	}
	share := progress.ElapsedShare(p.Start, p.End, asOf)
	day := okr.DaysBetween(p.Start, time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)) + 1
	switch {
	case day < 1:
		return fmt.Sprintf("As of **%s**, before %s: it has not started (%s elapsed).", date(asOf), span, percent(&share))
	case day > p.Days():
		return fmt.Sprintf("As of **%s**, after %s: the period is over (%s elapsed).", date(asOf), span, percent(&share))
	}
	return fmt.Sprintf("As of **%s**, day %d of %d of %s: %s elapsed.", date(asOf), day, p.Days(), span, mdBar(&share))
}

// validation sums up the findings in a sentence.
func (r *Report) validation() string {
	errs, warns := lint.Count(r.Findings)
	if errs == 0 && warns == 0 {
		return "Validation found no problems."
	}
	return fmt.Sprintf("Validation found %s and %s (listed below).", plural(errs, "error"), plural(warns, "warning"))
}

// alignment writes the objectives as a tree: each with the objectives of
// the period whose parent it is, and the rolled-up score of those that have
// any (the mean score of the objective and every objective below it).
func (r *Report) alignment(m *markdown) {
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
			continue
		}
		children[p] = append(children[p], i)
		linked = true
	}
	m.heading(2, "Alignment")
	if !linked {
		m.para("No objective of " + mdText(r.Period.Text) + " supports another one of the period (`parent`).")
		return
	}
	m.para("Each objective with the objectives that support it (`parent`). An objective's rolled-up score is the mean score of the objective and every objective below it.")

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
			" · score " + scoreText(o.Score)
		if len(children[i]) > 0 {
			var sum float64
			ids := subtree(i, map[int]bool{})
			for _, j := range ids {
				sum += r.Objectives[j].Score
			}
			line += fmt.Sprintf(" · rolled up **%s** (%s)", scoreText(sum/float64(len(ids))), plural(len(ids), "objective"))
		}
		if o.Grade != "" {
			line += " · " + gradeMarks[o.Grade] + " " + string(o.Grade)
		} else {
			line += " · " + statusMark(o.Status)
		}
		if p := o.Objective.Parent; depth == 0 && p != "" {
			line += " · supports " + mdCode(p) + " (not in " + mdText(r.Period.Text) + ")"
		}
		m.b.WriteString(line + "\n")
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
	m.heading(2, "Needs attention")
	found := false

	var krs []string
	for _, st := range attentionOrder {
		for _, o := range r.Objectives {
			for _, kr := range o.KeyResults {
				if kr.Status != st || kr.Grade == progress.Green {
					continue // a green grade is success, whatever the status
				}
				krs = append(krs, "- "+krMark(kr)+": "+krName(kr)+" of "+mdCode(o.Objective.ID)+" — "+r.krAttention(kr))
			}
		}
	}
	// Key results on track by pace whose forecast falls short.
	for _, o := range r.Objectives {
		for _, kr := range o.KeyResults {
			if kr.ForecastShort && kr.Status == progress.OnTrack {
				krs = append(krs, "- "+statusMark(kr.Status)+": "+krName(kr)+" of "+mdCode(o.Objective.ID)+" — "+r.forecastAttention(kr, mdText(r.unit(kr))))
			}
		}
	}
	if len(krs) > 0 {
		found = true
		m.heading(3, "Key results")
		m.block()
		m.b.WriteString(strings.Join(krs, "\n") + "\n")
	}

	var committed []string
	for _, o := range r.Objectives {
		if line, ok := r.committedAttention(o); ok {
			committed = append(committed, "- "+objectiveName(o)+" — "+line)
		}
	}
	if len(committed) > 0 {
		found = true
		m.heading(3, "Committed objectives below 1.0")
		m.para("A committed objective is expected to score 1.0.")
		m.block()
		m.b.WriteString(strings.Join(committed, "\n") + "\n")
	}

	var stale []string
	for _, f := range r.Findings {
		if f.Rule == staleDataRule {
			stale = append(stale, "- "+mdCode(fmt.Sprintf("%s:%d", f.File, f.Line))+": "+mdText(f.Message))
		}
	}
	if len(stale) > 0 {
		found = true
		m.heading(3, "Stale KPIs")
		m.block()
		m.b.WriteString(strings.Join(stale, "\n") + "\n")
	}

	if !found {
		m.para("Nothing: every key result is achieved or on track, no committed objective falls short of 1.0 and no KPI is stale.")
	}
}

// krAttention explains a key result's status in numbers.
func (r *Report) krAttention(kr progress.KRResult) string {
	unit := mdText(r.unit(kr))
	target := directionMark(kr.Direction) + withUnit(formatNumber(kr.Target), unit)
	switch kr.Status {
	case progress.NoData:
		switch {
		case kr.Problem != "":
			return mdText(kr.Problem) + "."
		case kr.Per != "" && len(kr.Points) == 0 && kr.KPI != "":
			return "no complete " + string(kr.Per) + " of " + mdCode(kr.KPI) + " in its window up to " + date(r.AsOf) + "."
		}
		if kr.KPI != "" {
			return "no snapshot of " + mdCode(kr.KPI) + " in its window up to " + date(r.AsOf) + "."
		}
		if k := kr.KR; k != nil && k.Current != nil && k.CurrentDate.After(r.AsOf) {
			return "no current value: its value is dated " + date(k.CurrentDate) + ", after " + date(r.AsOf) + "."
		}
		return "no current value."
	case progress.Missed:
		s := fmt.Sprintf("ended at %s against %s on %s (score %s)", withUnit(formatNumber(kr.Current), unit), target, date(kr.Deadline), scoreText(*kr.Score))
		if kr.Stale {
			s += "; " + staleText(kr)
		}
		return s + "."
	}
	s := fmt.Sprintf("score %s, %s expected by now; current %s, target %s by %s",
		percent(kr.Score), percent(kr.Expected), withUnit(formatNumber(kr.Current), unit), target, date(kr.Deadline))
	if kr.Forecast != nil {
		s += "; forecast " + withUnit(formatNumber(kr.Forecast), unit)
	}
	return s + "."
}

// committedAttention says why a committed objective is called out: it
// missed 1.0, or one of its key results is forecast to end below target.
func (r *Report) committedAttention(o progress.ObjectiveResult) (string, bool) {
	if !o.Objective.IsCommitted() || o.Status == progress.Achieved {
		return "", false
	}
	if o.CommittedMiss() {
		return fmt.Sprintf("missed: the period ended with a score of %s.", scoreText(o.Score)), true
	}
	var short []string
	for _, kr := range o.KeyResults {
		if kr.Status == progress.Achieved || kr.ForecastScore == nil || *kr.ForecastScore >= 1 {
			continue
		}
		unit := mdText(r.unit(kr))
		short = append(short, fmt.Sprintf("%s forecast %s against %s", mdCode(kr.ID),
			withUnit(formatNumber(kr.Forecast), unit), directionMark(kr.Direction)+withUnit(formatNumber(kr.Target), unit)))
	}
	if len(short) == 0 {
		return "", false
	}
	return fmt.Sprintf("score %s; will miss 1.0 at the current pace: %s.", scoreText(o.Score), strings.Join(short, "; ")), true
}

// findings lists the validation findings, if any.
func (r *Report) findings(m *markdown) {
	if len(r.Findings) == 0 {
		return
	}
	m.heading(2, "Validation findings")
	var rows [][]string
	for _, f := range r.Findings {
		rows = append(rows, []string{
			f.Severity.String(), mdCode(fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)), mdCode(f.Rule), mdText(f.Message),
		})
	}
	m.table([]string{"Severity", "Location", "Rule", "Message"}, "llll", rows)
}
