package lint

import (
	"regexp"
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
