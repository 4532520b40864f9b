package lint

import "fmt"

// Hostile input of the allowed size must not flood the output: beyond a
// number of findings of one kind, the rest are summed up in one "… and N
// more". A document reports at most maxOfAKind unknown keys, missing keys
// and invalid values each (capIssues, which words only those, so that a
// mapping of a million unknown keys costs little), and a file at most
// maxPerRule findings of each rule (capFindings): a file of 100,000 key
// results without a target gets 101 measurable findings, not 100,000.
const (
	maxOfAKind = 20
	maxPerRule = 100
)

// andMore words the finding that stands for n findings left out.
func andMore(n int, what, where string) string {
	return fmt.Sprintf("… and %d more %s in %s", n, what, where)
}

// capFindings keeps the first maxPerRule findings of each rule in each
// file, and puts one finding saying how many more there are at the first
// one left out. findings are sorted (Sort), and stay so.
func capFindings(findings []Finding) []Finding {
	type fileRule struct{ file, rule string }
	count := map[fileRule]int{}
	for _, f := range findings {
		count[fileRule{f.File, f.Rule}]++
	}
	capped := false
	for _, n := range count {
		capped = capped || n > maxPerRule
	}
	if !capped {
		return findings
	}
	seen := map[fileRule]int{}
	out := findings[:0]
	for _, f := range findings {
		k := fileRule{f.File, f.Rule}
		seen[k]++
		switch n := seen[k]; {
		case n <= maxPerRule:
			out = append(out, f)
		case n == maxPerRule+1:
			f.Message = andMore(count[k]-maxPerRule, f.Rule+" findings", "this file")
			out = append(out, f)
		}
	}
	return out
}
