package title

import (
	"math"
	"testing"
	"unicode/utf8"
)

// FuzzRead checks that Read never panics, keeps every number inside the
// title, and gives every number a role.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Generare 1.500 MQL (Q3: 1.210)", "from 400 to 480", "dal 2,1% al 3%", "€1.2m", "$22k", "1 500 000 euros",
		"Reducir a la mitad", "31/12/2026", "2026-Q1", "one thousand", "x2", "1.2.3", "+-5%", "((((", "9999-99-99",
		"de 45 a 35 días", "al menos 18.000 EUR", "8,5 su 10", "1,2 mil millones", "\u00a0500\u202f000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st := Read(s)
		if st.Lang != "en" && st.Lang != "it" && st.Lang != "es" {
			t.Fatalf("Read(%q): language %q", s, st.Lang)
		}
		for _, n := range st.Numbers {
			if n.Start < 0 || n.End > len(s) || n.Start > n.End || s[n.Start:n.End] != n.Text {
				t.Fatalf("Read(%q): number %+v is not in the title", s, n)
			}
			if n.Role == 0 {
				t.Fatalf("Read(%q): number %q has no role", s, n.Text)
			}
			if n.Role != Date && (math.IsNaN(n.Value) || math.IsInf(n.Value, 0)) && utf8.ValidString(s) {
				t.Fatalf("Read(%q): number %q has no value", s, n.Text)
			}
		}
	})
}
