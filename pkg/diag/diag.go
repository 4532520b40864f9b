// Package diag holds the one kind of finding okrctl reports, from the YAML
// and CSV readers to the rules and every output format: a file, a 1-based
// line and column, a severity, a rule id and a message. It imports nothing
// of ours, so that the readers at the bottom and the renderers at the top
// share it without converting.
package diag

import (
	"sort"
	"strconv"
)

// Severity is how serious a finding is.
type Severity int

// Severities, from most to least serious. A reader's finding is an error
// until the rules' configuration says otherwise.
const (
	Error Severity = iota
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText writes the severity as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Finding is one problem in one file. Line and Column are 1-based and point
// at the offending YAML node or CSV cell (Column counts characters, not
// bytes); Column 0 means the whole line, Line 0 the whole file.
type Finding struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
}

// Error formats the finding as path:line:col: severity: message [rule],
// the form editors and CI logs understand; without a column, as
// path:line: severity: message [rule].
func (f Finding) Error() string {
	b := make([]byte, 0, len(f.File)+len(f.Message)+len(f.Rule)+32)
	b = append(b, f.File...)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(f.Line), 10)
	if f.Column > 0 {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(f.Column), 10)
	}
	b = append(b, ": "...)
	b = append(b, f.Severity.String()...)
	b = append(b, ": "...)
	b = append(b, f.Message...)
	b = append(b, " ["...)
	b = append(b, f.Rule...)
	b = append(b, ']')
	return string(b)
}

// Less orders findings by file, line, column, then rule and message, so
// that output is stable.
func Less(a, b Finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

// Sort sorts findings with Less.
func Sort(fs []Finding) { sort.SliceStable(fs, func(i, j int) bool { return Less(fs[i], fs[j]) }) }

// Count returns the number of errors and warnings.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
