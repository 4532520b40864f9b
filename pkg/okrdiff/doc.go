// Package okrdiff compares two checked revisions of an OKR repository
// semantically. It knows nothing of git: each side is a lint.Result, read
// from wherever the caller chose (a commit through package gitfs, the
// working tree), and named by a Ref.
//
// # Comparing
//
// Compare takes the two sides as checked repositories (lint.Result) and
// matches objectives by id wherever their files are, so a renamed or moved
// file that holds the same objective is the same objective, reported as
// moved. Key results are matched by id within their objective. For each it
// reports what was added or removed, and the fields that changed, old and
// new: title, owner, period, parent and commitment of an objective; title,
// kpi, baseline, target, direction, deadline, weight and current value of
// a key result. Deadlines are compared as in force (a key result without
// one ends with its period); directions as resolved by the progress engine.
//
// A changed target says whether it was raised or lowered and, given the key
// result's direction, whether that raised or lowered the bar: lowering the
// target of a decreasing key result raises the bar. A target or baseline
// changed on or after the day its objective's period began (the base's
// period, where it parses) is a moved goalpost. The day of the change is
// the head commit's committer date (Ref.Date, which the caller reads from the commit), as a calendar day in the
// committer's time zone: the change was made then at the latest, however
// late the diff is run. For the working tree, not committed yet, it is the
// as-of date. Scores and statuses are
// computed on each side with progress.Engine at the same as-of date, so a
// change to the snapshots shows as a change of score.
//
// Options.Only narrows what is reported (objectives, findings, files) to
// some files, say those under the paths a user named, while each side
// holds the whole repository: a key result keeps its KPI and snapshots
// wherever they live.
package okrdiff
