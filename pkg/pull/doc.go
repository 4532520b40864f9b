// Package pull runs KPI sources (package source) and merges their rows
// into long-layout snapshot files: new rows are inserted in date order,
// rows already there with the same value are left alone, and a row whose
// day is there with another value is a conflict, which leaves the file
// untouched unless the caller asks to update it. Every other line of the
// file is kept byte for byte, and the file is replaced atomically in its
// own dialect (separator, line ending, date format, decimal mark).
//
// docs/formats.md ("Sources") describes the behaviour
// users see.
package pull
