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

// hasNumber reports whether title states a number: a digit that is not
// part of a date (2026-03-31) or a period (2026-Q1, Q1, Q1 2026, H2), whose
// digits are no target. It is a hand-written scan because it runs on every
// key result.
func hasNumber(title string) bool {
	for i := 0; i < len(title); {
		if n := dateAt(title, i); n > 0 {
			i += n
			continue
		}
		if isDigit(title[i]) {
			return true
		}
		i++
	}
	return false
}

// dateAt returns the length of the date or period that starts at s[i]
// between word boundaries, or 0.
func dateAt(s string, i int) int {
	if i > 0 && isWordByte(s[i-1]) {
		return 0
	}
	// ends reports whether a match of length n ends at a word boundary.
	ends := func(n int) bool { return i+n <= len(s) && (i+n == len(s) || !isWordByte(s[i+n])) }
	digits := func(from, to int) bool {
		if to > len(s) {
			return false
		}
		for j := from; j < to; j++ {
			if !isDigit(s[j]) {
				return false
			}
		}
		return true
	}
	isPeriodLetter := func(c byte) bool { return c == 'Q' || c == 'q' || c == 'H' || c == 'h' }
	switch {
	case digits(i, i+4) && ends(10) && s[i+4] == '-' && digits(i+5, i+7) && s[i+7] == '-' && digits(i+8, i+10):
		return 10
	case digits(i, i+4) && ends(7) && s[i+4] == '-' && isPeriodLetter(s[i+5]) && s[i+6] >= '1' && s[i+6] <= '4':
		return 7
	case i+2 <= len(s) && isPeriodLetter(s[i]) && s[i+1] >= '1' && s[i+1] <= '4':
		if ends(7) && s[i+2] == ' ' && digits(i+3, i+7) {
			return 7
		}
		if ends(2) {
			return 2
		}
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordByte(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
}

// Check warns about a key result whose title has no number: it names an
// activity, not a result. When the title uses a known vague verb the
// message quotes it.
func (r *vague) Check(p *Pass) {
	for _, o := range p.Repo.Objectives {
		for i, kr := range o.KeyResults {
			if kr.Title == "" || hasNumber(maskDates(kr.Title)) {
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
