package title

import (
	"math"
	"strings"
	"testing"
	"time"
)

// want describes a number expected in a title: role, value and flags.
type want struct {
	role  Role
	value float64
	pct   bool
}

func TestRead(t *testing.T) {
	tests := []struct {
		title  string
		lang   string
		states bool
		factor float64
		rate   string
		nums   []want // the numbers that are not dates, in order
	}{
		// Digits with either thousands convention, decimals, scales.
		{"Generate 1,500 leads", "en", true, 0, "", []want{{Target, 1500, false}}},
		{"Generare 1.500 MQL", "it", true, 0, "", []want{{Target, 1500, false}}},
		{"Conseguir 1 500 clientes", "es", true, 0, "", []want{{Target, 1500, false}}},
		{"Fatturare 1.200.000 euro", "it", true, 0, "", []want{{Target, 1.2e6, false}}},
		{"Portare il ROAS a 2,5", "it", true, 0, "", []want{{Target, 2.5, false}}},
		{"Raise ROAS to 2.5", "en", true, 0, "", []want{{Target, 2.5, false}}},
		{"Portare il fatturato a 1,2 milioni", "it", true, 0, "", []want{{Target, 1.2e6, false}}},
		{"Grow ARR to 1.2M", "en", true, 0, "", []want{{Target, 1.2e6, false}}},
		{"Raise revenue to €1.2m", "en", true, 0, "", []want{{Target, 1.2e6, false}}},
		{"Grow MRR to $22k", "en", true, 0, "", []want{{Target, 22000, false}}},
		{"Vendere 80.000 euro di servizi", "it", true, 0, "", []want{{Target, 80000, false}}},
		{"Facturar 850.000 €", "es", true, 0, "", []want{{Target, 850000, false}}},
		{"Facturar 80 mil euros", "es", true, 0, "", []want{{Target, 80000, false}}},
		{"Reach 1e6 impressions", "en", true, 0, "", []want{{Target, 1e6, false}}},
		// Percentages.
		{"Reach 15% market share", "en", true, 0, "", []want{{Target, 15, true}}},
		{"Aumentare le vendite del 15 per cento", "it", true, 0, "", []want{{Change, 15, true}}},
		{"Incrementar las ventas un 15 por ciento", "es", true, 0, "", []want{{Change, 15, true}}},
		{"Grow signups by 20%", "en", true, 0, "", []want{{Change, 20, true}}},
		{"Incrementar las llamadas en un 50%", "es", true, 0, "", []want{{Change, 50, true}}},
		// Ranges.
		{"Increase qualified leads from 400 to 480", "en", true, 0, "", []want{{From, 400, false}, {Target, 480, false}}},
		// A year-like end of a range of plain numbers is its target, not a year.
		{"Move KPI 1 from 996 to 1992 by 2026-12-15", "en", true, 0, "", []want{{Target, 1, false}, {From, 996, false}, {Target, 1992, false}}},
		{"Aumentare i lead da 400 a 480", "it", true, 0, "", []want{{From, 400, false}, {Target, 480, false}}},
		{"Portare la conversione dal 2,1% al 3%", "it", true, 0, "", []want{{From, 2.1, true}, {Target, 3, true}}},
		{"Reducir el ciclo de 45 a 35 días", "es", true, 0, "", []want{{From, 45, false}, {Target, 35, false}}},
		{"Cut the cost per lead from EUR 48 to EUR 38", "en", true, 0, "", []want{{From, 48, false}, {Target, 38, false}}},
		{"NPS 32 → 40", "en", true, 0, "", []want{{From, 32, false}, {Target, 40, false}}},
		{"Raise NPS from -10 to +5", "en", true, 0, "", []want{{From, -10, false}, {Target, 5, false}}},
		{"Cut churn by -15%", "en", true, 0, "", []want{{Change, -15, true}}},
		// Comparisons.
		{"Keep churn at least under 2%", "en", true, 0, "", []want{{Target, 2, true}}},
		{"Mantenere almeno 40 demo", "it", true, 0, "", []want{{Target, 40, false}}},
		{"Mantener al menos 18.000 EUR por operación", "es", true, 0, "", []want{{Target, 18000, false}}},
		{"Tenere il costo per lead sotto i 45 EUR", "it", true, 0, "", []want{{Target, 45, false}}},
		{"Mantener el tiempo por debajo de 2 días", "es", true, 0, "", []want{{Target, 2, false}}},
		{"Keep customer satisfaction at 8.5 out of 10 or higher", "en", true, 0, "", []want{{Target, 8.5, false}, {OutOf, 10, false}}},
		// Number words.
		{"Close ten new enterprise deals", "en", true, 0, "", []want{{Target, 10, false}}},
		{"Reach one thousand paying customers", "en", true, 0, "", []want{{Target, 1000, false}}},
		{"Chiudere dieci contratti", "it", true, 0, "", []want{{Target, 10, false}}},
		{"Acquisire cento nuovi clienti", "it", true, 0, "", []want{{Target, 100, false}}},
		{"Raggiungere mille iscritti", "it", true, 0, "", []want{{Target, 1000, false}}},
		{"Cerrar diez contratos", "es", true, 0, "", []want{{Target, 10, false}}},
		{"Conseguir cien nuevos clientes", "es", true, 0, "", []want{{Target, 100, false}}},
		{"Conseguir mil suscriptores", "es", true, 0, "", []want{{Target, 1000, false}}},
		{"Sign two hundred and fifty customers", "en", true, 0, "", []want{{Target, 250, false}}},
		{"Launch a new website", "en", false, 0, "", nil},
		{"Lanciare una nuova campagna", "it", false, 0, "", nil},
		{"Contact every lead once", "en", false, 0, "", nil},
		// Multipliers.
		{"Double the number of demo requests", "en", true, 2, "", nil},
		{"Halve the time to first response", "en", true, 0.5, "", nil},
		{"Triple trial signups", "en", true, 3, "", nil},
		{"Cut churn in half", "en", true, 0.5, "", nil},
		{"Raddoppiare le richieste di demo", "it", true, 2, "", nil},
		{"Triplicare le iscrizioni", "it", true, 3, "", nil},
		{"Dimezzare il tempo medio di risposta", "it", true, 0.5, "", nil},
		{"Duplicar las solicitudes de demo", "es", true, 2, "", nil},
		{"Triplicar los registros", "es", true, 3, "", nil},
		{"Reducir a la mitad el tiempo de respuesta", "es", true, 0.5, "", nil},
		{"Grow pipeline 3x", "en", true, 3, "", []want{{Factor, 3, false}}},
		{"Raise ROAS from 2.5x to 3.2x", "en", true, 0, "", []want{{From, 2.5, false}, {Target, 3.2, false}}},
		{"Portare il ROAS a 4x", "it", true, 0, "", []want{{Target, 4, false}}},
		{"Cut unsubscribe rate by a third", "en", true, 0, "", []want{{Change, 100.0 / 3, true}}},
		{"Ridurre di un terzo le disiscrizioni", "it", true, 0, "", []want{{Change, 100.0 / 3, true}}},
		{"Reducir en un tercio las bajas", "es", true, 0, "", []want{{Change, 100.0 / 3, true}}},
		{"Launch the portal in a quarter", "en", false, 0, "", nil},
		{"Double down on SEO", "en", false, 0, "", nil},
		{"Remove duplicate contacts", "en", false, 0, "", nil},
		{"Eliminar los registros duplicados", "es", false, 0, "", nil},
		// Dates and periods state no target.
		{"Chiudere il progetto entro il 31/12/2026", "it", false, 0, "", nil},
		{"Launch the new site in Q4", "en", false, 0, "", nil},
		{"Make 2027 our best year ever", "en", false, 0, "", nil},
		{"Mejorar el NPS antes del 31 de marzo de 2026", "es", false, 0, "", nil},
		{"Ship the portal by March 31, 2026", "en", false, 0, "", nil},
		{"Lanzar la web en 2026-Q3", "es", false, 0, "", nil},
		{"Hire 2026 engineers", "en", true, 0, "", []want{{Target, 2026, false}}},
		// Scope, labels, context.
		{"Improve brand awareness in 3 key markets", "en", false, 0, "", []want{{Scope, 3, false}}},
		{"Ottimizzare le 5 landing page principali", "it", false, 0, "", []want{{Scope, 5, false}}},
		{"Rafforzare la presenza nelle 3 regioni del nord", "it", false, 0, "", []want{{Scope, 3, false}}},
		{"Potenciar la marca en las 3 ferias del sector", "es", false, 0, "", []want{{Scope, 3, false}}},
		{"Expand into 3 new markets", "en", true, 0, "", []want{{Target, 3, false}}},
		{"Raggiungere i 500 clienti paganti", "it", true, 0, "", []want{{Target, 500, false}}},
		{"Top 3 priority: a better onboarding flow", "en", false, 0, "", []want{{Label, 3, false}}},
		{"Be the go-to agency for B2B SaaS", "en", false, 0, "", nil},
		{"Finish phase 2 of the CRM rollout", "en", false, 0, "", []want{{Label, 2, false}}},
		{"Generate 1,500 leads in Q4 (Q3 closed at 1,362)", "en", true, 0, "", []want{{Target, 1500, false}, {Context, 1362, false}}},
		// Rates.
		{"Increase monthly qualified leads from 400 to 480", "en", true, 0, "month", []want{{From, 400, false}, {Target, 480, false}}},
		{"Book 40 demos per week", "en", true, 0, "week", []want{{Target, 40, false}}},
		{"Generare 1.500 MQL al mese", "it", true, 0, "month", []want{{Target, 1500, false}}},
		{"Portare le demo mensili a 60", "it", true, 0, "month", []want{{Target, 60, false}}},
		{"Conseguir 200 clientes a la semana", "es", true, 0, "week", []want{{Target, 200, false}}},
		{"Duplicar las altas mensuales", "es", true, 2, "month", nil},
		{"Launch the app in a month", "en", false, 0, "", nil},
	}
	for _, tt := range tests {
		st := Read(tt.title)
		if st.Lang != tt.lang {
			t.Errorf("%q: language %s, want %s", tt.title, st.Lang, tt.lang)
		}
		if st.StatesTarget() != tt.states {
			t.Errorf("%q: StatesTarget %v, want %v (%+v)", tt.title, st.StatesTarget(), tt.states, st.Numbers)
		}
		if st.Factor != tt.factor {
			t.Errorf("%q: factor %v, want %v", tt.title, st.Factor, tt.factor)
		}
		if st.Rate != tt.rate {
			t.Errorf("%q: rate %q, want %q", tt.title, st.Rate, tt.rate)
		}
		var got []want
		for _, n := range st.Numbers {
			if n.Role != Date {
				got = append(got, want{n.Role, n.Value, n.Percent})
			}
		}
		if len(got) != len(tt.nums) {
			t.Errorf("%q: numbers %v, want %v", tt.title, got, tt.nums)
			continue
		}
		for i := range got {
			if got[i].role != tt.nums[i].role || math.Abs(got[i].value-tt.nums[i].value) > 1e-9 || got[i].pct != tt.nums[i].pct {
				t.Errorf("%q: number %d is %v, want %v", tt.title, i, got[i], tt.nums[i])
			}
		}
	}
}

// TestAlternative checks the second reading of an ambiguous separator and
// whether the title's language allows it.
func TestAlternative(t *testing.T) {
	tests := []struct {
		title      string
		value, alt float64
		altOK      bool
	}{
		{"Generare 1.500 MQL", 1500, 1.5, false},
		{"Generate 1,500 leads", 1500, 1.5, false},
		{"Generate 1.500 leads", 1.5, 1500, true},
		{"Generare 1,500 lead", 1.5, 1500, true},
		{"Generare 1.500,5 lead", 1500.5, math.NaN(), false},
	}
	for _, tt := range tests {
		st := Read(tt.title)
		n := st.Targets()
		if len(n) != 1 {
			t.Fatalf("%q: targets %+v", tt.title, st.Numbers)
		}
		if n[0].Value != tt.value || (n[0].Alt != tt.alt && !(math.IsNaN(tt.alt) && math.IsNaN(n[0].Alt))) || n[0].AltOK != tt.altOK {
			t.Errorf("%q: %v alt %v ok %v, want %v alt %v ok %v", tt.title, n[0].Value, n[0].Alt, n[0].AltOK, tt.value, tt.alt, tt.altOK)
		}
	}
}

// TestReadLong checks that a very long title is read in bounded time.
func TestReadLong(t *testing.T) {
	long := strings.Repeat("from 1.500,5 to (2,5% da 3 a 4 dal 1 al 2 ", 20000)
	start := time.Now()
	Read(long)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Read of %d bytes took %v", len(long), d)
	}
}
