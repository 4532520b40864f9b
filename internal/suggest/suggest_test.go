package suggest

import "testing"

func TestSuggest(t *testing.T) {
	candidates := []string{"target", "title", "baseline", "deadline"}
	tests := []struct{ in, want string }{
		{"targte", "target"},
		{"traget", "target"},
		{"Target", "target"},
		{"titel", "title"},
		{"baselin", "baseline"},
		{"dedline", "deadline"},
		{"owner", ""},
		{"x", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.in, candidates); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Closest("Objetive", []string{"Objective", "KPI"}); got != "Objective" {
		t.Errorf("Closest(Objetive) = %q", got)
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"target", "target", 0},
		{"targte", "target", 1},
		{"traget", "target", 1},
		{"kitten", "sitting", 3},
		{"visibilità", "visibilita", 1},
		{"ca", "abc", 3}, // optimal string alignment, not full Damerau
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
