// Package gitdiff reads an OKR repository as it was at a git revision and
// compares two revisions semantically.
//
// # Reading revisions
//
// Open finds the repository around a directory through the git on PATH;
// Repo.Tree reads one commit's files as an fs.FS, so that the loader and
// the rules run on a past revision exactly as on the working tree. git runs
// with its arguments passed directly, never through a shell; a revision is
// checked with `git rev-parse --verify` before use and one that starts with
// '-' is refused. The tree is listed once with `git ls-tree`, and the
// blobs worth reading (okrctl asks for YAML and CSV files under its size
// limit) come through a single `git cat-file --batch` process; any other
// file is read on first open.
//
// Failures have types a command can tell apart: ErrNoGit (no git on
// PATH), *NotRepoError (the directory is not in a work tree) and
// *RevisionError (the revision names no commit).
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
// the head commit's committer date (Ref.Date), as a calendar day in the
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
package gitdiff
