// Package gitfs reads a git repository's commits as read-only file
// systems. It knows nothing of what the files hold.
//
// Open finds the repository around a directory through the git on PATH;
// Repo.Tree reads one commit's files as an fs.FS, so that code written for
// a directory runs on a past revision unchanged. git runs with its
// arguments passed directly, never through a shell; a revision is checked
// with `git rev-parse --verify` before use and one that starts with '-' is
// refused. The tree is listed once with `git ls-tree`, and the blobs the
// caller asks for come through a single `git cat-file --batch` process;
// any other file is read on first open.
//
// Symbolic links read as the working tree at that commit would read them:
// a link to a file inside the repository is that file (Stat and Open
// follow it, through chains of links); a link that leaves the repository,
// names a directory, dangles or loops is a file whose Open fails with a
// *LinkError saying why, so that a reader reports it instead of skipping
// it silently.
//
// Failures have types a command can tell apart: ErrNoGit (no git on
// PATH), *NotRepoError (the directory is not in a work tree) and
// *RevisionError (the revision names no commit).
package gitfs
