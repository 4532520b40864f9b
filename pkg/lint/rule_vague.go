package lint

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/okrctl/okrctl/pkg/okr"
)

type vague struct{ base }

func newVague() *vague {
	return &vague{newBase("vague", Warning, "a key result title that states no number (English, Italian and Spanish wording is recognised)")}
}

// vaguePatterns are activity verbs and phrases that name an intention instead
// of a result, in the three languages OKRs are commonly written in here.
// Longer phrases come first so that the most specific one is quoted.
var vaguePatterns = []struct {
	re   *regexp.Regexp
	lang string
}{
	{regexp.MustCompile(`(?i)\b(increase|improve|raise|boost) (the )?(brand )?(visibility|awareness|presence)\b`), "en"},
	{regexp.MustCompile(`(?i)\b(aumentare|migliorare|accrescere) (la |il )?(visibilità|notorietà|presenza)( del brand| del marchio)?`), "it"},
	{regexp.MustCompile(`(?i)\b(aumentar|mejorar|incrementar) (la )?(visibilidad|notoriedad|presencia)( de (la )?marca)?`), "es"},
	{regexp.MustCompile(`(?i)\b(improve|optimi[sz]e|enhance|boost|strengthen|maximi[sz]e|streamline|support|foster|drive|better)\b`), "en"},
	{regexp.MustCompile(`(?i)\b(migliorare|ottimizzare|potenziare|rafforzare|incrementare|valorizzare|favorire|sviluppare)\b`), "it"},
	{regexp.MustCompile(`(?i)\b(mejorar|optimizar|potenciar|fortalecer|impulsar|fomentar|maximizar|desarrollar)\b`), "es"},
}

// dateLike removes dates and periods, whose digits are no target.
var dateLike = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-[QqHh][1-4]\b|\b[QqHh][1-4]( \d{4})?\b`)

var digit = regexp.MustCompile(`\d`)

// Check warns about a key result whose title has no number: it names an
// activity, not a result. When the title uses a known vague verb the
// message quotes it.
func (r *vague) Check(p *Pass) {
	for _, o := range p.Repo.Objectives {
		for i, kr := range o.KeyResults {
			if kr.Title == "" || digit.MatchString(dateLike.ReplaceAllString(kr.Title, "")) {
				continue
			}
			pos := okr.ValuePos(kr.Node, "title")
			if ws := vagueWords(kr.Title); len(ws) > 0 {
				verb := "names"
				if len(ws) > 1 {
					verb = "name"
				}
				p.Reportf(o.File(), pos, "%s is vague: %s %s an activity, not a result; state the number to reach and by when (e.g. from 400 to 480 by 2026-03-31)", krName(kr, i), quoteList(ws), verb)
				continue
			}
			p.Reportf(o.File(), pos, "%s states no number: say how much, from what to what (e.g. from 400 to 480 by 2026-03-31)", krName(kr, i))
		}
	}
}

// vagueWords returns the vague phrases of a title in the order they
// appear, each once; a phrase inside a longer one already found is skipped.
func vagueWords(title string) []string {
	type match struct{ start, end int }
	var found []match
	for _, v := range vaguePatterns {
		for _, m := range v.re.FindAllStringIndex(title, -1) {
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
