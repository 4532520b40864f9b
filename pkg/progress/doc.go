// Package progress computes the progress of key results and objectives at an
// as-of date (SPEC §4): baseline, current value, raw progress, score,
// expected score, status and forecast. It is a pure engine: the caller loads
// objectives and KPI definitions (package okr) and snapshots (package kpi)
// and sets the as-of date; nothing here reads files or the clock.
//
// # Days
//
// Every date is a calendar day; the as-of date means the end of that day, so
// a snapshot dated on the as-of date counts. A key result's window runs from
// the first day of its objective's period to its deadline (the key result's
// own, else the period's last day), both inclusive.
//
// The expected score is the elapsed share of the window counted in whole
// days, both ends inclusive:
//
//	expected = (asOf − start + 1) / (deadline − start + 1)
//
// clamped to [0, 1]: 0 before the window starts, 1 from the deadline on. In a
// 90-day quarter it is 1/90 on the first day and 1 on the last. A deadline on
// the period's first day makes a one-day window (expected 0 before it, 1 from
// it), and a deadline before the period start (which lint rejects) gives 1
// from the deadline on: no division by zero is possible. The same counting
// drives the forecast of a sum KPI, current × window days / elapsed days, so
// a KPI that adds the same amount every day forecasts exactly.
//
// # Current value and baseline
//
// A key result with a kpi takes the KPI's snapshots dated in its window and
// on or before the as-of date (Points) and combines them with the KPI's
// aggregation (kpi.Aggregate); Source names the snapshot the value came from.
// A key result without a kpi uses its manual current; a key result whose KPI
// no document defines has no current value (lint reports unknown-kpi).
//
// An omitted baseline is 0 for a sum KPI; otherwise it is the latest snapshot
// dated on or before the window start, else the first snapshot in the window,
// and BaselineSource names it. Like the current value, the baseline only uses
// snapshots dated on or before the as-of date, so a report rebuilt as of a
// past date shows what was known then. A manual key result (no kpi) with
// no baseline counts from 0 when its direction is written increase, like a
// sum ("sign 3 partners", current 2: progress 2/3); otherwise it has no
// baseline (and no_data), since "cut open bugs to 2" with current 5 would
// else read as an increase already achieved.
//
// The direction is the written one, else decrease when the target is below
// the resolved baseline, else increase.
//
// # Progress and score
//
// See Progress for the formulas. For increase and decrease the raw progress
// is negative when the value moved away from the target and above 1 past it;
// the score clamps it to [0, 1]. A target equal to the baseline (which lint
// reports as measurable) makes the ratio undefined: progress is then 1 when
// the target is held in the key result's direction and 0 otherwise, as for a
// threshold. at_least with a target ≤ 0 and at_most with a target < 0 are
// steps too, since their ratios would reward the wrong side.
//
// # Status
//
// In order: no_data when there is no score (no current value, no target, or
// no baseline for increase and decrease) — before missed and achieved, so a
// key result is never called missed for lack of data; achieved when the score
// is 1; missed when the as-of date is after the deadline; on_track when the
// score ≥ expected − Gaps.AtRisk, at_risk when ≥ expected − Gaps.OffTrack,
// else off_track. Comparisons tolerate a rounding error of 1e-9. A key result
// whose window is unknown (its period or deadline does not parse; lint
// reports it) is achieved or no_data, since time cannot be judged.
//
// # Forecast
//
// For a sum KPI: current × window days / elapsed days (the current value once
// the deadline has passed). For the other aggregations: the least-squares line
// through Points evaluated at the deadline; for avg, min and max this is the
// trend of the snapshots themselves, as SPEC §4 says. It is nil for a manual
// key result, before the window starts, and with fewer than two snapshot days.
// ForecastScore is the score the forecast would give.
//
// # Objectives
//
// An objective's score is the weighted mean of its key results' scores, a
// no_data key result counting 0 (NoData counts them). Its expected score is
// the weighted mean of its key results' expected scores, with the same
// weights, so that an objective whose key results are each exactly on
// schedule is exactly on schedule even when their deadlines differ (a key
// result without a window counts the period's elapsed share). Its status:
// no_data when it has no key results or all are no_data; achieved when every
// key result is achieved; no_data when its period is unknown; missed when the
// as-of date is after the period's end; else the gap rule on its score. A
// committed objective follows the same rules (SPEC §4 does not grade it
// differently); CommittedMiss tells reports when to call a miss out.
//
// Stale implements the stale-data warning, and ProgressBar and
// ProgressBarASCII draw scores for tables and reports.
package progress
