package lint

import (
	"testing"
)

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
