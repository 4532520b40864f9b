// Package checkin reads and writes check-in files: CSV files of dated
// check-ins of key results (a value, a confidence from 0 to 10, a note and
// an author), recognised by their header
//
//	date,objective,key_result,value,confidence,note,author
//
// (columns in any order; value, confidence, note and author may be empty).
// Read parses a file into Entries and reports each bad row as a
// diag.Finding with file, line and column; Attach gives the entries to their
// key results as okr.KeyResult.CheckIns, oldest first, and reports entries
// for unknown objectives or key results. Add appends a row to a file's
// content. docs/formats.md ("Check-in files") describes the format.
package checkin
