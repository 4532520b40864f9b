// Package lint checks an OKR repository: the JSON schema and the rules of
// good OKRs (docs/rules.md). Each rule lives in its own rule_*.go file; Run loads
// the repository once, runs every enabled rule, applies the configuration's
// severities and the okrctl:ignore comments, and returns sorted findings.
package lint
