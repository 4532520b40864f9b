// Package progress computes the progress of key results and objectives at an
// as-of date: baseline, current value (over the window, over the latest
// complete interval for a rate, or from dated manual values and check-ins),
// raw progress, score, expected pace, status, forecast, staleness and, from
// the deadline on, grade. It is a pure engine: the caller loads objectives
// and KPI definitions (package okr) and snapshots (package kpi) and sets the
// as-of date; nothing here reads files or the clock.
//
// docs/formulas.md states every formula; each lives in one function here:
// Engine.KeyResult and Engine.Objective (window, current value, status,
// coverage), Engine.Baseline (defaults), Progress and Meets (progress and
// exact achievement), ElapsedShare (expected pace, days counted inclusively),
// forecast and leastSquares, Stale and MaxAge (staleness against
// min(as-of, deadline)), Grading.Grade (grade bands) and Per (rate
// intervals).
//
// ProgressBar and ProgressBarASCII draw scores for tables and reports.
package progress
