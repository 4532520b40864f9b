package kpi

// RuleCSV is the rule id of every finding of the reader: a snapshot file
// with a bad header, date, value or a duplicate row. The reader's findings
// (diag.Finding) point at the offending cell, in characters, so a cell
// after "Città," is counted in characters, not bytes; a finding about a
// whole row points at the row's first line, column 1; column 0 means no
// column to show (a file that cannot be read).
const RuleCSV = "csv"
