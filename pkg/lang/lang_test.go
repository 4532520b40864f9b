package lang

import (
	"regexp"
	"sort"
	"testing"
	"time"
)

// verb matches a fmt verb, numbered or not.
var verb = regexp.MustCompile(`%(\[\d+\])?[a-z]`)

// TestEveryMessageInEveryLanguage checks that each message exists in
// English, Italian and Spanish, with the same arguments and, for plurals,
// both forms.
func TestEveryMessageInEveryLanguage(t *testing.T) {
	keys := Keys()
	sort.Strings(keys)
	if len(keys) < 50 {
		t.Fatalf("only %d messages: the catalog did not load", len(keys))
	}
	args := func(s string) map[string]int {
		m := map[string]int{}
		n := 0
		for _, v := range verb.FindAllString(s, -1) {
			if v[1] != '[' {
				n++
				v = "%[" + string(rune('0'+n)) + "]" + v[len(v)-1:]
			}
			m[v]++
		}
		return m
	}
	for _, k := range keys {
		msg, _ := Message(k)
		want := args(msg.EN)
		for _, l := range All() {
			s := msg.in(l)
			if s == "" {
				t.Errorf("%s: no %s text", k, l)
				continue
			}
			got := args(s)
			if len(got) != len(want) {
				t.Errorf("%s: %s has arguments %v, English %v", k, l, got, want)
			}
			for v := range want {
				if got[v] == 0 {
					t.Errorf("%s: %s lacks %s", k, l, v)
				}
			}
			if hasBar(msg.EN) != hasBar(s) {
				t.Errorf("%s: %s and English disagree on being a plural (one|other)", k, l)
			}
		}
	}
}

func hasBar(s string) bool {
	return regexp.MustCompile(`\|`).MatchString(s) && !regexp.MustCompile(`%`).MatchString(s)
}

func TestNumbersAndDates(t *testing.T) {
	for _, tc := range []struct {
		l        Lang
		v        float64
		decimals int
		want     string
	}{
		{EN, 1200.5, 2, "1,200.5"}, {IT, 1200.5, 2, "1.200,5"}, {ES, 1200.5, 2, "1.200,5"},
		{EN, 1234567.891, 0, "1,234,568"}, {IT, -0.001, 2, "0"}, {ES, -12.5, 2, "-12,5"},
		{IT, 3, 2, "3"}, {EN, 2.126, 2, "2.13"},
	} {
		if got := tc.l.Number(tc.v, tc.decimals); got != tc.want {
			t.Errorf("%s.Number(%v, %d) = %q, want %q", tc.l, tc.v, tc.decimals, got, tc.want)
		}
	}
	if got := IT.Fixed(0.5, 2); got != "0,50" {
		t.Errorf("IT.Fixed(0.5, 2) = %q", got)
	}
	d := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	for l, want := range map[Lang]string{EN: "2026-11-20", IT: "20/11/2026", ES: "20/11/2026"} {
		if got := l.Date(d); got != want {
			t.Errorf("%s.Date = %q, want %q", l, got, want)
		}
	}
	if got := ES.Count(1, "word.objective") + ", " + IT.Count(1200, "word.objective"); got != "1 objetivo, 1.200 obiettivi" {
		t.Errorf("Count = %q", got)
	}
}

func TestFromEnv(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, EN},
		{map[string]string{"LANG": "it_IT.UTF-8"}, IT},
		{map[string]string{"LANG": "es_ES.UTF-8", "LC_ALL": "C"}, EN},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "es_AR.UTF-8"}, ES},
		{map[string]string{"LC_MESSAGES": "it", "LANG": "en_GB"}, IT},
		{map[string]string{"LANG": "de_DE.UTF-8"}, EN},
	} {
		if got := FromEnv(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("FromEnv(%v) = %s, want %s", tc.env, got, tc.want)
		}
	}
	if _, err := Parse("fr"); err == nil {
		t.Error("Parse(fr) succeeded")
	}
	if l, err := Parse("IT"); err != nil || l != IT {
		t.Errorf("Parse(IT) = %v, %v", l, err)
	}
}

// FuzzParse checks that any --lang value or locale either names one of the
// languages or is refused, never anything in between.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"en", "IT", " es ", "fr", "it_IT.UTF-8", "C", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := Parse(s)
		if err == nil && l != EN && l != IT && l != ES {
			t.Fatalf("Parse(%q) = %q", s, l)
		}
		if got := FromEnv(func(string) string { return s }); got != EN && got != IT && got != ES {
			t.Fatalf("FromEnv(%q) = %q", s, got)
		}
	})
}
