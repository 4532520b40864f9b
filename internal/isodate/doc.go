// Package isodate reads calendar dates written exactly YYYY-MM-DD, the
// form OKR files use, without time.Parse: validating a repository reads
// tens of thousands of them, and the YAML reader and the model each
// need one. Its answers equal time.Parse(time.DateOnly, s) on that form
// (FuzzParse holds it to that); callers fall back to time.Parse, or to
// their own wording of the error, for anything it declines.
package isodate
