package lint

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/title"
)

type vague struct{ base }

func newVague() *vague {
	return &vague{newBase("vague", Error, "a key result title that states no target: no number to reach, range, comparison or multiplier (English, Italian and Spanish are read)")}
}

// vaguePatterns are activity verbs and phrases that name an intention instead
// of a result, in the three languages OKRs are commonly written in here.
// Longer phrases come first so that the most specific one is quoted.
var vaguePatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(increase|improve|raise|boost|grow) (the )?(brand )?(visibility|awareness|presence)\b`),
	regexp.MustCompile(`(?i)\b(aumentare|migliorare|accrescere) (la |il )?(visibilità|notorietà|presenza)( del brand| del marchio)?`),
	regexp.MustCompile(`(?i)\b(aumentar|mejorar|incrementar) (la )?(visibilidad|notoriedad|presencia)( de (la )?marca)?`),
	regexp.MustCompile(`(?i)\b(improve|optimi[sz]e|enhance|boost|strengthen|maximi[sz]e|streamline|support|foster|drive|better|work on|focus on|explore|ensure|promote|consolidate|leverage)\b`),
	regexp.MustCompile(`(?i)\b(migliorare|ottimizzare|potenziare|rafforzare|incrementare|valorizzare|favorire|sviluppare|consolidare|promuovere|garantire|esplorare|lavorare su|puntare su)\b`),
	regexp.MustCompile(`(?i)\b(mejorar|optimizar|potenciar|fortalecer|impulsar|fomentar|maximizar|desarrollar|consolidar|promover|garantizar|explorar|reforzar|trabajar en|apostar por)\b`),
}

// Check reports a key result whose title states no target: no number to
// reach, no range, no comparison and no multiplier (docs/rules.md). Dates,
// periods, counts of scope and labels are no targets. The message quotes
// the vague verb when there is one and gives an example in the title's
// language, with the key result's deadline.
func (r *vague) Check(p *Pass) {
	for _, o := range p.Repo.Objectives {
		var sts []title.Statement
		for i, kr := range o.KeyResults {
			if kr.Title == "" {
				continue
			}
			if sts == nil {
				sts = p.titles(o)
			}
			st := &sts[i]
			if st.StatesTarget() {
				continue
			}
			pos := kr.Pos.Value("title")
			var deadline time.Time
			if d, ok := kr.DeadlineIn(o.Period); ok {
				deadline = d
			}
			example := vagueExample(st.Lang, deadline)
			if ws := vagueWords(kr.Title); len(ws) > 0 {
				verb := "names"
				if len(ws) > 1 {
					verb = "name"
				}
				p.Reportf(o.File(), pos, "%s is vague: %s %s an activity, not a result%s; state the number to reach and by when (e.g. %s)", krName(kr, i), quoteList(ws), verb, noTarget(st), example)
				continue
			}
			p.Reportf(o.File(), pos, "%s states no target: %q says what to do, not how much%s; say how much, from what to what (e.g. %s)", krName(kr, i), activity(kr.Title, st), noTarget(st), example)
		}
	}
}

// activity returns the part of a title that names the activity: the
// words before its first number or date, without a trailing preposition
// ("Launch the partner portal" of "Launch the partner portal by
// 2026-03-31"), at most 60 characters.
func activity(t string, st *title.Statement) string {
	if len(st.Numbers) > 0 {
		t = t[:st.Numbers[0].Start]
	}
	t = strings.TrimRight(t, " ,:;(-–")
	// Drop what introduces the date: "by", "by March", "entro il".
	for range 3 {
		i := strings.LastIndexByte(t, ' ')
		if i <= 0 || !trailing[strings.ToLower(t[i+1:])] {
			break
		}
		t = strings.TrimRight(t[:i], " ,:;(-–")
	}
	if r := []rune(t); len(r) > 60 {
		t = string(r[:59]) + "…"
	}
	if t == "" {
		return "the title"
	}
	return t
}

// trailing are the words that end the activity part of a title before its
// date: prepositions, articles and month names.
var trailing = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`by in before until for on at from of the across end
		entro nel nella nelle nei per il la le i del dal prima a fine
		antes en de para el los las hasta desde finales
		january february march april may june july august september october november december
		gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
		enero febrero abril mayo junio julio septiembre octubre noviembre diciembre`) {
		m[w] = true
	}
	return m
}()

// vagueExample is a target in the title's language, by the key result's
// deadline when it has one: from 400 to 480 by 2026-03-31, da 400 a 480
// entro il 31/03/2026, de 400 a 480 antes del 31/03/2026.
func vagueExample(lang string, deadline time.Time) string {
	switch lang {
	case "it":
		if deadline.IsZero() {
			return "da 400 a 480"
		}
		return "da 400 a 480 entro il " + deadline.Format("02/01/2006")
	case "es":
		if deadline.IsZero() {
			return "de 400 a 480"
		}
		return "de 400 a 480 antes del " + deadline.Format("02/01/2006")
	}
	if deadline.IsZero() {
		return "from 400 to 480"
	}
	return "from 400 to 480 by " + deadline.Format(time.DateOnly)
}

// noTarget says why the numbers of a title that states no target are no
// targets: ` ("3" counts what is in scope, "2027" is a date)`; "" when it
// has none.
func noTarget(st *title.Statement) string {
	var parts []string
	for _, n := range st.Numbers {
		var why string
		switch n.Role {
		case title.Scope:
			why = "counts what is in scope"
		case title.Date:
			continue // a deadline is welcome; it is simply not a target
		case title.Label:
			why = "is a name or a rank"
		case title.Context:
			why = "is a reference value"
		case title.OutOf:
			why = "is the top of a scale"
		default:
			continue
		}
		parts = append(parts, fmt.Sprintf("%q %s", n.Text, why))
		if len(parts) == 3 {
			break
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ", not a target)"
}

// vagueWords returns the vague phrases of a title in the order they
// appear, each once; a phrase inside a longer one already found is skipped.
func vagueWords(title string) []string {
	type match struct{ start, end int }
	var found []match
	for _, re := range vaguePatterns {
		for _, m := range re.FindAllStringIndex(title, -1) {
			inside := false
			for _, f := range found {
				if m[0] < f.end && f.start < m[1] {
					inside = true
					break
				}
			}
			if !inside {
				found = append(found, match{m[0], m[1]})
			}
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].start < found[j].start })
	var out []string
	for _, f := range found {
		w := strings.TrimSpace(title[f.start:f.end])
		if !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, w) }) {
			out = append(out, w)
		}
	}
	return out
}

// quoteList quotes words and joins them: "a", "b" and "c".
func quoteList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
