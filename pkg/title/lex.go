package title

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a token is.
type kind uint8

const (
	kWord kind = iota // letters, possibly with digits inside (b2b, q4, v2)
	kNum              // digits with their separators and glued suffix
	kDate             // a numeric date or a period written with digits
	kSym              // one punctuation or symbol rune
)

// token is a piece of the title. s and e are byte offsets into the title.
type token struct {
	w   string // lower-case word, the symbol, or a number's glued suffix
	ent uint16 // the index of w's vocabulary entry; 0 (unknown) for what lexNumber reads, as no entry starts with a digit
	// For numbers: the value by each thousands convention. A number with
	// one separator followed by three digits (1.500, 1,500) has two
	// readings; the language of the title chooses between them.
	v        float64 // unambiguous value, or the reading with sep as decimal mark
	thousand float64 // the reading with sep as thousands separator; NaN unless ambiguous
	s, e     int
	hot      uint32 // the entry's flags, at hand for the loops over the tokens
	k        kind
	sep      byte // the ambiguous separator, 0 when unambiguous
	integer  bool // no decimal part in any reading, no separators at all
	space    bool // a space (or nothing) precedes the token
	high     bool // a word with non-ASCII letters
}

// maxTitle bounds the bytes read: a title is a line, and a longer input
// would only cost time.
const maxTitle = 4096

// lex splits the reader's title into tokens.
func (r *reader) lex() {
	low := r.lower(r.title)
	toks := r.toks[:0]
	space := true
	for i := 0; i < len(low); {
		c, n := rune(low[i]), 1
		if c >= utf8.RuneSelf {
			c, n = utf8.DecodeRuneInString(low[i:])
		}
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0' || c == '\u202f':
			space = true
			i += n
			continue
		case c == '\'' || c == '’':
			// An elision joins an article to its word (l'1,5%, dell'80%):
			// the two are read as two words.
			space = true
			i += n
			continue
		case isDigit(low[i]):
			t, end := lexNumber(low, i)
			t.space = space
			toks = append(toks, t)
			i = end
		case (c >= 'a' && c <= 'z') || (c >= utf8.RuneSelf && unicode.IsLetter(c)):
			j := i
			hasDigit, high := false, false
			for j < len(low) {
				b := low[j]
				if (b >= 'a' && b <= 'z') || b == '_' {
					j++
					continue
				}
				if isDigit(b) {
					hasDigit = true
					j++
					continue
				}
				if b < utf8.RuneSelf {
					break
				}
				r2, n2 := utf8.DecodeRuneInString(low[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				high = true
				j += n2
			}
			w := low[i:j]
			k := kWord
			if hasDigit && isPeriodWord(w) {
				k = kDate
			}
			ent := r.voc.lookup(w)
			toks = append(toks, token{k: k, s: i, e: j, w: w, space: space, high: high, ent: ent, hot: r.voc.entries[ent].flags})
			i = j
		default:
			w := low[i : i+n]
			ent := r.voc.lookup(w)
			toks = append(toks, token{k: kSym, s: i, e: i + n, w: w, space: space, ent: ent, hot: r.voc.entries[ent].flags})
			i += n
		}
		space = false
	}
	r.toks = toks
}

// arenaSize is the size of the blocks lower writes lower-case titles
// into: room for a hundred titles of ordinary length.
const arenaSize = 8 << 10

// lower returns s in lower case, keeping byte offsets: runes whose lower
// case has another length stay as they are. A title of lower-case ASCII
// is returned as it is; another is written into the reader's arena, a
// block shared by the titles the reader reads after one another, so that
// lowering a title allocates nothing of its own. The strings handed out
// stay valid: a strings.Builder only appends, and a full block is left to
// the strings that point into it.
func (r *reader) lower(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; (c >= 'A' && c <= 'Z') || c >= utf8.RuneSelf {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := &r.arena
	if b.Cap()-b.Len() < len(s) {
		b.Reset()
		b.Grow(max(arenaSize, len(s)))
	}
	start := b.Len()
	// Copy the runs that stay as they are, and lower what is between.
	done := 0
	for j := i; j < len(s); {
		c := s[j]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				b.WriteString(s[done:j])
				b.WriteByte(c + 'a' - 'A')
				done = j + 1
			}
			j++
			continue
		}
		ch, n := utf8.DecodeRuneInString(s[j:])
		if l := unicode.ToLower(ch); l != ch && utf8.RuneLen(l) == n {
			b.WriteString(s[done:j])
			b.WriteRune(l)
			done = j + n
		}
		j += n
	}
	b.WriteString(s[done:])
	return b.String()[start:]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetterByte(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 }

// isPeriodWord reports whether a word with digits names a period: q1–q4,
// h1–h2, t1–t4 (trimestre), s1–s2 (semestre), fy2026, fy26.
func isPeriodWord(w string) bool {
	switch {
	case len(w) == 2 && (w[0] == 'q' || w[0] == 't') && w[1] >= '1' && w[1] <= '4':
		return true
	case len(w) == 2 && (w[0] == 'h' || w[0] == 's') && (w[1] == '1' || w[1] == '2'):
		return true
	case strings.HasPrefix(w, "fy") && (len(w) == 4 || len(w) == 6) && allDigits(w[2:]):
		return true
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// lexNumber reads the number, date or period that starts at s[i] (a
// digit) and returns it with the offset after it.
func lexNumber(s string, i int) (token, int) {
	if n := dateLen(s, i); n > 0 {
		return token{k: kDate, s: i, e: i + n, w: s[i : i+n]}, i + n
	}
	// Digit groups and the separators between them.
	type group struct {
		sep    byte
		digits int
	}
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	first := j - i
	var buf [8]group // room for 1.234.567.890.123, on the stack
	groups := buf[:0]
	for j < len(s) {
		sep := s[j]
		width := 1
		if sep == ' ' || strings.HasPrefix(s[j:], "\u00a0") || strings.HasPrefix(s[j:], "\u202f") {
			// A space groups thousands only between groups of three
			// ("1 500", "12 000 000"), never after a decimal part.
			if sep != ' ' {
				width = 3
			}
			k := j + width
			n := 0
			for k+n < len(s) && isDigit(s[k+n]) {
				n++
			}
			if n != 3 || first > 3 || (k+n < len(s) && (isLetterByte(s[k+n]) && !isScaleSuffixAt(s, k+n))) {
				break
			}
			for _, g := range groups {
				if g.sep != ' ' {
					n = 0
				}
			}
			if n == 0 {
				break
			}
			groups = append(groups, group{' ', 3})
			j = k + 3
			continue
		}
		if sep != '.' && sep != ',' {
			break
		}
		k := j + 1
		n := 0
		for k+n < len(s) && isDigit(s[k+n]) {
			n++
		}
		if n == 0 {
			break // a full stop or a comma after the number
		}
		groups = append(groups, group{sep, n})
		j = k + n
	}
	text := s[i:j]
	t := token{k: kNum, s: i, e: j, thousand: math.NaN()}
	clean := func(thousands, decimal byte) float64 { return parseDigits(text, decimal) }
	switch {
	case len(groups) == 0:
		t.v, t.integer = clean(0, 0), true
	case len(groups) == 1 && groups[0].sep != ' ' && groups[0].digits == 3 && first <= 3 && text[0] != '0':
		// 1.500 or 1,500: one thousand five hundred, or one and a half.
		t.sep = groups[0].sep
		t.v = clean(0, t.sep)
		t.thousand = clean(t.sep, 0)
	default:
		// The last separator that differs from the others, or the only
		// one followed by other than three digits, is the decimal mark.
		last := groups[len(groups)-1]
		dec := byte(0)
		if last.sep != ' ' && (last.digits != 3 || (len(groups) > 1 && groups[len(groups)-2].sep != last.sep) || len(groups) == 1) {
			dec = last.sep
		}
		ok := true
		for k, g := range groups {
			if g.sep == dec && k != len(groups)-1 {
				ok = false // 1.2.3: a version, not a number
			}
			if g.sep != dec && (g.digits != 3 || first > 3) {
				ok = false
			}
			if g.sep != dec && k > 0 && groups[k-1].sep != g.sep {
				ok = false
			}
		}
		if !ok {
			t.k = kWord // a version or a code: not a number
			t.w = text
			break
		}
		thousands := byte(0)
		for _, g := range groups {
			if g.sep != dec {
				thousands = g.sep
			}
		}
		t.v = clean(thousands, dec)
		t.integer = dec == 0
	}
	// An exponent: 1e6, 2.5e-3.
	if j+1 < len(s) && s[j] == 'e' && t.k == kNum && t.sep == 0 {
		k := j + 1
		if k < len(s) && (s[k] == '-' || s[k] == '+') {
			k++
		}
		n := 0
		for k+n < len(s) && isDigit(s[k+n]) && n < 4 {
			n++
		}
		if n > 0 && (k+n == len(s) || !isLetterByte(s[k+n]) && !isDigit(s[k+n])) {
			// 0e800 is 0, not 0×Inf; a value past float64's range (5e400)
			// is no number a title can mean, so it is not read as one.
			if exp, err := strconv.Atoi(s[j+1 : k+n]); err == nil {
				if v := t.v * math.Pow(10, float64(exp)); t.v == 0 || !math.IsInf(v, 0) && !math.IsNaN(v) {
					if t.v != 0 {
						t.v = v
					}
					t.integer = false
					t.e = k + n
					return t, k + n
				}
			}
		}
	}
	// Letters glued to the number: a scale (10k, 1.2m), a multiplier (2x),
	// an ordinal (1st) or a unit (24h). Anything else makes a code (4g).
	k := j
	for k < len(s) && isLetterByte(s[k]) {
		_, n := utf8.DecodeRuneInString(s[k:])
		k += n
	}
	if k > j {
		suf := s[j:k]
		if k < len(s) && isDigit(s[k]) {
			// 2x3, 3d2: a code.
			for k < len(s) && (isDigit(s[k]) || isLetterByte(s[k])) {
				k++
			}
			return token{k: kWord, s: i, e: k, w: s[i:k]}, k
		}
		if !isGluedSuffix(suf) {
			return token{k: kWord, s: i, e: k, w: s[i:k]}, k
		}
		t.w = suf
		t.e = k
		j = k
	}
	return t, j
}

// isScaleSuffixAt reports whether a scale letter (k, m) follows at s[k].
func isScaleSuffixAt(s string, k int) bool {
	e := k
	for e < len(s) && isLetterByte(s[e]) {
		e++
	}
	return isGluedSuffix(s[k:e])
}

// isGluedSuffix reports whether a number may carry the letters glued to
// it: a scale, a multiplier, an ordinal or a unit.
func isGluedSuffix(s string) bool {
	switch s {
	case "k", "m", "mn", "mm", "bn", "b", "x",
		"st", "nd", "rd", "th", "º", "ª", "°",
		"h", "d", "min", "s", "pp", "pt", "pts",
		"eur", "usd", "€":
		return true
	}
	return false
}

// dateLen returns the length of a numeric date or period at s[i]:
// 2026-03-31, 2026-06, 2026-q1, 31/12/2026, 31.12.2026, 31-12-2026,
// 12/31/26, 31/12; 0 when there is none.
func dateLen(s string, i int) int {
	run := func(k int) int {
		n := 0
		for k+n < len(s) && isDigit(s[k+n]) {
			n++
		}
		return n
	}
	end := func(k int) bool { return k >= len(s) || !(isDigit(s[k]) || isLetterByte(s[k])) }
	atoi := func(a, b int) int { v, _ := strconv.Atoi(s[a:b]); return v }
	a := run(i)
	j := i + a
	if j >= len(s) {
		return 0
	}
	sep := s[j]
	if a == 4 && sep == '-' {
		if j+2 < len(s)+1 && j+2 <= len(s) && (s[j+1] == 'q' || s[j+1] == 'h') && j+2 < len(s) && s[j+2] >= '1' && s[j+2] <= '4' && end(j+3) {
			return j + 3 - i
		}
		b := run(j + 1)
		if b != 2 || atoi(j+1, j+3) < 1 || atoi(j+1, j+3) > 12 {
			return 0
		}
		k := j + 3
		if k < len(s) && s[k] == '-' && run(k+1) == 2 && end(k+3) {
			return k + 3 - i
		}
		if end(k) {
			return k - i
		}
		return 0
	}
	if a > 2 || (sep != '/' && sep != '.' && sep != '-') {
		return 0
	}
	b := run(j + 1)
	if b == 0 || b > 2 {
		return 0
	}
	d, m := atoi(i, j), atoi(j+1, j+1+b)
	if d < 1 || m < 1 || (d > 12 && m > 12) || d > 31 || m > 31 {
		return 0
	}
	k := j + 1 + b
	if k < len(s) && s[k] == sep {
		y := run(k + 1)
		if (y == 2 || y == 4) && end(k+1+y) {
			return k + 1 + y - i
		}
		return 0
	}
	// dd/mm without a year: a date only with a slash (1.5 and 3-4 are
	// numbers and ranges).
	if sep == '/' && end(k) && b == 2 {
		return k - i
	}
	return 0
}

// pow10 are the exact powers of ten a float64 holds.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseDigits reads the digits of text as a number whose decimal mark is
// decimal; other separators are skipped. Dividing two exact integers rounds
// correctly, so the result is what strconv.ParseFloat would give; longer
// numbers go through it.
func parseDigits(text string, decimal byte) float64 {
	var mant uint64
	digits, decimals := 0, -1
	for k := 0; k < len(text); k++ {
		switch c := text[k]; {
		case isDigit(c):
			mant = mant*10 + uint64(c-'0')
			digits++
			if decimals >= 0 {
				decimals++
			}
		case c == decimal:
			decimals = 0
		}
	}
	if decimals < 0 {
		decimals = 0
	}
	if digits <= 15 && decimals < len(pow10) {
		return float64(mant) / pow10[decimals]
	}
	b := make([]byte, 0, len(text))
	for k := 0; k < len(text); k++ {
		switch c := text[k]; {
		case isDigit(c):
			b = append(b, c)
		case c == decimal:
			b = append(b, '.')
		}
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return math.NaN()
	}
	return v
}
