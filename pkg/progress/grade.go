package progress

// Grade is the end-of-period judgement of a score (Google's OKR grading):
// green, yellow or red by the bands of the objective's commitment. Key
// results and objectives have one from their deadline on; "" before.
type Grade string

// The grades, best first.
const (
	Green  Grade = "green"
	Yellow Grade = "yellow"
	Red    Grade = "red"
)

// Bands are the lowest scores of the green and yellow grades: a score of
// at least Green is green, at least Yellow yellow, lower red.
type Bands struct{ Green, Yellow float64 }

// Grading holds the bands of each commitment; they come from
// .okrctl.yaml's grading section.
type Grading struct{ Aspirational, Committed Bands }

// DefaultGrading returns Google's bands: aspirational 0.7–1.0 green,
// 0.4–0.69 yellow, below 0.4 red; committed 1.0 green, 0.7–0.99 yellow,
// below 0.7 red.
func DefaultGrading() Grading {
	return Grading{Aspirational: Bands{Green: 0.7, Yellow: 0.4}, Committed: Bands{Green: 1, Yellow: 0.7}}
}

// Grade grades a score in [0, 1] by the bands of the commitment. Scores
// are compared as they are, without tolerance: a score below 1 is never
// the green of a committed objective.
func (g Grading) Grade(score float64, committed bool) Grade {
	b := g.Aspirational
	if committed {
		b = g.Committed
	}
	switch {
	case score >= b.Green:
		return Green
	case score >= b.Yellow:
		return Yellow
	}
	return Red
}

// Settings are the configurable thresholds of an Engine: the status gaps
// and the grading bands.
type Settings struct {
	Gaps    Gaps
	Grading Grading
}

// DefaultSettings returns DefaultGaps and DefaultGrading.
func DefaultSettings() Settings { return Settings{Gaps: DefaultGaps(), Grading: DefaultGrading()} }
