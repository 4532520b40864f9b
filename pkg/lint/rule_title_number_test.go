package lint

import (
	"strings"
	"testing"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/title"
)

func TestInWords(t *testing.T) {
	tests := map[float64]string{
		0: "zero", 7: "seven", 21: "twenty-one", 100: "one hundred", 1500: "one thousand five hundred",
		850000: "eight hundred fifty thousand", 1200000: "one million two hundred thousand", 1.5: "1.5", -3: "-3",
	}
	for v, want := range tests {
		if got := inWords(v); got != want {
			t.Errorf("inWords(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestTitleDisagreementMessages checks what each kind of disagreement
// says.
func TestTitleDisagreementMessages(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		title            string
		baseline, target *float64
		field, want      string
	}{
		{"Generare 1.500 MQL", nil, f(1.5), "target", "the title says 1.500 — one thousand five hundred in Italian — but target: 1.5: write target: 1500"},
		{"Facturar 850.000 €", nil, f(780000), "target", "the title says 850.000 € but target: 780000"},
		{"Run 260 demos", nil, f(260000), "target", "the title says 260 but target: 260000 (a factor of 1,000: is a thousands separator missing or misread? 260 is two hundred sixty)"},
		{"Grow leads from 400 to 480", f(380), f(480), "baseline", "the title says from 400 but baseline: 380"},
		{"Double the demo requests", f(120), f(200), "target", `the title says "Double" (×2) but baseline: 120 → target: 200 is ×1.67; write target: 240`},
		{"Grow subscribers by 20%", f(5000), f(7000), "target", "the title says 20% but baseline: 5000 → target: 7000 is +40.0%"},
		{"Close ten deals", nil, f(12), "target", "the title says ten but target: 12 (ten is 10)"},
		{"Improve onboarding in 3 markets", nil, f(40), "", ""},
	}
	for _, tt := range tests {
		st := title.Read(tt.title)
		field, msg := titleDisagreement(&st, &okr.KeyResult{Title: tt.title, Baseline: tt.baseline, Target: tt.target})
		if field != tt.field || msg != tt.want {
			t.Errorf("%q: %s %q, want %s %q", tt.title, field, msg, tt.field, tt.want)
		}
	}
}

func TestActivity(t *testing.T) {
	tests := map[string]string{
		"Launch the partner portal by 2026-03-31":     "Launch the partner portal",
		"Launch the portal by March 31, 2026":         "Launch the portal",
		"Lanzar la nueva web antes del 31/03/2026":    "Lanzar la nueva web",
		"Lanciare il sito entro il 31/12/2026":        "Lanciare il sito",
		"Ship the wizard":                             "Ship the wizard",
		"2026-03-31":                                  "the title",
		strings.Repeat("Launch and launch again ", 5): strings.Repeat("Launch and launch again ", 3)[:59] + "…",
	}
	for in, want := range tests {
		st := title.Read(in)
		if got := activity(in, &st); got != want {
			t.Errorf("activity(%q) = %q, want %q", in, got, want)
		}
	}
}
