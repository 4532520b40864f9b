package title

import (
	"strings"
	"testing"
)

// TestVocabulary checks what the reader takes for granted of the
// vocabulary's entries.
func TestVocabulary(t *testing.T) {
	v := newVocabulary()
	for w, e := range v.entries {
		if e.text != w {
			t.Errorf("entry %q has text %q", w, e.text)
		}
		// Tokens lexNumber reads are never looked up.
		if w[0] >= '0' && w[0] <= '9' {
			t.Errorf("entry %q starts with a digit", w)
		}
		if e.flags&hotRate != 0 && e.flags&hotRateUnit != 0 {
			t.Errorf("%q is both a rate word and a rate unit: one interval cannot say both", w)
		}
		if e.flags&(hotRate|hotRateUnit) != 0 && e.interval == "" {
			t.Errorf("rate word %q names no interval", w)
		}
		if got := v.lookup(w); got != e && !strings.Contains(w, " ") {
			t.Errorf("lookup(%q) misses its entry", w)
		}
	}
	if e := v.lookup("leadership"); e != &unknown {
		t.Errorf("lookup(leadership) = %+v, want unknown", e)
	}
}

// BenchmarkVocabulary measures building the vocabulary, which the first
// title read pays for.
func BenchmarkVocabulary(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		newVocabulary()
	}
}
