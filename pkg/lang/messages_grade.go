package lang

// Messages about grades, coverage, staleness, forecasts and rates.
func init() {
	add(map[string]Text{
		"grade.means_green_aspirational":  {"success for an aspirational objective", "successo per un obiettivo aspirazionale", "éxito para un objetivo aspiracional"},
		"grade.means_yellow_aspirational": {"progress, short of success for an aspirational objective", "progressi, sotto il successo per un obiettivo aspirazionale", "avance, por debajo del éxito para un objetivo aspiracional"},
		"grade.means_red_aspirational":    {"a miss for an aspirational objective", "mancato per un obiettivo aspirazionale", "no logrado para un objetivo aspiracional"},
		"grade.means_green_committed":     {"success for a committed objective", "successo per un obiettivo vincolante", "éxito para un objetivo comprometido"},
		"grade.means_yellow_committed":    {"progress, short of success for a committed objective", "progressi, sotto il successo per un obiettivo vincolante", "avance, por debajo del éxito para un objetivo comprometido"},
		"grade.means_red_committed":       {"a miss for a committed objective", "mancato per un obiettivo vincolante", "no logrado para un objetivo comprometido"},
		"grade.stale_mark":                {"(stale)", "(non aggiornato)", "(desactualizado)"},
		"grade.data_ends":                 {"data ends %s", "dati fino al %s", "datos hasta el %s"},
		"grade.deadline":                  {"; deadline %s", "; scadenza %s", "; fecha límite %s"},
		"grade.coverage":                  {"%[1]s of %[2]s measured", "%[1]s di %[2]s misurati", "%[1]s de %[2]s medidos"},
		"grade.forecast_short": {
			"%[1]s now, but the forecast %[2]s falls short of the target %[3]s by %[4]s.",
			"%[1]s ora, ma la previsione %[2]s resta sotto il target %[3]s entro il %[4]s.",
			"%[1]s ahora, pero la previsión %[2]s queda por debajo de la meta %[3]s para el %[4]s.",
		},

		"per.week":    {"week", "settimana", "semana"},
		"per.month":   {"month", "mese", "mes"},
		"per.quarter": {"quarter", "trimestre", "trimestre"},

		"word.snapshot":       {"snapshot|snapshots", "rilevazione|rilevazioni", "medición|mediciones"},
		"md.checkin":          {"Check-in at %s", "Check-in in %s", "Check-in en %s"},
		"md.rate_of":          {"%[1]s: %[2]s over %[3]s (%[4]s), the last at %[5]s", "%[1]s: %[2]s su %[3]s (%[4]s), l'ultima in %[5]s", "%[1]s: %[2]s en %[3]s (%[4]s), la última en %[5]s"},
		"md.default_base_per": {"Default baseline: %[1]s over the last complete %[2]s before the period, the last snapshot at %[3]s", "Base predefinita: %[1]s nell'ultimo %[2]s completo prima del periodo, l'ultima rilevazione in %[3]s", "Base por defecto: %[1]s en el último %[2]s completo antes del periodo, la última medición en %[3]s"},
		"chart.per":           {"per %s", "per %s", "por %s"},
		"chart.the_rate":      {"%[1]s over the latest complete %[2]s on each date up to the as-of date", "%[1]s nell'ultimo %[2]s completo a ogni data fino alla data di riferimento", "%[1]s en el último %[2]s completo en cada fecha hasta la fecha de referencia"},
		"report.no_complete":  {"no complete %[1]s of %[2]s in its window up to %[3]s.", "nessun %[1]s completo di %[2]s nel suo intervallo fino al %[3]s.", "ningún %[1]s completo de %[2]s en su intervalo hasta el %[3]s."},
		"report.dated_after":  {"no current value: its value is dated %[1]s, after %[2]s.", "nessun valore attuale: il suo valore è datato %[1]s, dopo il %[2]s.", "ningún valor actual: su valor tiene fecha %[1]s, posterior al %[2]s."},
	})
}
