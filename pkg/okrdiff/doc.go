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
// moved. Key results are matched by id within their objective; of those
// left on each side, one whose KPI and target, or whose title, are the same
// is a rename (KRDiff.OldID), not a removal and an addition. For each it
// reports what was added or removed, and the fields that changed, old and
// new: title, owner, period, parent, commitment, description and labels of
// an objective; title, kpi, baseline, target, direction, deadline, weight
// and current value of a key result. Deadlines are compared as in force (a
// key result without one ends with its period); directions as resolved by
// the progress engine. A number written but not a number shows as its text
// (change "unreadable"), never as unset.
//
// KPI documents are matched by id: name, unit, aggregation, good,
// frequency, owner, description and columns. Snapshots are compared KPI by
// KPI where their dated values differ: a row of BASE's past (dated on or
// before BASE's newest row of that KPI) that HEAD changed, deleted or
// inserted is rewritten history (RowEdit, with file, line, date and both
// values); rows after it are summed up per KPI (NewRows).
//
// # Moved goalposts
//
// A change made on or after the day its objective's period began (the
// base's period, where it parses) that moves what counts as success is a
// moved goalpost: a target or baseline changed, a key result dropped, a
// deadline moved later, a weight lowered; and a KPI's aggregation, good or
// unit changed once the period of an objective using it had begun. A
// changed target says whether it was raised or lowered and, given the key
// result's direction, whether that raised or lowered the bar: lowering the
// target of a decreasing key result raises the bar; a later deadline lowers
// it, an earlier one raises it.
//
// The day of the change (Diff.ChangedOn) is the head commit's committer
// date (Ref.Date, which the caller reads from the commit), as a calendar
// day in the committer's time zone: the change was made then at the
// latest, however late the diff is run. For the working tree, not
// committed yet, it is the as-of date.
//
// # Scores
//
// Scores and statuses are computed on each side with progress.Engine at
// the same as-of date, so a change to the snapshots shows as a change of
// score. An objective that is the same object on both sides (lint.Cache
// parses a file alike in both once), with the same KPI documents and the
// same dated snapshot values, cannot have changed: it is counted unchanged
// without being scored, which keeps a diff of a few files in a large
// repository cheap.
//
// Options.Only narrows what is reported (objectives, KPIs, snapshot rows,
// findings, files) to some files, say those under the paths a user named,
// while each side holds the whole repository: a key result keeps its KPI
// and snapshots wherever they live.
package okrdiff
