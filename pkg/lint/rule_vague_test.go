package lint

import (
	"regexp"
	"strings"
	"testing"
)

// The regular expressions hasNumber replaces, kept as its oracle.
var (
	dateLikeRE = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-[QqHh][1-4]\b|\b[QqHh][1-4]( \d{4})?\b`)
	digitRE    = regexp.MustCompile(`\d`)
)

func hasNumberRE(s string) bool { return digitRE.MatchString(dateLikeRE.ReplaceAllString(s, "")) }

func TestHasNumber(t *testing.T) {
	tests := []struct {
		title string
		want  bool
	}{
		{"Increase leads from 400 to 480", true},
		{"Aumentare i lead del 20%", true},
		{"Launch the portal by 2026-03-31", false},
		{"Launch the portal in 2026-Q1", false},
		{"Ship it in Q1", false},
		{"Ship it in Q1 2026", false},
		{"Ship it in H2", false},
		{"Ship v2 in Q1", true},
		{"Q12 plan", true},
		{"Q5 plan", true},
		{"2026-03-31x", true},
		{"x2026-03-31", true},
		{"Reach 2026-03-31 and 5 more", true},
		{"EQ1 levels", true},
		{"Ship by 2026-3-31", true},
		{"Q1 20266", true},
		{"", false},
		{"No number at all", false},
		{"Q4: 2026-12-31 and 2027-Q1", false},
		{"ça 2026-01-01 été", false},
		{"visibilità Q1", false},
	}
	for _, tt := range tests {
		if got := hasNumber(tt.title); got != tt.want {
			t.Errorf("hasNumber(%q) = %v, want %v", tt.title, got, tt.want)
		}
		if got := hasNumberRE(tt.title); got != tt.want {
			t.Errorf("the oracle disagrees on %q: %v", tt.title, got)
		}
	}
}

// FuzzHasNumber checks hasNumber against the regular expressions it
// replaces.
func FuzzHasNumber(f *testing.F) {
	for _, s := range []string{"Ship it in Q1 2026", "by 2026-03-31", "2026-Q1 and 12", "Q1_2026", "h4 9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasNumber(s), hasNumberRE(s); got != want {
			t.Errorf("hasNumber(%q) = %v, the regular expressions say %v", s, got, want)
		}
	})
}

func TestVagueWords(t *testing.T) {
	tests := []struct {
		title string
		want  string
	}{
		{"Improve the onboarding", `"Improve"`},
		{"Increase brand visibility and improve the site", `"Increase brand visibility" and "improve"`},
		{"Aumentare la visibilità del brand e migliorare il sito", `"Aumentare la visibilità del brand" and "migliorare"`},
		{"Mejorar la visibilidad de la marca y optimizar y mejorar", `"Mejorar la visibilidad de la marca", "optimizar" and "mejorar"`},
		{"Optimise, optimize, OPTIMISE", `"Optimise" and "optimize"`},
		{"Launch the partner portal", ``},
	}
	for _, tt := range tests {
		ws := vagueWords(tt.title)
		got := ""
		if len(ws) > 0 {
			got = quoteList(ws)
		}
		if got != tt.want {
			t.Errorf("vagueWords(%q) = %s, want %s", tt.title, got, tt.want)
		}
	}
}

func TestMaskDates(t *testing.T) {
	tests := []struct {
		title      string
		wantNumber bool
	}{
		{"Improve onboarding in 2026", false},
		{"Migliorare la visibilità entro il 2026", false},
		{"Migliorare la visibilità entro 2026-06", false},
		{"Mejorar el NPS antes del 31/03/2026", false},
		{"Mejorar el NPS antes del 31 de marzo de 2026", false},
		{"Improve onboarding by March 31, 2026", false},
		{"Improve onboarding by 31st March 2026", false},
		{"Improve onboarding by 31.03.2026", false},
		{"Optimise funnel by H1 2026", false},
		{"Ship the portal by the end of 2026", false},
		{"Improve onboarding in May", false},
		{"Hire 2026 engineers", true},
		{"Close 50 deals in 2026", true},
		{"Reach 12 partners by March", true},
		{"Lift conversion from 2.05% to 2.8%", true},
		{"Grow to 2.5 points", true},
		{"Cut churn to 1/3 of today", true},
		{"Ship 3 features by 2026-13", true},
		{"Serve 10k users in 2026", true},
		{"Release v2 in 2026", true},
		{"Grow in 3000", true},
		{"Book 31 meetings", true},
	}
	for _, tt := range tests {
		if got := hasNumber(maskDates(tt.title)); got != tt.wantNumber {
			t.Errorf("hasNumber(maskDates(%q)) = %v, want %v (masked %q)", tt.title, got, tt.wantNumber, maskDates(tt.title))
		}
	}
}

// FuzzMaskDates checks that masking keeps the title's length, only turns
// digits (and ordinal suffixes and date separators) into spaces, and never
// finds a number hasNumber did not.
func FuzzMaskDates(f *testing.F) {
	for _, s := range []string{"Improve onboarding in 2026", "31 de marzo de 2026", "March 31st, 2026", "31/03/2026", "2026-06", "1.2.", "by 2026"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := maskDates(s)
		if len(m) != len(s) {
			t.Fatalf("maskDates(%q) = %q: length changed", s, m)
		}
		for i := 0; i < len(s); i++ {
			if m[i] != s[i] && (m[i] != ' ' || !(isDigit(s[i]) || strings.ContainsRune("/.-stndrhST", rune(s[i])))) {
				t.Fatalf("maskDates(%q) = %q: byte %d changed from %q", s, m, i, s[i])
			}
		}
		if hasNumber(m) && !hasNumber(s) {
			t.Fatalf("maskDates(%q) = %q states a number the title does not", s, m)
		}
	})
}
