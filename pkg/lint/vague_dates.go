package lint

import (
	"strconv"
	"strings"
)

// maskDates returns title with the digits of the dates it names turned
// into spaces, so that "Improve onboarding in 2026" or "Mejorar el NPS
// antes del 31/03/2026" are not taken to state a number: a year after a
// preposition or month (in 2026, entro il 2026, de 2026, March 2026), a day
// next to a month name (31 March, March 31st, 31 de marzo), a month
// (2026-06) and a numeric date (31/03/2026, 31.03.2026). hasNumber already
// skips ISO dates and periods. It returns title itself when there is
// nothing to mask.
func maskDates(title string) string {
	var masked []byte
	mask := func(from, to int) {
		if masked == nil {
			masked = []byte(title)
		}
		for k := from; k < to; k++ {
			masked[k] = ' '
		}
	}
	s := title
	for i := 0; i < len(s); {
		if !isDigit(s[i]) || (i > 0 && isWordByte(s[i-1])) {
			i++
			continue
		}
		if n := dateAt(s, i); n > 0 {
			i += n // an ISO date or a period: hasNumber skips it
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if n := numericDate(s, i, j); n > 0 {
			mask(i, i+n)
			i += n
			continue
		}
		end := j + ordinalSuffix(s, j)
		if end < len(s) && isWordByte(s[end]) {
			i = j // part of a word such as 2x or 10k
			continue
		}
		v, _ := strconv.Atoi(s[i:j])
		switch {
		case j-i == 4 && v >= 1900 && v <= 2099 && yearContext(s, i):
			mask(i, j)
		case j-i <= 2 && v >= 1 && v <= 31 && (isMonth(wordBefore(s, i)) || isMonth(wordAfter(s, end))):
			mask(i, end)
		}
		i = end
	}
	if masked == nil {
		return title
	}
	return string(masked)
}

// numericDate returns the length of a month (2026-06) or a numeric date
// (31/03/2026, 3.31.26) whose first digits are s[i:j], or 0.
func numericDate(s string, i, j int) int {
	digitsAt := func(k, min, max int) int {
		n := 0
		for k+n < len(s) && isDigit(s[k+n]) {
			n++
		}
		if n < min || n > max {
			return 0
		}
		return n
	}
	boundary := func(k int) bool { return k == len(s) || !isWordByte(s[k]) }
	if j-i == 4 && j < len(s) && s[j] == '-' {
		if n := digitsAt(j+1, 2, 2); n > 0 && boundary(j+3) {
			if m, _ := strconv.Atoi(s[j+1 : j+3]); m >= 1 && m <= 12 {
				return 7
			}
		}
		return 0
	}
	if j-i > 2 || j >= len(s) || (s[j] != '/' && s[j] != '.') {
		return 0
	}
	sep := s[j]
	n := digitsAt(j+1, 1, 2)
	k := j + 1 + n
	if n == 0 || k >= len(s) || s[k] != sep {
		return 0
	}
	y := digitsAt(k+1, 2, 4)
	if y == 0 || y == 3 || !boundary(k+1+y) {
		return 0
	}
	return k + 1 + y - i
}

// ordinalSuffix returns the length of st, nd, rd or th at s[j], or 0.
func ordinalSuffix(s string, j int) int {
	if j+2 <= len(s) {
		switch strings.ToLower(s[j : j+2]) {
		case "st", "nd", "rd", "th":
			if j+2 == len(s) || !isWordByte(s[j+2]) {
				return 2
			}
		}
	}
	return 0
}

// yearContext reports whether the year at s[i] follows a word that makes
// it a date: a preposition (in, by, entro, antes de…), a month, or a
// month's day ("March 31, 2026").
func yearContext(s string, i int) bool {
	w, at := wordBeforeAt(s, i)
	if articles[w] {
		w, _ = wordBeforeAt(s, at)
	}
	if yearPrepositions[w] || isMonth(w) {
		return true
	}
	// "March 31, 2026": a day of a month, then the year.
	k := i
	for k > 0 && (s[k-1] == ' ' || s[k-1] == ',') {
		k--
	}
	d := k
	for d > 0 && isDigit(s[d-1]) {
		d--
	}
	return k < i && d < k && k-d <= 2 && isMonth(wordBefore(s, d))
}

// wordBefore returns the lower-case word that ends before s[i], skipping
// spaces and commas; "" when a non-letter comes first.
func wordBefore(s string, i int) string { w, _ := wordBeforeAt(s, i); return w }

func wordBeforeAt(s string, i int) (string, int) {
	k := i
	for k > 0 && (s[k-1] == ' ' || s[k-1] == ',') {
		k--
	}
	start := k
	for start > 0 && isLetter(s[start-1]) {
		start--
	}
	return strings.ToLower(s[start:k]), start
}

// wordAfter returns the lower-case word that starts after s[j], skipping
// spaces and "de"/"of" (31 de marzo, 31st of March).
func wordAfter(s string, j int) string {
	for {
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		end := k
		for end < len(s) && isLetter(s[end]) {
			end++
		}
		w := strings.ToLower(s[k:end])
		if w != "de" && w != "of" && w != "the" {
			return w
		}
		j = end
	}
}

func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 }

func isMonth(w string) bool { return months[w] }

var months = setOf(
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
	"enero", "febrero", "abril", "mayo", "junio", "julio", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
)

// yearPrepositions put a year in time: in 2026, by 2026, entro il 2026,
// antes de 2026.
var yearPrepositions = setOf(
	"in", "by", "before", "until", "till", "through", "during", "since", "of", "for", "end",
	"nel", "entro", "del", "dal", "fino", "al", "prima", "per", "durante",
	"en", "para", "antes", "hasta", "de", "desde",
)

// articles may stand between a preposition and its year: entro il 2026,
// para el 2026, by the 2026 deadline.
var articles = setOf("il", "el", "la", "the", "l")
