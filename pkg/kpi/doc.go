// Package kpi reads KPI snapshot files and combines snapshots into values.
//
// A snapshot file is RFC 4180 CSV in UTF-8 (an optional byte order mark, LF
// or CRLF line ends) in one of two layouts, told apart by the header:
//
//	date,kpi,value                  long: one value a row; columns in any
//	2026-01-31,leads_generated,412  order, other columns ignored
//
//	date,leads_generated,conv_rate  wide: the first column is the date, every
//	2026-01-31,412,10.4             other column a KPI; an empty cell is no value
//
// Only the three columns date, kpi and value together make the long layout:
// date,value is a wide file with a KPI whose id is value.
//
// A date is YYYY-MM-DD or an RFC 3339 timestamp, whose date as written
// counts; a value is a plain decimal number such as -12.5 or 1e3.
//
// Files exported from spreadsheets are read in a Dialect (Store.ReadDialect):
// the separator (',', ';' or tab) comes from the header; the Dialect gives
// the decimal mark, the date format and columns to ignore. Store.Define
// tells the reader the KPI documents, so that a column may be named by a
// KPI's title and a value may carry its unit. A value only another dialect
// reads is never guessed: one Problem for the file names the setting.
// docs/formats.md ("Snapshot files: layouts and dialects") has the rules.
//
// A Store reads files (Store.Read, or Store.ReadFiles in parallel), keeps one
// series of Points per KPI id and reports each bad header, row or cell as a
// Problem with file, line and character column, skipping the bad row and
// reading on. Store.Finish sorts the series by day and reports a KPI given two
// values for one day. Aggregate and Window then compute a key result's current
// value from a series, and every Point says which file and line it came from.
//
// The reader is built for large files: lines without quotes are split in
// place in the read buffer, KPI ids are interned, dates are parsed by hand, and
// a point takes 24 bytes. A million-row file reads in a fraction of a second.
//
// The package imports nothing else of okrctl.
package kpi
