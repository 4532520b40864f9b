// Package report renders okrctl's outputs: validation findings as text,
// JSON, GitHub workflow commands or SARIF; progress as a terminal table,
// JSON or Markdown; and the quarterly Markdown report. Each format lives in
// its own file behind a small interface and a factory that rejects unknown
// names.
package report
