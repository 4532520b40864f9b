// Package yamlfast is a fast front end for the YAML that OKR files are
// written in: block mappings and sequences, plain scalars (also over
// several lines), one-line quoted scalars, literal and folded block
// scalars, one-line flow sequences and comments. Parse builds the same
// yaml.Node trees as go.yaml.in/yaml/v3 (kind, tag, value, style, line and
// column; comments are not kept), several times faster and with a fraction
// of the allocations, because a repository of ten thousand objectives
// spends most of its validation time parsing.
//
// It accepts only what it is sure of and reports anything else (anchors,
// tags, flow mappings, multi-line quoted scalars, escapes, tabs, odd
// indentation, characters YAML does not allow, every syntax error...) as
// not handled, so that the caller falls back to the full parser.
// FuzzQuickParse checks that whatever it accepts, yaml.v3 parses to the
// same documents; `make test` runs it for a bounded time. See "Reading
// YAML" in docs/architecture.md.
package yamlfast
