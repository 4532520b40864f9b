package title

import "testing"

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
