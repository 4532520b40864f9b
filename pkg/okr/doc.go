// Package okr is okrctl's model of an OKR repository: objectives, key
// results, KPI definitions and periods, decoded from yaml.Node trees so that
// every value keeps its 1-based line and column.
//
// Load walks a file system, parses every YAML file once (in parallel, with
// bounds on size, nesting and alias expansion) and dispatches each document
// on its kind. Problems found while loading are returned as Issues; the lint
// package turns them into findings.
package okr
