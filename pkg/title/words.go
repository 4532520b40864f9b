package title

import "strings"

// The vocabulary the reader knows, by language. Words are lower case; a
// word shared by two languages is listed in each.

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

func in(m map[string]struct{}, w string) bool { _, ok := m[w]; return ok }

// cue words tell the language of a title.
var (
	cueEN = set("the", "of", "to", "and", "from", "by", "with", "our", "for", "at", "on", "an", "least", "most",
		"under", "below", "new", "more", "than", "per", "each", "every", "within", "increase", "reduce", "grow",
		"improve", "raise", "cut", "reach", "keep", "get", "make", "be", "become", "customers", "leads", "deals",
		"sales", "revenue", "rate", "time", "our", "into", "across", "double", "halve", "triple", "launch", "hire",
		"close", "sign", "ship", "run", "book", "lift", "lower", "win", "deliver", "cost", "month", "week", "days")
	cueIT = set("il", "lo", "gli", "i", "le", "della", "delle", "degli", "dei", "di", "da", "dal", "dalla", "dai",
		"nel", "nella", "nelle", "negli", "nei", "entro", "e", "che", "sul", "sulla", "alla", "alle", "almeno",
		"sotto", "più", "nuovi", "nuove", "clienti", "mese", "settimana", "trimestre", "giorni", "ore", "anno",
		"fatturato", "vendite", "tasso", "costo", "ogni", "tra", "fra", "sopra", "oltre", "massimo", "minimo",
		"mila", "milioni", "milione", "cento", "mille", "dieci", "ad", "dell", "all", "nell", "sull", "l", "un'")
	cueES = set("el", "los", "las", "de", "en", "y", "por", "para", "menos", "más", "nuevos", "nuevas", "mes",
		"hasta", "antes", "desde", "días", "dias", "horas", "semana", "año", "ventas", "tasa", "coste", "costo",
		"clientes", "cada", "sobre", "bajo", "debajo", "encima", "máximo", "mínimo", "mil", "millones", "millón",
		"cien", "diez", "nuestro", "nuestra", "nuestros", "nuestras", "un", "una", "mitad", "trimestre", "como")
)

// Number words. "one", "un", "una", "uno" are articles far more often than
// numbers: they count only before a scale word (one thousand, un millón).
var numberWords = map[string]map[string]float64{
	"en": {
		"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
		"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
		"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
	},
	"it": {
		"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
		"undici": 11, "dodici": 12, "quindici": 15, "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50,
		"sessanta": 60, "settanta": 70, "ottanta": 80, "novanta": 90, "cento": 100, "duecento": 200,
		"trecento": 300, "quattrocento": 400, "cinquecento": 500, "seicento": 600, "settecento": 700,
		"ottocento": 800, "novecento": 900, "mille": 1000, "duemila": 2000, "tremila": 3000,
		"quattromila": 4000, "cinquemila": 5000, "diecimila": 10000, "ventimila": 20000,
		"centomila": 100000, "dozzina": 12,
	},
	"es": {
		"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
		"once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
		"sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
		"doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300, "cuatrocientos": 400,
		"quinientos": 500, "quinientas": 500, "seiscientos": 600, "setecientos": 700, "ochocientos": 800,
		"novecientos": 900, "mil": 1000, "docena": 12,
	},
}

// fractions after "by a", "di un", "en un" are relative changes, in
// percent: by a third, di un quarto, en un tercio.
var fractions = map[string]float64{"third": 100.0 / 3, "quarter": 25, "terzo": 100.0 / 3, "quarto": 25, "tercio": 100.0 / 3, "cuarto": 25}

// oneWords are "one" in each language: a number only before a scale word.
var oneWords = set("one", "a", "an", "un", "uno", "una")

// scaleWords multiply the number before them (80 mila, 1,2 milioni,
// one thousand, 2 mil). hundred multiplies what comes before it only.
var scaleWords = map[string]float64{
	"hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
	"mm": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
	"mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9, "mld": 1e9,
	"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6,
}

// percentWords follow a number to make it a percentage (15 per cento).
var percentWords = set("percent", "per cent", "pct", "per cento", "percento", "por ciento", "porciento")

// pointWords make a number a change in percentage points.
var pointWords = set("points", "point", "pp", "pt", "pts", "punti", "punto", "puntos", "p.p")

// currencyWords and symbols mark money, before or after the number.
var currencyWords = set("€", "$", "£", "eur", "euro", "euros", "usd", "dollars", "dollari", "dólares", "dolares", "gbp", "chf", "k€", "m€")

// unitWords after a number make it a measure, not a count of scope.
var unitWords = set(
	"seconds", "second", "sec", "secs", "minutes", "minute", "min", "mins", "hours", "hour", "hrs", "hr", "h",
	"days", "day", "d", "weeks", "week", "months", "month",
	"secondi", "secondo", "minuti", "minuto", "ore", "ora", "giorni", "giorno", "settimane", "settimana", "mesi", "mese",
	"segundos", "segundo", "minutos", "minuto", "horas", "hora", "días", "dias", "día", "dia", "semanas", "semana", "meses", "mes",
	"stars", "star", "stelle", "estrellas", "nps", "x",
)

// newWords after a count make it a count to reach (3 new markets).
var newWords = set("new", "more", "additional", "extra", "further", "nuovi", "nuove", "nuovo", "nuova", "altri", "altre",
	"ulteriori", "nuevos", "nuevas", "nuevo", "nueva", "más", "mas", "otros", "otras", "adicionales")

// scopeBefore are the determiners and prepositions after which a bare
// count names what is in scope, not a result: in 3 markets, the 5 pages,
// nelle 3 regioni, las 5 páginas.
var scopeBefore = set(
	"the", "our", "its", "their", "these", "those", "all", "in", "across", "for", "on", "among", "your", "my",
	"i", "gli", "le", "il", "lo", "la", "l", "nei", "negli", "nelle", "nel", "dei", "degli", "delle", "ai", "agli", "alle",
	"sui", "sugli", "sulle", "tutti", "tutte", "nostri", "nostre", "questi", "queste", "in", "su", "per", "tra", "fra",
	"los", "las", "el", "sus", "nuestros", "nuestras", "estos", "estas", "todos", "todas", "en", "para", "entre", "mis", "tus",
)

// labelBefore are nouns whose number is a name: phase 2, sprint 4.
var labelBefore = set("phase", "step", "wave", "sprint", "pillar", "priority", "version", "release", "milestone",
	"stage", "tier", "level", "no", "number", "n", "nº", "n°",
	"fase", "tappa", "ondata", "passo", "pilastro", "priorità", "versione", "livello", "numero", "paso", "ola", "pilar",
	"prioridad", "versión", "nivel", "número", "etapa", "web")

// fromWords open a range (from 400 to 480, da 400 a 480, dal 2,1% al
// 3%, de 45 a 35 días, desde 10 hasta 7); toWords close it.
var (
	fromWords = set("from", "da", "dal", "dallo", "dalla", "dai", "dagli", "dalle", "de", "del", "desde")
	toWords   = set("to", "a", "ad", "al", "allo", "alla", "ai", "agli", "alle", "hasta", "->", "→", "–", "-", "até")
)

// cmpWords put a bound on the target: at least 18.000 EUR, sotto i 45
// EUR, por debajo de 2 días. Two- and three-word phrases are joined by a
// space.
var cmpWords = set(
	"at least", "at most", "no more than", "no less than", "not more than", "not less than", "under", "below", "above",
	"over", "more than", "less than", "fewer than", "within", "up to", "beyond", "minimum", "maximum", "min", "max",
	"almeno", "al massimo", "al minimo", "non più di", "non meno di", "sotto", "sopra", "oltre", "più di", "meno di",
	"fino a", "massimo", "minimo", "sotto il", "sotto la", "oltre il", "sopra il", "al di sotto di", "al di sopra di", "inferiore a", "superiore a", "entro",
	"al menos", "como mínimo", "como máximo", "como minimo", "como maximo", "por debajo de", "por encima de",
	"más de", "menos de", "bajo", "por debajo del", "por encima del", "más del", "menos del", "hasta", "máximo", "mínimo", "no más de", "no menos de", "inferior a", "superior a",
	"≥", ">=", "≤", "<=", ">", "<",
)

// changeWords before a percentage or points make it a relative change: by
// 20%, del 20%, un 30%, en un 50%.
var changeWords = set("by", "del", "di", "un", "en", "of", "dello", "della")

// contextWords before a number make it a reference, not the target:
// (Q3: 1.004), vs 1,210, today 400.
var contextWords = set("vs", "versus", "compared", "today", "currently", "now", "was", "last", "previous", "baseline",
	"rispetto", "contro", "oggi", "attualmente", "ora", "era", "scorso", "precedente",
	"frente", "hoy", "actualmente", "era", "anterior", "pasado")

// monthNames put a day or a year next to them in time.
var monthNames = set(
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
	"enero", "febrero", "abril", "mayo", "junio", "julio", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
)

// yearBefore put a year in time: in 2026, by 2026, entro il 2026, antes
// de 2026, fine 2026.
var yearBefore = set("in", "by", "before", "until", "till", "through", "during", "since", "of", "for", "end", "from", "to",
	"nel", "entro", "del", "dal", "fino", "al", "prima", "per", "durante", "fine", "inizio", "dopo",
	"en", "para", "antes", "hasta", "de", "desde", "finales", "principios", "fin", "after", "año", "anno", "year")

// articles may stand between a preposition and what it governs.
var articles = set("il", "el", "la", "the", "l", "lo", "i", "le", "los", "las", "gli")

// halfWords after in/by/a la/della name a halving (cut in half, por la
// mitad, ridurre della metà).
var halfWords = set("half", "metà", "meta", "mitad")

// multiplierStem returns the factor of a verb that multiplies (double,
// raddoppiare, triplicar, halve, dimezzare…) from its first four letters,
// or 0. The factor applies to the baseline.
func multiplierStem(w string) float64 {
	if len(w) < 5 {
		return 0
	}
	switch w[:4] {
	case "doub":
		return 2
	case "radd":
		if strings.HasPrefix(w, "raddopp") {
			return 2
		}
	case "dobl":
		if strings.HasPrefix(w, "dobla") {
			return 2
		}
	case "trip":
		if strings.HasPrefix(w, "tripl") {
			return 3
		}
	case "quad", "cuad":
		if strings.HasPrefix(w[1:], "uadrupl") {
			return 4
		}
	case "quin":
		if strings.HasPrefix(w, "quintupl") {
			return 5
		}
	case "halv":
		return 0.5
	case "dime":
		if strings.HasPrefix(w, "dimezz") {
			return 0.5
		}
	case "dupl":
		// duplicar, duplica, duplicamos — not duplicate, duplicado.
		if strings.HasPrefix(w, "duplic") && !strings.HasPrefix(w, "duplicat") && !strings.HasSuffix(w, "ado") &&
			!strings.HasSuffix(w, "ados") && !strings.HasSuffix(w, "ada") && !strings.HasSuffix(w, "adas") {
			return 2
		}
	}
	return 0
}

// multiplierWords are single-word multipliers.
var multiplierWords = map[string]float64{"twice": 2, "twofold": 2, "threefold": 3, "tenfold": 10, "doppio": 2, "triplo": 3, "doble": 2, "triple": 3}

// rateWords name a rate. The value is the interval: week, month, quarter
// or day (which has no per: of its own).
var rateWords = map[string]string{
	"weekly": "week", "monthly": "month", "daily": "day", "quarterly": "quarter",
	"settimanale": "week", "settimanali": "week", "mensile": "month", "mensili": "month", "giornaliero": "day",
	"giornalieri": "day", "giornaliere": "day", "quotidiani": "day", "trimestrale": "quarter", "trimestrali": "quarter",
	"semanal": "week", "semanales": "week", "mensual": "month", "mensuales": "month", "diario": "day", "diarios": "day",
	"diarias": "day", "trimestral": "quarter", "trimestrales": "quarter",
}

// rateUnits are the nouns of "per month", "al mese", "a la semana".
var rateUnits = map[string]string{
	"week": "week", "month": "month", "day": "day", "quarter": "quarter", "wk": "week", "mo": "month",
	"settimana": "week", "mese": "month", "giorno": "day", "trimestre": "quarter",
	"semana": "week", "mes": "month", "día": "day", "dia": "day",
}

// rateBefore introduce a rate unit: per month, a week, each month, al
// mese, alla settimana, ogni mese, a la semana, al mes, por mes, cada mes.
var rateBefore = set("per", "a", "an", "each", "every", "/", "al", "alla", "ogni", "a la", "por", "cada", "x")

// Flags of the words (and symbols) of the vocabulary, looked up once per
// token when the title is split, so that reading a title costs one map
// lookup a token.
const (
	hotEN uint32 = 1 << iota
	hotIT
	hotES
	hotRate         // a rate word: monthly, mensili
	hotRateBefore   // per, al, ogni, cada…
	hotMultiplier   // twice, doppio
	hotHalf         // half, metà, mitad
	hotCurrency     // €, eur, euro…
	hotUnit         // days, ore, horas…
	hotPoint        // points, punti, puntos
	hotPercentStart // the first word of percent, per cento, por ciento
	hotCmpEnd       // the last word of a comparison phrase
	hotChangeEnd    // the last word of a change phrase
	hotScope        // scopeBefore
	hotArticle      // articles
	hotYearBefore   // yearBefore
	hotMonth        // month names
	hotLabel        // labelBefore
	hotContext      // contextWords
	hotReach        // reachVerbs
	hotNew          // newWords
	hotFrom         // fromWords
	hotTo           // toWords
	hotFunction     // functionWords
	hotOne          // one, a, un, uno, una
	hotNumber       // a number word of any language: ten, dieci, mil
	hotScale        // a scale word: thousand, mila, millones, k
)

var hotWords = func() map[string]uint32 {
	m := map[string]uint32{}
	add := func(s map[string]struct{}, f uint32) {
		for w := range s {
			m[w] |= f
		}
	}
	edge := func(s map[string]struct{}, f uint32, last bool) {
		for w := range s {
			ws := strings.Fields(w)
			if last {
				m[ws[len(ws)-1]] |= f
			} else {
				m[ws[0]] |= f
			}
		}
	}
	add(cueEN, hotEN)
	add(cueIT, hotIT)
	add(cueES, hotES)
	add(rateBefore, hotRateBefore)
	add(halfWords, hotHalf)
	for w := range rateWords {
		m[w] |= hotRate
	}
	for w := range multiplierWords {
		m[w] |= hotMultiplier
	}
	add(currencyWords, hotCurrency)
	add(unitWords, hotUnit)
	add(pointWords, hotPoint)
	edge(percentWords, hotPercentStart, false)
	edge(cmpWords, hotCmpEnd, true)
	edge(changeWords, hotChangeEnd, true)
	add(scopeBefore, hotScope)
	add(articles, hotArticle)
	add(yearBefore, hotYearBefore)
	add(monthNames, hotMonth)
	add(labelBefore, hotLabel)
	add(contextWords, hotContext)
	add(reachVerbs, hotReach)
	add(newWords, hotNew)
	add(fromWords, hotFrom)
	add(toWords, hotTo)
	add(functionWords, hotFunction)
	add(oneWords, hotOne)
	for _, ws := range numberWords {
		for w := range ws {
			m[w] |= hotNumber
		}
	}
	for w := range scaleWords {
		m[w] |= hotScale
	}
	return m
}()

// maybeHot is a filter before hotWords: a word whose length, first and
// last letters no vocabulary word has is not looked up. Words longer than
// 15 bytes or starting or ending outside a–z are always looked up.
var maybeHot = func() (m [16][26]uint32) {
	for w := range hotWords {
		if n := len(w); n < 16 && w[0] >= 'a' && w[0] <= 'z' && w[n-1] >= 'a' && w[n-1] <= 'z' {
			m[n][w[0]-'a'] |= 1 << (w[n-1] - 'a')
		}
	}
	return
}()

// hotFlags returns the flags of a word or symbol.
func hotFlags(w string) uint32 {
	if n := len(w); n < 16 && w[0] >= 'a' && w[0] <= 'z' && w[n-1] >= 'a' && w[n-1] <= 'z' &&
		maybeHot[n][w[0]-'a']&(1<<(w[n-1]-'a')) == 0 {
		return 0
	}
	return hotWords[w]
}
