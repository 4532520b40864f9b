package lint

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/title"
)

type titleNumber struct{ base }

func newTitleNumber() *titleNumber {
	return &titleNumber{newBase("title-number", Error, "a number a key result's title states as its target or range disagrees with target or baseline")}
}

// Check compares what a title states with the key result's target and
// baseline (docs/rules.md): a range's end with target and its start with
// baseline, a stated target with target, a multiplier or a relative
// change with baseline → target.
func (r *titleNumber) Check(p *Pass) {
	for _, o := range p.Repo.Objectives {
		var sts []title.Statement
		for i, kr := range o.KeyResults {
			if kr.Title == "" || kr.Target == nil {
				continue
			}
			if sts == nil {
				sts = p.titles(o)
			}
			field, msg := titleDisagreement(&sts[i], kr)
			if msg == "" {
				continue
			}
			p.Reportf(o.File(), kr.Pos.Value(field), "%s: %s", krName(kr, i), msg)
		}
	}
}

// titleDisagreement returns the field ("target" or "baseline") that
// disagrees with what the title states and a message saying both numbers;
// "" when they agree or the title states nothing to compare.
func titleDisagreement(st *title.Statement, kr *okr.KeyResult) (field, msg string) {
	t := *kr.Target
	if end := st.RangeEnd(); end != nil {
		from := st.Find(title.From)
		if !agrees(end, t) {
			return "target", says(st, end, "target", t)
		}
		if kr.Baseline != nil && !agrees(from, *kr.Baseline) {
			return "baseline", says(st, from, "baseline", *kr.Baseline)
		}
		return "", ""
	}
	targets := st.Targets()
	if len(targets) > 0 {
		for i := range targets {
			if agrees(&targets[i], t) {
				return checkRelative(st, kr)
			}
		}
		return "target", says(st, &targets[0], "target", t)
	}
	return checkRelative(st, kr)
}

// checkRelative compares a multiplier or a relative change with baseline
// → target, when the key result writes its baseline.
func checkRelative(st *title.Statement, kr *okr.KeyResult) (string, string) {
	if kr.Baseline == nil || *kr.Baseline == 0 {
		return "", ""
	}
	b, t := *kr.Baseline, *kr.Target
	if st.Factor != 0 {
		if near(b*st.Factor, t, 0.05) {
			return "", ""
		}
		return "target", fmt.Sprintf("the title says %q (×%s) but baseline: %s → target: %s is ×%s; write target: %s",
			st.FactorText, num(st.Factor), num(b), num(t), num(round(t/b, 2)), num(b*st.Factor))
	}
	c := st.Find(title.Change)
	if c == nil {
		return "", ""
	}
	v := math.Abs(c.Value)
	switch {
	case c.Percent:
		// A relative change (by 20%: ×1.2) or, for a rate, percentage
		// points (by 3%: 12 → 15): either reading agrees.
		if near(b*(1+v/100), t, 0.025) || near(b*(1-v/100), t, 0.025) || near(math.Abs(t-b), v, 0.025) || near(math.Abs(t-b), v/100, 0.025) {
			return "", ""
		}
		return "target", fmt.Sprintf("the title says %s but baseline: %s → target: %s is %+.1f%%", c.Text, num(b), num(t), (t-b)/b*100)
	default:
		if near(math.Abs(t-b), v, 0.025) {
			return "", ""
		}
		return "target", fmt.Sprintf("the title says %s but baseline: %s → target: %s changes by %s", c.Text, num(b), num(t), num(math.Abs(t-b)))
	}
}

// agrees reports whether a number of the title is the value v, in the
// title's language or, where a writer may have used the other thousands
// convention, in that one; a percentage agrees with itself or its
// fraction (2.8% and 0.028).
func agrees(n *title.Number, v float64) bool {
	if n == nil {
		return true
	}
	ok := func(x float64) bool { return near(x, v, 1e-9) || (n.Percent && near(x/100, v, 1e-9)) }
	return ok(n.Value) || (n.AltOK && ok(n.Alt))
}

// says writes the disagreement: the title's number and the field's, and
// what the separator means when they differ by a factor of 1,000.
func says(st *title.Statement, n *title.Number, field string, v float64) string {
	written := strings.TrimSpace(n.Text)
	if n.Role == title.From {
		written = "from " + written
	}
	if !math.IsNaN(n.Alt) && near(n.Alt, v, 1e-9) && !n.AltOK {
		return fmt.Sprintf("the title says %s — %s in %s — but %s: %s: write %s: %s",
			written, inWords(n.Value), languageName(st.Lang), field, num(v), field, num(n.Value))
	}
	msg := fmt.Sprintf("the title says %s but %s: %s", written, field, num(v))
	if near(n.Value, v*1000, 1e-9) || near(n.Value*1000, v, 1e-9) {
		msg += fmt.Sprintf(" (a factor of 1,000: is a thousands separator missing or misread? %s is %s)", written, inWords(n.Value))
	}
	if n.Words {
		msg += fmt.Sprintf(" (%s is %s)", written, num(n.Value))
	}
	return msg
}

func languageName(lang string) string {
	switch lang {
	case "it":
		return "Italian"
	case "es":
		return "Spanish"
	}
	return "English"
}

// near reports whether a and b differ by at most tol relative to the
// larger.
func near(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(math.Max(math.Abs(a), math.Abs(b)), 1e-12)
}

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// inWords spells a whole number below a billion in English ("one thousand
// five hundred"); other numbers as digits.
func inWords(v float64) string {
	if v != math.Trunc(v) || v < 0 || v >= 1e9 {
		return num(v)
	}
	n := int(v)
	if n == 0 {
		return "zero"
	}
	small := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	below1000 := func(n int) string {
		var parts []string
		if n >= 100 {
			parts = append(parts, small[n/100], "hundred")
			n %= 100
		}
		switch {
		case n >= 20 && n%10 != 0:
			parts = append(parts, tens[n/10]+"-"+small[n%10])
		case n >= 20:
			parts = append(parts, tens[n/10])
		case n > 0:
			parts = append(parts, small[n])
		}
		return strings.Join(parts, " ")
	}
	var parts []string
	for _, s := range []struct {
		div  int
		name string
	}{{1e6, "million"}, {1e3, "thousand"}, {1, ""}} {
		if q := n / s.div; q > 0 {
			w := below1000(q)
			if s.name != "" {
				w += " " + s.name
			}
			parts = append(parts, w)
			n %= s.div
		}
	}
	return strings.Join(parts, " ")
}
