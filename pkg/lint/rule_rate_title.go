package lint

import (
	"fmt"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/title"
)

type rateTitle struct{ base }

func newRateTitle() *rateTitle {
	return &rateTitle{newBase("rate-title", Warning, "a key result on a sum KPI, without per, whose title speaks of a rate (monthly, al mese, a la semana) or whose baseline looks like a previous period's total")}
}

// intervalDays are the lengths of the rates a title may speak of.
var intervalDays = map[string]int{"day": 1, "week": 7, "month": 30, "quarter": 91}

// Check warns about two ways a key result on a sum KPI (whose current
// value is the total over the whole window, from 0) is misread when it has
// no per: (docs/rules.md):
//   - its title speaks of a rate shorter than the window ("monthly
//     qualified leads from 400 to 480" over a quarter: 480 is reached in
//     five weeks);
//   - its baseline looks like the total of a previous period (1210 under
//     "Generare 1.500 MQL (Q3 1.210)"): progress counts from it, so the key
//     result shows 0% until the window's total passes it.
func (r *rateTitle) Check(p *Pass) {
	for _, o := range p.Repo.Objectives {
		var sts []title.Statement
		for i, kr := range o.KeyResults {
			k := p.KPIs[kr.KPI]
			if k == nil || k.Aggregation != string(kpi.AggSum) || kr.Per != "" || kr.Title == "" {
				continue
			}
			if sts == nil {
				sts = p.titles(o)
			}
			st := &sts[i]
			hasBaseline := kr.Baseline != nil && *kr.Baseline > 0 && kr.Target != nil && *kr.Target > *kr.Baseline
			if st.Rate == "" && !hasBaseline {
				continue
			}
			deadline, ok := kr.DeadlineIn(o.Period)
			if !ok || !o.HasPeriod() {
				continue
			}
			window := okr.DaysBetween(o.Period.Start, deadline) + 1
			if days, ok := intervalDays[st.Rate]; ok && days*5 < window*4 {
				per := st.Rate
				advice := fmt.Sprintf("add per: %s, so that the target is one %s's total", per, per)
				if per == "day" {
					advice = "okrctl has no per: day: state the target per week (per: week) or per month (per: month)"
				}
				p.Reportf(o.File(), kr.Pos.Value("title"), "%s: the title speaks of a rate (%q), but KPI %q sums its snapshots over the whole window (%d days); %s",
					krName(kr, i), st.RateText, k.ID, window, advice)
				continue
			}
			if !hasBaseline {
				continue
			}
			if why := previousTotal(p, st, k.ID, o, *kr.Baseline, *kr.Target, window); why != "" {
				p.Reportf(o.File(), kr.Pos.Value("baseline"), "%s: baseline: %s looks like %s, but KPI %q sums from 0 over the window: progress counts from %s, so the key result shows 0%% until the window's total passes it; drop the baseline, or add per: (week, month or quarter) to compare intervals",
					krName(kr, i), num(*kr.Baseline), why, k.ID, num(*kr.Baseline))
			}
		}
	}
}

// previousTotal says why a baseline looks like a previous period's total:
// the title gives it as a reference value ("(Q3 1.210)"), the KPI's
// snapshots over the window before add up to it, or it is at least half
// the target, which a total from 0 rarely starts at; "" when none holds.
func previousTotal(p *Pass, st *title.Statement, kpiID string, o *okr.Objective, baseline, target float64, window int) string {
	for i := range st.Numbers {
		if n := &st.Numbers[i]; n.Role == title.Context && agrees(n, baseline) {
			return fmt.Sprintf("the previous period's total the title gives (%s)", n.Text)
		}
	}
	if p.Snapshots != nil {
		start := kpi.DayOf(o.Period.Start)
		from := start - kpi.Day(window)
		prev := kpi.Window(p.Snapshots.Series(kpiID), from, start-1)
		// Only snapshots that cover the window before, end to end, give
		// its total.
		if len(prev) > 0 && prev[0].Day <= from+14 && prev[len(prev)-1].Day >= start-14 {
			var sum float64
			for _, pt := range prev {
				sum += pt.Value
			}
			if near(sum, baseline, 0.2) {
				return fmt.Sprintf("the KPI's total over the %d days before the period (%s)", window, num(round(sum, 2)))
			}
		}
	}
	if baseline >= target/2 {
		return "a previous period's total (it is more than half the target)"
	}
	return ""
}
