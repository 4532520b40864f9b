package lang

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Lang is a language of the reports: "en", "it" or "es".
type Lang string

// The languages of the reports.
const (
	EN Lang = "en"
	IT Lang = "it"
	ES Lang = "es"
)

// All lists the languages, English first.
func All() []Lang { return []Lang{EN, IT, ES} }

// Names lists the languages' codes, for flag help and completion.
func Names() []string { return []string{string(EN), string(IT), string(ES)} }

// Parse reads a language code (en, it, es; case ignored).
func Parse(s string) (Lang, error) {
	l := Lang(strings.ToLower(strings.TrimSpace(s)))
	for _, k := range All() {
		if l == k {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown language %q (want %s)", s, strings.Join(Names(), ", "))
}

// FromEnv picks the language of the locale, as the C library does: LC_ALL,
// then LC_MESSAGES, then LANG ("it_IT.UTF-8" is Italian); English when none
// names one of the languages.
func FromEnv(getenv func(string) string) Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		loc := getenv(v)
		if loc == "" {
			continue
		}
		code, _, _ := strings.Cut(loc, "_")
		code, _, _ = strings.Cut(code, ".")
		if l, err := Parse(code); err == nil {
			return l
		}
		return EN // the first locale set decides, as in the C library
	}
	return EN
}

// Text is one message in every language. A message is a fmt format; its
// arguments may be numbered (%[2]s) where a language orders them
// differently. A plural message holds its singular and plural forms
// separated by "|".
type Text struct{ EN, IT, ES string }

func (t Text) in(l Lang) string {
	switch l {
	case IT:
		return t.IT
	case ES:
		return t.ES
	}
	return t.EN
}

var catalog = map[string]Text{}

// add registers messages; each area of the output keeps its own file of
// them (messages_*.go). A key registered twice is a programming error.
func add(msgs map[string]Text) {
	for k, t := range msgs {
		if _, dup := catalog[k]; dup {
			panic("lang: message " + k + " registered twice")
		}
		catalog[k] = t
	}
}

// Keys lists every message key, for tests.
func Keys() []string {
	keys := make([]string, 0, len(catalog))
	for k := range catalog {
		keys = append(keys, k)
	}
	return keys
}

// Has reports whether key is a message.
func Has(key string) bool { _, ok := catalog[key]; return ok }

// Message returns a message's text in each language, for tests.
func Message(key string) (Text, bool) { t, ok := catalog[key]; return t, ok }

// T writes the message key in l with args. An unknown key is written as
// itself, so that a missing translation shows rather than hides (a test
// checks that every key the code uses exists).
func (l Lang) T(key string, args ...any) string {
	t, ok := catalog[key]
	if !ok {
		return key
	}
	s := t.in(l)
	if s == "" {
		s = t.EN
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Count writes n and the singular or plural of the message key:
// "1 objective", "5 obiettivi".
func (l Lang) Count(n int, key string) string {
	one, other, found := strings.Cut(l.T(key), "|")
	if !found {
		other = one
	}
	if n == 1 {
		return "1 " + one
	}
	return l.Int(n) + " " + other
}

// separators returns the decimal mark and the thousands separator.
func (l Lang) separators() (dec, group string) {
	if l == IT || l == ES {
		return ",", "."
	}
	return ".", ","
}

// Number writes a number for people: thousands grouped, at most decimals
// decimals, no trailing zeros (1,200.5 in English, 1.200,5 in Italian and
// Spanish); "–" for NaN and infinities.
func (l Lang) Number(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return l.grouped(s, v < 0)
}

// Fixed writes a number with exactly decimals decimals, as scores are
// written (0.67, 0,67).
func (l Lang) Fixed(v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	return l.grouped(s, v < 0)
}

// Int writes a whole number with its thousands grouped.
func (l Lang) Int(n int) string { return l.Fixed(float64(n), 0) }

// grouped writes a plain non-negative decimal ("1234.5") with l's
// separators and a minus sign when neg and the number is not zero.
func (l Lang) grouped(s string, neg bool) string {
	dec, group := l.separators()
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(dec + frac)
	}
	return b.String()
}

// Date writes a calendar date: 2026-11-20 in English (ISO 8601, as the
// YAML files write them), 20/11/2026 in Italian and Spanish; "–" for the
// zero time.
func (l Lang) Date(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	if l == IT || l == ES {
		return t.Format("02/01/2006")
	}
	return t.Format(time.DateOnly)
}
