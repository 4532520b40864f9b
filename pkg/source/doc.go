// Package source fetches a KPI's values from where they live: a SQL query
// (SQLite or PostgreSQL, through database/sql), a CSV or JSON document over
// HTTP, or a command printing date,value CSV. Every source yields the same
// thing, a list of dated Rows, and fails with an *Error that names the KPI
// and the source and never holds a DSN or a header value.
//
// Queries run read-only (mode=ro and query_only on SQLite, BEGIN READ ONLY
// on PostgreSQL), under the caller's context (its deadline is the timeout)
// and a row limit. The formats are described in docs/formats.md
// ("Sources").
//
// The package imports only okr and kpi of okrctl.
package source
