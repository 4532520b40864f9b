package title

import (
	"math"
	"slices"
	"strings"
	"sync"
)

// Role is what a number does in a title.
type Role uint8

// The roles of a number. Target, From, Change and Factor state a result;
// the others do not.
const (
	Target  Role = iota + 1 // a value to reach: 480 leads, at least 18.000 EUR, the end of a range
	From                    // the start of a range: from 400 (to 480)
	Change                  // a relative change: by 20%, del 20%, un 30%, +5 points
	Factor                  // a multiplier written with digits: 2x, x3
	Scope                   // a count of what is in scope: in 3 markets, le 5 landing page
	Date                    // a day, a month, a year or a period: 31/12/2026, Q4, 2027
	Label                   // a name or a rank: phase 2, Top 3 priority, 1st
	Context                 // a reference value: (Q3: 1.004), vs 1,210
	OutOf                   // the top of a scale: 8.5 out of 10
)

var roleNames = [...]string{"", "target", "from", "change", "factor", "scope", "date", "label", "context", "out-of"}

// String names the role.
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "?"
}

// Comparison bounds a target.
type Comparison uint8

// Comparisons: a target to reach at least, or to stay at or under.
const (
	NoBound Comparison = iota
	AtLeast
	AtMost
)

// Number is a number read in a title.
type Number struct {
	Text       string  // as written, with its sign, currency, scale and percent sign
	Start, End int     // byte offsets of Text in the title
	Value      float64 // in the title's language; NaN for dates
	// Alt is the other reading of an ambiguous separator ("1,500" in an
	// Italian title: one and a half, or one thousand five hundred), NaN
	// when there is none. AltOK says whether a writer of the title's
	// language plausibly meant it: a dot before three digits in an
	// Italian or Spanish title is always a thousands separator.
	Alt      float64
	AltOK    bool
	Percent  bool // 15%, 15 per cento, 15 por ciento
	Points   bool // 3 points, 3 punti, 3 puntos
	Currency bool // €, $, EUR, euro… before or after
	Unit     bool // a unit of time or another measure after it
	Words    bool // written in words: ten, dieci, mil
	Role     Role
	Bound    Comparison // for a target after at least, sotto, por debajo de…
	Negative bool       // a change written with a minus sign
}

// Statement is what a title states.
type Statement struct {
	Lang    string // "en", "it" or "es": the language the title is written in
	Numbers []Number
	// Factor is the multiplier a verb or phrase states (double 2, halve
	// 0.5, reducir a la mitad 0.5), or a number with Role Factor; 0 when
	// none. FactorText is the phrase.
	Factor     float64
	FactorText string
	// Rate is the interval a title speaks of a rate over ("week", "month",
	// "quarter", "day"), "" when none; RateText is the phrase (monthly, al
	// mese, a la semana).
	Rate     string
	RateText string
}

// StatesTarget reports whether the title states a result to reach: a
// target, a range, a comparison, a relative change or a multiplier.
func (s *Statement) StatesTarget() bool {
	if s.Factor != 0 {
		return true
	}
	for _, n := range s.Numbers {
		switch n.Role {
		case Target, From, Change, Factor:
			return true
		}
	}
	return false
}

// Targets returns the numbers whose role is Target.
func (s *Statement) Targets() []Number {
	n := 0
	for i := range s.Numbers {
		if s.Numbers[i].Role == Target {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Number, 0, n)
	for i := range s.Numbers {
		if s.Numbers[i].Role == Target {
			out = append(out, s.Numbers[i])
		}
	}
	return out
}

// Find returns the first number with the role, or nil.
func (s *Statement) Find(r Role) *Number {
	for i := range s.Numbers {
		if s.Numbers[i].Role == r {
			return &s.Numbers[i]
		}
	}
	return nil
}

// RangeEnd returns the target that closes the range opened by From, or nil.
func (s *Statement) RangeEnd() *Number {
	for i := range s.Numbers {
		if s.Numbers[i].Role == From {
			for j := i + 1; j < len(s.Numbers); j++ {
				if s.Numbers[j].Role == Target {
					return &s.Numbers[j]
				}
			}
		}
	}
	return nil
}

// item is a number being read: its tokens [a, b) and what it is.
type item struct {
	Number
	a, b int
}

// reader reads one title at a time; it keeps its buffers from one title
// to the next.
type reader struct {
	voc   *vocabulary
	title string
	toks  []token
	depth []int8 // parenthesis depth of each token
	st    Statement
	lang  int // the title's language, an index of langs
	items []item
	arena strings.Builder // lower-case titles (see lower)
	slab  []Number        // room for the Numbers of the next statements
}

// slabSize is how many numbers a reader allocates at once for the
// statements it returns: the numbers of a few dozen titles.
const slabSize = 64

// readers keep the buffers of Read between calls.
var readers = sync.Pool{New: func() any { return &reader{voc: vocab(), toks: make([]token, 0, 32)} }}

// Read reads what a title states. It never fails: a title it cannot read
// states nothing. Its time is linear in the title's length.
func Read(title string) Statement {
	r := readers.Get().(*reader)
	st := r.read(title)
	readers.Put(r)
	return st
}

// read reads a title with the reader's buffers.
func (r *reader) read(title string) Statement {
	if len(title) > maxTitle {
		title = title[:maxTitle]
	}
	r.title = title
	r.lex()
	r.lang = language(r.toks)
	r.st = Statement{Lang: langs[r.lang]}
	st := &r.st
	r.items = r.items[:0]
	r.parens()
	r.numbers()
	// A number past float64's range (or too long to read) is no number a
	// title can mean.
	r.items = slices.DeleteFunc(r.items, func(it item) bool { return it.Role != Date && (math.IsInf(it.Value, 0) || math.IsNaN(it.Value)) })
	r.multipliers()
	r.rate()
	for i := range r.items {
		r.role(i)
	}
	r.ranges()
	if n := len(r.items); n > 0 {
		// The statement's numbers are cut from a slab shared with the
		// statements read before and after, capacity and all, so that an
		// append to one never writes into another.
		if len(r.slab) < n {
			r.slab = make([]Number, max(slabSize, n))
		}
		st.Numbers, r.slab = r.slab[:n:n], r.slab[n:]
	}
	for i, it := range r.items {
		st.Numbers[i] = it.Number
		if it.Role == Factor && st.Factor == 0 {
			st.Factor, st.FactorText = it.Value, it.Text
		}
	}
	out := r.st
	r.st, r.title = Statement{}, ""
	return out
}

// language tells the title's language (langEN, langIT or langES) from its
// function words, its verb endings and its accents; English when nothing
// tells.
func language(toks []token) int {
	var en, it, es int
	for i := range toks {
		t := &toks[i]
		if t.k != kWord {
			continue
		}
		w := t.w
		if t.hot&hotEN != 0 {
			en += 2
		}
		if t.hot&hotIT != 0 {
			it += 2
		}
		if t.hot&hotES != 0 {
			es += 2
		}
		if t.high {
			if strings.ContainsAny(w, "ñáíóú¿¡") {
				es++
			}
			if strings.ContainsAny(w, "àèìòù") {
				it++
			}
		}
		// An infinitive names the action: aumentare, ridurre; aumentar,
		// reducir. The first word weighs most.
		weight := 1
		if i == 0 {
			weight = 2
		}
		if len(w) >= 5 && (strings.HasSuffix(w, "are") || strings.HasSuffix(w, "ere") || strings.HasSuffix(w, "ire")) {
			it += weight
		} else if len(w) >= 4 && (strings.HasSuffix(w, "ar") || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir")) && i == 0 {
			es += weight
		}
		if i == 0 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ise") || strings.HasSuffix(w, "ize")) {
			en += weight
		}
	}
	switch {
	case it > en && it >= es:
		return langIT
	case es > en && es > it:
		return langES
	}
	return langEN
}

// parens records the parenthesis depth of each token.
func (r *reader) parens() {
	if cap(r.depth) < len(r.toks) {
		r.depth = make([]int8, len(r.toks), 2*len(r.toks))
	}
	r.depth = r.depth[:len(r.toks)]
	var d int8
	for i := range r.toks {
		t := &r.toks[i]
		if t.k == kSym && (t.w == "(" || t.w == "[") && d < 100 {
			d++
		}
		r.depth[i] = d
		if t.k == kSym && (t.w == ")" || t.w == "]") && d > 0 {
			d--
		}
	}
}

// word returns token i's word, "" when it is not a word or out of range.
func (r *reader) word(i int) string {
	if i < 0 || i >= len(r.toks) || r.toks[i].k != kWord {
		return ""
	}
	return r.toks[i].w
}

// entry returns token i's vocabulary entry, unknown when it is not a word
// or out of range.
func (r *reader) entry(i int) *entry {
	if i < 0 || i >= len(r.toks) || r.toks[i].k != kWord {
		return &r.voc.entries[0]
	}
	return &r.voc.entries[r.toks[i].ent]
}

// entryOf returns the vocabulary entry of a token.
func (r *reader) entryOf(t *token) *entry { return &r.voc.entries[t.ent] }

// sym returns token i's symbol, "" when it is no symbol.
func (r *reader) sym(i int) string {
	if i < 0 || i >= len(r.toks) || r.toks[i].k != kSym {
		return ""
	}
	return r.toks[i].w
}

// phraseBefore returns the phrase with flag f (up to three words joined by
// spaces) that ends just before token i, and the index of its first token;
// "" and i when none does.
func (r *reader) phraseBefore(i int, f uint32) (string, int) {
	for n := 3; n >= 1; n-- {
		if i-n < 0 {
			continue
		}
		if p, ok := r.phrase(i-n, i, f); ok {
			return p, i - n
		}
	}
	return "", i
}

// phraseAfter returns the phrase with flag f (up to three words) that
// starts at token i and the index after it.
func (r *reader) phraseAfter(i int, f uint32) (string, int) {
	for n := 3; n >= 1; n-- {
		if i+n > len(r.toks) {
			continue
		}
		if p, ok := r.phrase(i, i+n, f); ok {
			return p, i + n
		}
	}
	return "", i
}

// phrase looks tokens [a, b) up in the vocabulary, joined by spaces, and
// reports whether they are a phrase with flag f. It allocates nothing.
func (r *reader) phrase(a, b int, f uint32) (string, bool) {
	// A word is its own entry; a longer phrase is looked up only after a
	// word that starts one.
	first := &r.toks[a]
	switch {
	case first.k != kWord && first.k != kSym:
		return "", false
	case b-a == 1 && first.hot&f != 0:
		return r.entryOf(first).text, true
	case b-a == 1 || r.entryOf(first).starts&f == 0:
		return "", false
	}
	var buf [64]byte
	n := 0
	for k := a; k < b; k++ {
		t := &r.toks[k]
		if t.k != kWord && t.k != kSym {
			return "", false
		}
		if k > a {
			if n == len(buf) {
				return "", false
			}
			buf[n] = ' '
			n++
		}
		if n+len(t.w) > len(buf) {
			return "", false
		}
		n += copy(buf[n:], t.w)
	}
	if e := &r.voc.entries[r.voc.slots[slotOf(r.voc, buf[:n])]]; e.flags&f != 0 {
		return e.text, true
	}
	return "", false
}

// numbers finds the numbers: digits with their scale, percent sign,
// currency and unit, and numbers written in words.
func (r *reader) numbers() {
	li := r.lang
	for i := 0; i < len(r.toks); i++ {
		t := &r.toks[i]
		switch {
		case t.k == kDate:
			r.items = append(r.items, item{Number: Number{Value: math.NaN(), Alt: math.NaN(), Role: Date}, a: i, b: i + 1})
		case t.k == kNum:
			it := item{a: i, b: i + 1}
			it.Value, it.Alt = t.v, math.NaN()
			if t.sep != 0 {
				// One separator before three digits: the language decides.
				dotThousands := li == langIT || li == langES
				switch {
				case t.sep == '.' && dotThousands:
					it.Value, it.Alt, it.AltOK = t.thousand, t.v, false
				case t.sep == '.':
					it.Value, it.Alt, it.AltOK = t.v, t.thousand, true
				case t.sep == ',' && dotThousands:
					it.Value, it.Alt, it.AltOK = t.v, t.thousand, true
				default:
					it.Value, it.Alt, it.AltOK = t.thousand, t.v, false
				}
			}
			r.suffix(&it, t.w)
			i = r.around(&it)
			r.items = append(r.items, it)
		case t.k == kWord && t.hot&(hotNumber|hotOne) != 0 && (r.entryOf(t).number[li] > 0 || (t.hot&hotOne != 0 && r.has(i+1, hotScale) && r.entry(i+1).scale >= 100)):
			if t.w == "mil" && i > 0 && r.toks[i-1].k == kNum {
				continue // 80 mil: a scale, read with the number
			}
			it := item{a: i, b: i + 1, Number: Number{Words: true, Alt: math.NaN()}}
			var total, cur float64
			j := i
			for ; j < len(r.toks); j++ {
				e := r.entry(j)
				if v := e.number[li]; v > 0 && v < 1000 {
					cur += v
					continue
				}
				if e.flags&hotOne != 0 && r.entry(j+1).scale >= 100 {
					cur++
					continue
				}
				if s := e.scale; s == 100 {
					cur = math.Max(cur, 1) * 100
					continue
				} else if s >= 1000 || e.number[li] >= 1000 {
					if s == 0 {
						s = e.number[li]
					}
					total += math.Max(cur, 1) * s
					cur = 0
					continue
				}
				if w := r.word(j); (w == "and" || w == "y" || w == "e") && j > i && r.entry(j + 1).number[li] > 0 {
					continue
				}
				break
			}
			it.Value = total + cur
			it.b = j
			i = r.around(&it)
			r.items = append(r.items, it)
		case t.k == kWord && r.entryOf(t).fraction > 0 && r.has(i-1, hotOne) && r.has(i-2, hotChangeEnd):
			// by a third, di un terzo, en un tercio: a relative change.
			r.items = append(r.items, item{a: i - 1, b: i + 1, Number: Number{Value: r.entryOf(t).fraction, Alt: math.NaN(), Percent: true, Role: Change, Words: true}})
		case t.k == kWord && len(t.w) > 1 && (t.w[0] == 'x' || strings.HasPrefix(t.w, "×")) && allDigits(strings.TrimPrefix(strings.TrimPrefix(t.w, "×"), "x")):
			// x2, x10: a multiplier.
			v := 0.0
			for _, c := range []byte(strings.TrimPrefix(strings.TrimPrefix(t.w, "×"), "x")) {
				v = v*10 + float64(c-'0')
				if v > 1e6 {
					break
				}
			}
			r.items = append(r.items, item{a: i, b: i + 1, Number: Number{Value: v, Alt: math.NaN(), Role: Factor}})
		}
	}
	for k := range r.items {
		it := &r.items[k]
		s, e := r.toks[it.a].s, r.toks[it.b-1].e
		it.Start, it.End, it.Text = s, e, r.title[s:e]
	}
}

// suffix applies the letters glued to a number: a scale, a multiplier, a
// unit.
func (r *reader) suffix(it *item, suf string) {
	switch suf {
	case "":
	case "x":
		it.Role = Factor
	case "k", "m", "mn", "mm", "bn", "b":
		s := r.voc.entries[r.voc.lookup(suf)].scale
		it.Value *= s
		it.Alt *= s
	case "st", "nd", "rd", "th", "º", "ª", "°":
		it.Role = Label
	case "eur", "usd", "€":
		it.Currency = true
	case "pp", "pt", "pts":
		it.Points = true
	default:
		it.Unit = true
	}
}

// around reads what surrounds a number: a sign and a currency before it; a
// scale, a percent sign or words, a currency and a unit after it. It
// returns the index of the number's last token.
func (r *reader) around(it *item) int {
	// Before: €1.2m, EUR 48, $22k, +20%.
	for k := 0; k < 2 && it.a > 0; k++ {
		p := &r.toks[it.a-1]
		switch {
		case p.hot&hotCurrency != 0:
			it.Currency = true
			it.a--
			continue
		case p.k == kSym && (p.w == "+" || p.w == "-" || p.w == "−") && (it.a-1 == 0 || r.toks[it.a-1].space):
			if r.toks[it.a].space {
				break // a dash between words, not a sign
			}
			it.Negative = p.w != "+"
			if it.Negative {
				it.Value, it.Alt = -it.Value, -it.Alt
			}
			it.Role = Change
			it.a--
			continue
		case p.k == kSym && p.w == "~":
			it.a--
			continue
		}
		break
	}
	// After.
	j := it.b
	for j < len(r.toks) {
		t := &r.toks[j]
		if s := r.entryOf(t).scale; t.k == kWord && s >= 1000 && t.w != "m" && t.w != "b" {
			if t.w == "mil" || t.w == "mila" || r.toks[j-1].k == kNum || r.entryOf(&r.toks[j-1]).scale > 0 {
				it.Value *= s
				it.Alt *= s
				j++
				continue
			}
		}
		if t.k == kSym && t.w == "%" {
			it.Percent = true
			j++
			continue
		}
		if t.hot&hotPercentStart != 0 {
			if p, end := r.phraseAfter(j, hotPercent); p != "" {
				it.Percent = true
				j = end
				continue
			}
		}
		if t.hot&hotCurrency != 0 {
			it.Currency = true
			j++
			continue
		}
		if t.hot&hotPoint != 0 {
			it.Points = true
			j++
			continue
		}
		if t.k == kWord && t.hot&hotUnit != 0 {
			if t.w == "x" {
				it.Role = Factor
			}
			it.Unit = true
			j++
		}
		break
	}
	it.b = j
	return j - 1
}

// multipliers finds the verbs and phrases that multiply the baseline.
func (r *reader) multipliers() {
	for i := range r.toks {
		t := &r.toks[i]
		if t.k != kWord || r.st.Factor != 0 {
			continue
		}
		w := t.w
		f := 0.0
		if t.hot&hotMultiplier != 0 {
			f = r.entryOf(t).multiplier
		}
		if f == 0 {
			f = multiplierStem(w)
		}
		if f == 2 && (r.word(i+1) == "down" || r.word(i+1) == "check" || (r.sym(i+1) == "-" && r.word(i+2) != "")) {
			f = 0 // double down, double-check, double-digit
		}
		if f == 0 && t.hot&hotHalf != 0 {
			prev := r.word(i - 1)
			if r.has(i-1, hotArticle) {
				prev = r.word(i - 2)
			}
			if prev == "in" || prev == "by" || prev == "a" || prev == "della" || prev == "alla" || prev == "di" || prev == "por" || prev == "en" {
				f = 0.5
			}
		}
		if f != 0 {
			r.st.Factor, r.st.FactorText = f, r.title[t.s:t.e]
		}
	}
}

// rate finds the rate the title speaks of: monthly, per week, al mese, a
// la semana.
func (r *reader) rate() {
	for i := range r.toks {
		t := &r.toks[i]
		if t.hot&(hotRate|hotRateBefore) == 0 && t.w != "/" {
			continue
		}
		if t.hot&hotRate != 0 && t.k == kWord {
			r.st.Rate, r.st.RateText = r.entryOf(t).interval, r.title[t.s:t.e]
			return
		}
		if t.hot&hotRateBefore == 0 {
			continue
		}
		j := i + 1
		if r.has(j, hotArticle) {
			j++
		}
		e := r.entry(j)
		if e.flags&hotRateUnit == 0 {
			continue
		}
		u := e.interval
		// "in a month", "entro un mese": a duration, not a rate.
		if p := r.word(i - 1); t.w == "a" && (p == "in" || p == "within" || p == "en" || p == "for" || p == "over") {
			continue
		}
		r.st.Rate, r.st.RateText = u, r.title[t.s:r.toks[j].e]
		return
	}
}

// wordBefore returns the word before token i, skipping articles when
// skip is true, and its index.
func (r *reader) wordBefore(i int, skip bool) (string, int) {
	k := i - 1
	for k >= 0 && r.toks[k].k == kSym && (r.toks[k].w == "," || r.toks[k].w == "'" || r.toks[k].w == "’") {
		k--
	}
	w := r.word(k)
	if skip && r.has(k, hotArticle) && k > 0 && r.word(k-1) != "" {
		k--
		w = r.word(k)
	}
	return w, k
}

// reachVerbs take their target after an article: raggiungere i 500
// clienti, superar las 1.000 demos, reach the 1,000 mark.
var reachVerbs = []string{"reach", "hit", "exceed", "surpass", "pass", "cross", "beat", "top",
	"raggiungere", "superare", "arrivare", "toccare", "oltrepassare", "sfondare", "portare", "raggiungiamo",
	"alcanzar", "superar", "llegar", "lograr", "conseguir", "rebasar", "sobrepasar", "alcanzamos", "llevar"}

// role decides what item k is.
func (r *reader) role(k int) {
	it := &r.items[k]
	if it.Role == Date {
		return
	}
	if r.depth[it.a] > 0 {
		it.Role = Context
		return
	}
	prev, pi := r.wordBefore(it.a, false)
	// ROAS from 2.5x to 3.2x, a 4x: a level written with an x, not a
	// multiplier.
	if it.Role == Factor && (r.has(pi, hotFrom|hotTo) || r.cmpBefore(it.a) != "") {
		it.Role = Target
		return
	}
	if it.Role == Label || it.Role == Factor {
		return
	}
	_, si := r.wordBefore(it.a, true)
	next, ni := r.word(it.b), it.b
	plain := !it.Percent && !it.Currency && !it.Unit && !it.Points
	tok := &r.toks[it.a]
	bare := tok.k == kNum && tok.integer && plain && it.b == it.a+1 && tok.w == ""
	// A year: in 2026, Make 2027 our best year; the 2027 marketing plan,
	// il piano 2027, our 2026 goals: a year after a determiner names the
	// plan's year.
	// But "from 996 to 1992" ends a range of plain numbers: a year-like
	// end after a number that is no date is the range's target.
	rangeEnd := k > 0 && r.has(it.a-1, hotTo) && r.items[k-1].Role != Date && r.items[k-1].b >= it.a-2
	if bare && tok.e-tok.s == 4 && it.Value >= 1900 && it.Value <= 2099 && !rangeEnd {
		if r.has(si, hotYearBefore|hotMonth) || next == "" || !r.isContent(ni) || r.has(pi, hotArticle) || prev == "our" || prev == "nostro" || prev == "nuestro" {
			it.Role = Date
			return
		}
	}
	// A day next to its month: 30 novembre, March 31, 31 de marzo.
	if bare && it.Value >= 1 && it.Value <= 31 && (r.has(pi, hotMonth) || r.has(ni, hotMonth) ||
		((next == "de" || next == "of") && r.has(ni+1, hotMonth))) {
		it.Role = Date
		return
	}
	// A name: phase 2, sprint 4, versione 3.
	if bare && r.has(pi, hotLabel) {
		it.Role = Label
		return
	}
	// Top 3 priority, the top 5 industry events, the #1 choice: a rank
	// that names something; reach the top 3, rank #1 on Google: a target.
	if (prev == "top" || r.sym(it.a-1) == "#") && (pi <= 0 || next != "" && r.isContent(ni)) {
		if !(r.has(it.a-2, hotReach) || r.has(it.a-3, hotReach) && r.has(it.a-2, hotArticle)) {
			it.Role = Label
			return
		}
	}
	if r.has(si, hotContext) || r.sym(it.a-1) == ":" && r.toks[max(it.a-2, 0)].k == kDate {
		it.Role = Context
		return
	}
	// 8.5 out of 10, 8,5 su 10, 4,5/5.
	if k > 0 && r.items[k-1].Role != Date && r.items[k-1].b <= it.a {
		gap := it.a - r.items[k-1].b
		if (gap == 2 && prev == "of" && r.word(it.a-2) == "out") || (gap == 1 && (prev == "su" || prev == "sobre" || r.sym(it.a-1) == "/")) {
			it.Role = OutOf
			return
		}
	}
	if it.Role == Change {
		return
	}
	if c := r.cmpBefore(it.a); c != "" {
		it.Role = Target
		it.Bound = bound(c)
		return
	}
	// A relative change: by 20%, del 20%, un 30%, en un 50%, di 3 punti.
	if r.has(it.a-1, hotChangeEnd) {
		if c, _ := r.phraseBefore(it.a, hotChange); c != "" && ((c == "by" && !it.Words) || it.Percent || it.Points) {
			it.Role = Change
			return
		}
	}
	// A count of scope: in 3 markets, nelle 3 regioni, las 5 páginas.
	if (tok.k == kNum || it.Words) && plain && it.Value < 100 && it.Value == math.Trunc(it.Value) &&
		r.has(pi, hotScope) && !r.has(ni, hotNew) && !r.has(si, hotReach) && !r.has(pi, hotReach) {
		it.Role = Scope
		return
	}
	it.Role = Target
}

// has reports whether token i exists and has one of the flags f.
func (r *reader) has(i int, f uint32) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].hot&f != 0
}

// isContent reports whether token i is a word that can be what a number
// counts (a noun or an adjective): not a determiner, preposition or
// conjunction.
func (r *reader) isContent(i int) bool {
	return r.word(i) != "" && !r.has(i, hotScope|hotArticle|hotFunction)
}

// cmpBefore returns the comparison phrase that ends before token i, or
// before an article or preposition before it (sotto i 45 EUR, al massimo
// a 45 EUR, por debajo de los 2 días); "" when there is none.
func (r *reader) cmpBefore(i int) string {
	if r.has(i-1, hotCmpEnd) {
		if c, _ := r.phraseBefore(i, hotCmp); c != "" {
			return c
		}
	}
	if w := r.word(i - 1); (r.has(i-1, hotArticle) || w == "a" || w == "di" || w == "de" || w == "of" || w == "to") && r.has(i-2, hotCmpEnd) {
		c, _ := r.phraseBefore(i-1, hotCmp)
		return c
	}
	return ""
}

// bound says which way a comparison phrase bounds its target.
func bound(c string) Comparison {
	switch c {
	case "at least", "no less than", "not less than", "above", "over", "more than", "beyond", "minimum", "min",
		"almeno", "al minimo", "non meno di", "sopra", "oltre", "più di", "minimo", "superiore a",
		"al menos", "como mínimo", "como minimo", "por encima de", "más de", "mínimo", "no menos de", "superior a",
		"≥", ">=", ">":
		return AtLeast
	}
	return AtMost
}

// ranges pairs a number after a from-word (from, da, dal, de, desde) with
// the next number after a to-word (to, a, al, hasta, →): from 400 to 480,
// dal 2,1% al 3%, de 45 a 35 días.
func (r *reader) ranges() {
	for k := 0; k+1 < len(r.items); k++ {
		a, b := &r.items[k], &r.items[k+1]
		switch a.Role {
		case Target, Scope, Change:
		default:
			continue
		}
		switch b.Role {
		case Target, Scope, Change:
		default:
			continue
		}
		if b.a-a.b > 3 {
			continue
		}
		_, fi := r.wordBefore(a.a, false)
		arrow := r.sym(a.b) == "→" || (r.sym(a.b) == "-" && r.sym(a.b+1) == ">")
		if !(r.has(fi, hotFrom) && r.has(b.a-1, hotTo)) && !arrow {
			continue
		}
		// Everything between the two ends is a unit or a currency.
		ok := true
		for j := a.b; j < b.a-1; j++ {
			w := r.toks[j].w
			if !(r.has(j, hotCurrency|hotUnit) || w == "%" || w == "-" || w == ">" || w == "→") {
				ok = false
			}
		}
		if !ok {
			continue
		}
		a.Role, b.Role = From, Target
		a.Bound, b.Bound = NoBound, NoBound
		if b.Percent && !a.Percent && !a.Currency && !a.Unit {
			a.Percent = true // dal 2,1 al 3%: both are percentages
		}
		if a.Percent && !b.Percent && !b.Currency && !b.Unit {
			b.Percent = true
		}
		if b.Currency && !a.Currency {
			a.Currency = true // from 40 to 32 EUR
		}
		if b.Unit && !a.Unit {
			a.Unit = true
		}
		k++
	}
}

var functionWords = []string{"and", "or", "but", "as", "is", "be", "will", "a", "an", "e", "o", "y", "u", "è", "es", "sarà",
	"será", "come", "como", "un", "una", "uno", "with", "con", "to", "a", "de", "di", "da", "by", "entro", "will",
	"ever", "yet", "del", "della"}
