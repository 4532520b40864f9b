package lang

// Messages of `okrctl status`: statuses, grades, the table's columns and
// its sentences. English statuses keep their identifiers (on_track), as in
// the JSON output and the YAML tooling.
func init() {
	add(map[string]Text{
		"status.achieved":  {"achieved", "raggiunto", "logrado"},
		"status.on_track":  {"on_track", "in linea", "en camino"},
		"status.at_risk":   {"at_risk", "a rischio", "en riesgo"},
		"status.off_track": {"off_track", "fuori rotta", "desviado"},
		"status.missed":    {"missed", "mancato", "no logrado"},
		"status.no_data":   {"no_data", "senza dati", "sin datos"},

		"grade.green":  {"green", "verde", "verde"},
		"grade.yellow": {"yellow", "giallo", "amarillo"},
		"grade.red":    {"red", "rosso", "rojo"},

		"commitment.committed":    {"committed", "vincolante", "comprometido"},
		"commitment.aspirational": {"aspirational", "aspirazionale", "aspiracional"},

		"word.objective":  {"objective|objectives", "obiettivo|obiettivi", "objetivo|objetivos"},
		"word.key_result": {"key result|key results", "risultato chiave|risultati chiave", "resultado clave|resultados clave"},
		"word.error":      {"error|errors", "errore|errori", "error|errores"},
		"word.warning":    {"warning|warnings", "avviso|avvisi", "aviso|avisos"},

		"col.objective":      {"OBJECTIVE", "OBIETTIVO", "OBJETIVO"},
		"col.key_result":     {"KEY RESULT", "RISULTATO CHIAVE", "RESULTADO CLAVE"},
		"col.objective_kr":   {"OBJECTIVE / KEY RESULT", "OBIETTIVO / RISULTATO CHIAVE", "OBJETIVO / RESULTADO CLAVE"},
		"col.current":        {"CURRENT", "ATTUALE", "ACTUAL"},
		"col.target":         {"TARGET", "TARGET", "META"},
		"col.current_target": {"CURRENT → TARGET", "ATTUALE → TARGET", "ACTUAL → META"},
		"col.progress":       {"PROGRESS", "AVANZAMENTO", "PROGRESO"},
		"col.expected":       {"EXPECTED", "ATTESO", "ESPERADO"},
		"col.status":         {"STATUS", "STATO", "ESTADO"},
		"col.forecast":       {"FORECAST", "PREVISIONE", "PREVISIÓN"},
		"col.confidence":     {"CONFIDENCE", "FIDUCIA", "CONFIANZA"},

		"table.committed":  {"(committed)", "(vincolante)", "(comprometido)"},
		"status.footer":    {"As of %[1]s%[2]s: %[3]s.", "Al %[1]s%[2]s: %[3]s.", "A %[1]s%[2]s: %[3]s."},
		"status.in_period": {" in %s", " in %s", " en %s"},

		"empty.none":        {"No objectives", "Nessun obiettivo", "Ningún objetivo"},
		"empty.in_period":   {" in %s", " in %s", " en %s"},
		"empty.of_owners":   {" of %s", " di %s", " de %s"},
		"empty.with_status": {" with status %s", " con stato %s", " con estado %s"},
		"empty.as_of":       {"%[1]s as of %[2]s.", "%[1]s al %[2]s.", "%[1]s a %[2]s."},
		"empty.exists": {
			"The repository has objectives in %[1]s, of the owners %[2]s.",
			"Il repository ha obiettivi in %[1]s, dei responsabili %[2]s.",
			"El repositorio tiene objetivos en %[1]s, de los responsables %[2]s.",
		},
	})
}
