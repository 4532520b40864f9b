package title

import "testing"

// TestVocabulary checks what the reader takes for granted of the
// vocabulary's entries.
func TestVocabulary(t *testing.T) {
	v := newVocabulary()
	n := 0
	for _, i := range v.slots {
		if i == 0 {
			continue
		}
		n++
		e := &v.entries[i]
		w := e.text
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
		if got := v.lookup(w); got != i {
			t.Errorf("lookup(%q) misses its entry", w)
		}
	}
	if n > vocabSlots/2 {
		t.Errorf("%d entries fill more than half of the table's %d slots", n, vocabSlots)
	}
	if e := v.lookup("leadership"); e != 0 {
		t.Errorf("lookup(leadership) = %+v, want unknown", v.entries[e])
	}
	if v.entries[0] != (entry{}) {
		t.Errorf("the entry of unknown words says %+v", v.entries[0])
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
