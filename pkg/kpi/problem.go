package kpi

import "strconv"

// RuleCSV is the rule id of every Problem: a snapshot file with a bad header,
// date, value or a duplicate row.
const RuleCSV = "csv"

// Problem is something wrong in a snapshot file. Line and Col are 1-based and
// point at the offending cell (Col is a character column, so a cell after
// "Città," is counted in characters, not bytes); a problem with a whole row
// points at the row's first line, column 1. Col is 0 when there is no column
// to show (a file that cannot be read).
type Problem struct {
	File    string
	Line    int
	Col     int
	Rule    string // always RuleCSV
	Message string
}

// Error formats the problem as file:line:col: message [rule], the form
// editors and CI annotations understand.
func (p Problem) Error() string {
	b := make([]byte, 0, len(p.File)+len(p.Message)+len(p.Rule)+24)
	b = append(b, p.File...)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(p.Line), 10)
	if p.Col > 0 {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(p.Col), 10)
	}
	b = append(b, ": "...)
	b = append(b, p.Message...)
	b = append(b, " ["...)
	b = append(b, p.Rule...)
	b = append(b, ']')
	return string(b)
}
