package title

import (
	"fmt"
	"testing"
)

// BenchmarkRead reads a mix of titles in the three languages.
func BenchmarkRead(b *testing.B) {
	titles := []string{
		"Increase monthly qualified leads from 400 to 480",
		"Aumentare i lead qualificati del 20%: 1.200 nel trimestre (Q3: 1.004)",
		"Reducir el tiempo de respuesta de 10 a 7 horas",
		"Improve the onboarding flow for new users",
		"Mantener el valor medio por operación en al menos 18.000 EUR",
	}
	for b.Loop() {
		for _, t := range titles {
			Read(t)
		}
	}
}

// BenchmarkReadCorpus reads every golden title once per iteration: the
// labelled corpus in three languages, the extra titles and all of them in
// upper case.
func BenchmarkReadCorpus(b *testing.B) {
	titles := goldenTitles(b)
	for b.Loop() {
		for _, t := range titles {
			Read(t)
		}
	}
	b.ReportMetric(float64(len(titles)), "titles/op")
}

// BenchmarkReadSynth reads titles of the shape internal/synth generates
// for the repositories okrctl's speed targets are measured on.
func BenchmarkReadSynth(b *testing.B) {
	titles := make([]string, 64)
	for i := range titles {
		titles[i] = fmt.Sprintf("Move KPI %d from %d to %d by 2026-12-%02d", i%4, 100+i*13, 200+i*29, 1+i%28)
	}
	for b.Loop() {
		for _, t := range titles {
			Read(t)
		}
	}
}
