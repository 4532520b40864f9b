package title

import (
	"strings"
	"sync"
)

// The vocabulary the reader knows, by language. Words are lower case; a
// word shared by two languages is listed in each. The lists below are
// data the linker lays out; the table the reader looks words up in
// (vocabulary) is built from them when the first title is read, so that a
// command that reads no title pays nothing for it.

// wordValue is a word and the number it stands for.
type wordValue struct {
	w string
	v float64
}

// wordInterval is a word and the interval of time it names.
type wordInterval struct {
	w, interval string
}

// The languages of a title, in the order of numberWords.
const (
	langEN = iota
	langIT
	langES
	nLangs
)

// langs are the names of the languages, as Statement.Lang gives them.
var langs = [nLangs]string{"en", "it", "es"}

// cue words tell the language of a title.
var (
	cueEN = []string{"the", "of", "to", "and", "from", "by", "with", "our", "for", "at", "on", "an", "least", "most",
		"under", "below", "new", "more", "than", "per", "each", "every", "within", "increase", "reduce", "grow",
		"improve", "raise", "cut", "reach", "keep", "get", "make", "be", "become", "customers", "leads", "deals",
		"sales", "revenue", "rate", "time", "our", "into", "across", "double", "halve", "triple", "launch", "hire",
		"close", "sign", "ship", "run", "book", "lift", "lower", "win", "deliver", "cost", "month", "week", "days"}
	cueIT = []string{"il", "lo", "gli", "i", "le", "della", "delle", "degli", "dei", "di", "da", "dal", "dalla", "dai",
		"nel", "nella", "nelle", "negli", "nei", "entro", "e", "che", "sul", "sulla", "alla", "alle", "almeno",
		"sotto", "più", "nuovi", "nuove", "clienti", "mese", "settimana", "trimestre", "giorni", "ore", "anno",
		"fatturato", "vendite", "tasso", "costo", "ogni", "tra", "fra", "sopra", "oltre", "massimo", "minimo",
		"mila", "milioni", "milione", "cento", "mille", "dieci", "ad", "dell", "all", "nell", "sull", "l", "un'"}
	cueES = []string{"el", "los", "las", "de", "en", "y", "por", "para", "menos", "más", "nuevos", "nuevas", "mes",
		"hasta", "antes", "desde", "días", "dias", "horas", "semana", "año", "ventas", "tasa", "coste", "costo",
		"clientes", "cada", "sobre", "bajo", "debajo", "encima", "máximo", "mínimo", "mil", "millones", "millón",
		"cien", "diez", "nuestro", "nuestra", "nuestros", "nuestras", "un", "una", "mitad", "trimestre", "como"}
)

// Number words. "one", "un", "una", "uno" are articles far more often than
// numbers: they count only before a scale word (one thousand, un millón).
var numberWords = [nLangs][]wordValue{
	langEN: {
		{"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10},
		{"eleven", 11}, {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},
		{"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
		{"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"dozen", 12},
	},
	langIT: {
		{"due", 2}, {"tre", 3}, {"quattro", 4}, {"cinque", 5}, {"sei", 6}, {"sette", 7}, {"otto", 8}, {"nove", 9}, {"dieci", 10},
		{"undici", 11}, {"dodici", 12}, {"quindici", 15}, {"venti", 20}, {"trenta", 30}, {"quaranta", 40}, {"cinquanta", 50},
		{"sessanta", 60}, {"settanta", 70}, {"ottanta", 80}, {"novanta", 90}, {"cento", 100}, {"duecento", 200},
		{"trecento", 300}, {"quattrocento", 400}, {"cinquecento", 500}, {"seicento", 600}, {"settecento", 700},
		{"ottocento", 800}, {"novecento", 900}, {"mille", 1000}, {"duemila", 2000}, {"tremila", 3000},
		{"quattromila", 4000}, {"cinquemila", 5000}, {"diecimila", 10000}, {"ventimila", 20000},
		{"centomila", 100000}, {"dozzina", 12},
	},
	langES: {
		{"dos", 2}, {"tres", 3}, {"cuatro", 4}, {"cinco", 5}, {"seis", 6}, {"siete", 7}, {"ocho", 8}, {"nueve", 9}, {"diez", 10},
		{"once", 11}, {"doce", 12}, {"quince", 15}, {"veinte", 20}, {"treinta", 30}, {"cuarenta", 40}, {"cincuenta", 50},
		{"sesenta", 60}, {"setenta", 70}, {"ochenta", 80}, {"noventa", 90}, {"cien", 100}, {"ciento", 100},
		{"doscientos", 200}, {"doscientas", 200}, {"trescientos", 300}, {"trescientas", 300}, {"cuatrocientos", 400},
		{"quinientos", 500}, {"quinientas", 500}, {"seiscientos", 600}, {"setecientos", 700}, {"ochocientos", 800},
		{"novecientos", 900}, {"mil", 1000}, {"docena", 12},
	},
}

// fractions after "by a", "di un", "en un" are relative changes, in
// percent: by a third, di un quarto, en un tercio.
var fractions = []wordValue{{"third", 100.0 / 3}, {"quarter", 25}, {"terzo", 100.0 / 3}, {"quarto", 25}, {"tercio", 100.0 / 3}, {"cuarto", 25}}

// oneWords are "one" in each language: a number only before a scale word.
var oneWords = []string{"one", "a", "an", "un", "uno", "una"}

// scaleWords multiply the number before them (80 mila, 1,2 milioni,
// one thousand, 2 mil). hundred multiplies what comes before it only.
var scaleWords = []wordValue{
	{"hundred", 100}, {"thousand", 1e3}, {"k", 1e3}, {"million", 1e6}, {"millions", 1e6}, {"m", 1e6}, {"mn", 1e6},
	{"mm", 1e6}, {"mln", 1e6}, {"billion", 1e9}, {"bn", 1e9}, {"b", 1e9},
	{"mila", 1e3}, {"milione", 1e6}, {"milioni", 1e6}, {"miliardo", 1e9}, {"miliardi", 1e9}, {"mld", 1e9},
	{"mil", 1e3}, {"millón", 1e6}, {"millon", 1e6}, {"millones", 1e6},
}

// percentWords follow a number to make it a percentage (15 per cento).
var percentWords = []string{"percent", "per cent", "pct", "per cento", "percento", "por ciento", "porciento"}

// pointWords make a number a change in percentage points.
var pointWords = []string{"points", "point", "pp", "pt", "pts", "punti", "punto", "puntos", "p.p"}

// currencyWords and symbols mark money, before or after the number.
var currencyWords = []string{"€", "$", "£", "eur", "euro", "euros", "usd", "dollars", "dollari", "dólares", "dolares", "gbp", "chf", "k€", "m€"}

// unitWords after a number make it a measure, not a count of scope.
var unitWords = []string{
	"seconds", "second", "sec", "secs", "minutes", "minute", "min", "mins", "hours", "hour", "hrs", "hr", "h",
	"days", "day", "d", "weeks", "week", "months", "month",
	"secondi", "secondo", "minuti", "minuto", "ore", "ora", "giorni", "giorno", "settimane", "settimana", "mesi", "mese",
	"segundos", "segundo", "minutos", "minuto", "horas", "hora", "días", "dias", "día", "dia", "semanas", "semana", "meses", "mes",
	"stars", "star", "stelle", "estrellas", "nps", "x",
}

// newWords after a count make it a count to reach (3 new markets).
var newWords = []string{"new", "more", "additional", "extra", "further", "nuovi", "nuove", "nuovo", "nuova", "altri", "altre",
	"ulteriori", "nuevos", "nuevas", "nuevo", "nueva", "más", "mas", "otros", "otras", "adicionales"}

// scopeBefore are the determiners and prepositions after which a bare
// count names what is in scope, not a result: in 3 markets, the 5 pages,
// nelle 3 regioni, las 5 páginas.
var scopeBefore = []string{
	"the", "our", "its", "their", "these", "those", "all", "in", "across", "for", "on", "among", "your", "my",
	"i", "gli", "le", "il", "lo", "la", "l", "nei", "negli", "nelle", "nel", "dei", "degli", "delle", "ai", "agli", "alle",
	"sui", "sugli", "sulle", "tutti", "tutte", "nostri", "nostre", "questi", "queste", "in", "su", "per", "tra", "fra",
	"los", "las", "el", "sus", "nuestros", "nuestras", "estos", "estas", "todos", "todas", "en", "para", "entre", "mis", "tus",
}

// labelBefore are nouns whose number is a name: phase 2, sprint 4.
var labelBefore = []string{"phase", "step", "wave", "sprint", "pillar", "priority", "version", "release", "milestone",
	"stage", "tier", "level", "no", "number", "n", "nº", "n°",
	"fase", "tappa", "ondata", "passo", "pilastro", "priorità", "versione", "livello", "numero", "paso", "ola", "pilar",
	"prioridad", "versión", "nivel", "número", "etapa", "web"}

// fromWords open a range (from 400 to 480, da 400 a 480, dal 2,1% al
// 3%, de 45 a 35 días, desde 10 hasta 7); toWords close it.
var (
	fromWords = []string{"from", "da", "dal", "dallo", "dalla", "dai", "dagli", "dalle", "de", "del", "desde"}
	toWords   = []string{"to", "a", "ad", "al", "allo", "alla", "ai", "agli", "alle", "hasta", "->", "→", "–", "-", "até"}
)

// cmpWords put a bound on the target: at least 18.000 EUR, sotto i 45
// EUR, por debajo de 2 días. Two- and three-word phrases are joined by a
// space.
var cmpWords = []string{
	"at least", "at most", "no more than", "no less than", "not more than", "not less than", "under", "below", "above",
	"over", "more than", "less than", "fewer than", "within", "up to", "beyond", "minimum", "maximum", "min", "max",
	"almeno", "al massimo", "al minimo", "non più di", "non meno di", "sotto", "sopra", "oltre", "più di", "meno di",
	"fino a", "massimo", "minimo", "sotto il", "sotto la", "oltre il", "sopra il", "al di sotto di", "al di sopra di", "inferiore a", "superiore a", "entro",
	"al menos", "como mínimo", "como máximo", "como minimo", "como maximo", "por debajo de", "por encima de",
	"más de", "menos de", "bajo", "por debajo del", "por encima del", "más del", "menos del", "hasta", "máximo", "mínimo", "no más de", "no menos de", "inferior a", "superior a",
	"≥", ">=", "≤", "<=", ">", "<",
}

// changeWords before a percentage or points make it a relative change: by
// 20%, del 20%, un 30%, en un 50%.
var changeWords = []string{"by", "del", "di", "un", "en", "of", "dello", "della"}

// contextWords before a number make it a reference, not the target:
// (Q3: 1.004), vs 1,210, today 400.
var contextWords = []string{"vs", "versus", "compared", "today", "currently", "now", "was", "last", "previous", "baseline",
	"rispetto", "contro", "oggi", "attualmente", "ora", "era", "scorso", "precedente",
	"frente", "hoy", "actualmente", "era", "anterior", "pasado"}

// monthNames put a day or a year next to them in time.
var monthNames = []string{
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
	"enero", "febrero", "abril", "mayo", "junio", "julio", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
}

// yearBefore put a year in time: in 2026, by 2026, entro il 2026, antes
// de 2026, fine 2026.
var yearBefore = []string{"in", "by", "before", "until", "till", "through", "during", "since", "of", "for", "end", "from", "to",
	"nel", "entro", "del", "dal", "fino", "al", "prima", "per", "durante", "fine", "inizio", "dopo",
	"en", "para", "antes", "hasta", "de", "desde", "finales", "principios", "fin", "after", "año", "anno", "year"}

// articles may stand between a preposition and what it governs.
var articles = []string{"il", "el", "la", "the", "l", "lo", "i", "le", "los", "las", "gli"}

// halfWords after in/by/a la/della name a halving (cut in half, por la
// mitad, ridurre della metà).
var halfWords = []string{"half", "metà", "meta", "mitad"}

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
var multiplierWords = []wordValue{{"twice", 2}, {"twofold", 2}, {"threefold", 3}, {"tenfold", 10}, {"doppio", 2}, {"triplo", 3}, {"doble", 2}, {"triple", 3}}

// rateWords name a rate. The value is the interval: week, month, quarter
// or day (which has no per: of its own).
var rateWords = []wordInterval{
	{"weekly", "week"}, {"monthly", "month"}, {"daily", "day"}, {"quarterly", "quarter"},
	{"settimanale", "week"}, {"settimanali", "week"}, {"mensile", "month"}, {"mensili", "month"}, {"giornaliero", "day"},
	{"giornalieri", "day"}, {"giornaliere", "day"}, {"quotidiani", "day"}, {"trimestrale", "quarter"}, {"trimestrali", "quarter"},
	{"semanal", "week"}, {"semanales", "week"}, {"mensual", "month"}, {"mensuales", "month"}, {"diario", "day"}, {"diarios", "day"},
	{"diarias", "day"}, {"trimestral", "quarter"}, {"trimestrales", "quarter"},
}

// rateUnits are the nouns of "per month", "al mese", "a la semana".
var rateUnits = []wordInterval{
	{"week", "week"}, {"month", "month"}, {"day", "day"}, {"quarter", "quarter"}, {"wk", "week"}, {"mo", "month"},
	{"settimana", "week"}, {"mese", "month"}, {"giorno", "day"}, {"trimestre", "quarter"},
	{"semana", "week"}, {"mes", "month"}, {"día", "day"}, {"dia", "day"},
}

// rateBefore introduce a rate unit: per month, a week, each month, al
// mese, alla settimana, ogni mese, a la semana, al mes, por mes, cada mes.
var rateBefore = []string{"per", "a", "an", "each", "every", "/", "al", "alla", "ogni", "a la", "por", "cada", "x"}

// Flags of the entries of the vocabulary: the lists a word, a symbol or a
// phrase is in.
const (
	hotEN uint32 = 1 << iota
	hotIT
	hotES
	hotRate         // a rate word: monthly, mensili
	hotRateUnit     // a rate unit: month, mese, semana
	hotRateBefore   // per, al, ogni, cada…
	hotMultiplier   // twice, doppio
	hotHalf         // half, metà, mitad
	hotCurrency     // €, eur, euro…
	hotUnit         // days, ore, horas…
	hotPoint        // points, punti, puntos
	hotPercent      // a percent phrase: percent, per cento, por ciento
	hotPercentStart // the first word of a percent phrase
	hotCmp          // a comparison phrase: at least, al di sotto di
	hotCmpEnd       // the last word of a comparison phrase
	hotChange       // a change phrase: by, del, un
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

// entry is what the vocabulary knows of a word, a symbol or a phrase.
type entry struct {
	text       string          // the word or the phrase, its words joined by a space
	flags      uint32          // the lists it is in
	starts     uint32          // the flags of the phrases of two or three words it starts
	number     [nLangs]float64 // its value as a number word, by language; 0 when none
	scale      float64         // the factor of a scale word
	fraction   float64         // the percentage of a fraction: third, quarto
	multiplier float64         // the factor of a multiplier word: twice, doppio
	interval   string          // what a rate word or a rate unit names: week, month…
}

// vocabulary is the table the reader looks words and phrases up in: one
// lookup a token tells everything the lists say of it. It is a hash table
// with open addressing, kept at most half full: for short words it costs
// half a map lookup, and it is looked up with the bytes of a phrase as
// well as with a string.
type vocabulary struct {
	entries []entry            // entries[0] is the entry of every word it does not know
	slots   [vocabSlots]uint16 // an index of entries; 0 for an empty slot
}

// vocabSlots is the size of the table: a power of two, at least twice
// the number of entries (TestVocabulary checks).
const vocabSlots = 2048

// vocab returns the vocabulary, built from the lists the first time.
var vocab = sync.OnceValue(newVocabulary)

func newVocabulary() *vocabulary {
	v := &vocabulary{entries: make([]entry, 1, 1024)}
	// add returns w's entry, adding it if need be; the pointer is good
	// until the next add.
	add := func(w string) *entry {
		i := v.slot(w)
		if v.slots[i] == 0 {
			v.entries = append(v.entries, entry{text: w})
			v.slots[i] = uint16(len(v.entries) - 1)
		}
		return &v.entries[v.slots[i]]
	}
	flag := func(ws []string, f uint32) {
		for _, w := range ws {
			add(w).flags |= f
		}
	}
	// phrases flags each phrase with f, and its first or last word with
	// edge, so that a phrase is looked up only where one can start or end.
	phrases := func(ws []string, f, edge uint32, last bool) {
		for _, w := range ws {
			add(w).flags |= f
			first, _, more := strings.Cut(w, " ")
			if more {
				add(first).starts |= f
			}
			if last {
				add(w[strings.LastIndexByte(w, ' ')+1:]).flags |= edge
			} else {
				add(first).flags |= edge
			}
		}
	}
	flag(cueEN, hotEN)
	flag(cueIT, hotIT)
	flag(cueES, hotES)
	flag(rateBefore, hotRateBefore)
	flag(halfWords, hotHalf)
	for _, w := range rateWords {
		e := add(w.w)
		e.flags |= hotRate
		e.interval = w.interval
	}
	for _, w := range rateUnits {
		e := add(w.w)
		e.flags |= hotRateUnit
		e.interval = w.interval
	}
	for _, w := range multiplierWords {
		e := add(w.w)
		e.flags |= hotMultiplier
		e.multiplier = w.v
	}
	flag(currencyWords, hotCurrency)
	flag(unitWords, hotUnit)
	flag(pointWords, hotPoint)
	phrases(percentWords, hotPercent, hotPercentStart, false)
	phrases(cmpWords, hotCmp, hotCmpEnd, true)
	phrases(changeWords, hotChange, hotChangeEnd, true)
	flag(scopeBefore, hotScope)
	flag(articles, hotArticle)
	flag(yearBefore, hotYearBefore)
	flag(monthNames, hotMonth)
	flag(labelBefore, hotLabel)
	flag(contextWords, hotContext)
	flag(reachVerbs, hotReach)
	flag(newWords, hotNew)
	flag(fromWords, hotFrom)
	flag(toWords, hotTo)
	flag(functionWords, hotFunction)
	flag(oneWords, hotOne)
	for lang, ws := range numberWords {
		for _, w := range ws {
			e := add(w.w)
			e.flags |= hotNumber
			e.number[lang] = w.v
		}
	}
	for _, w := range scaleWords {
		e := add(w.w)
		e.flags |= hotScale
		e.scale = w.v
	}
	for _, w := range fractions {
		add(w.w).fraction = w.v
	}
	return v
}

// slot returns the index of w's entry in the table, or of the empty slot
// where it belongs.
func (v *vocabulary) slot(w string) int {
	return slotOf(v, w)
}

// slotOf is slot for a string or for bytes.
func slotOf[S string | []byte](v *vocabulary, w S) int {
	// FNV-1a.
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	for i := int(h % vocabSlots); ; i = (i + 1) % vocabSlots {
		if e := v.slots[i]; e == 0 || v.entries[e].text == string(w) {
			return i
		}
	}
}

// lookup returns the index of the entry of a word or a symbol, 0 when the
// vocabulary does not know it.
func (v *vocabulary) lookup(w string) uint16 {
	return v.slots[v.slot(w)]
}
