package gitfs

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrNoGit means that no git executable was found on PATH.
var ErrNoGit = errors.New("git is not installed or not on PATH: okrctl runs git to read revisions")

// NotRepoError is a directory outside any git work tree.
type NotRepoError struct {
	Dir    string
	Detail string // what git said
}

func (e *NotRepoError) Error() string {
	msg := fmt.Sprintf("%s is not inside a git work tree", e.Dir)
	if e.Detail != "" {
		msg += " (git: " + e.Detail + ")"
	}
	return msg
}

// RevisionError is a revision that names no commit of the repository.
type RevisionError struct {
	Rev    string
	Reason string
}

func (e *RevisionError) Error() string {
	return fmt.Sprintf("unknown revision %q: %s", e.Rev, e.Reason)
}

// GitError is a git command that failed for another reason.
type GitError struct {
	Args   []string
	Stderr string
	Err    error
}

func (e *GitError) Error() string {
	msg := fmt.Sprintf("git %s: %v", strings.Join(e.Args, " "), e.Err)
	if e.Stderr != "" {
		msg += ": " + e.Stderr
	}
	return msg
}

func (e *GitError) Unwrap() error { return e.Err }

// Repo is the git repository whose work tree holds a directory.
type Repo struct {
	// Root is the top level of the work tree, spelled from the directory
	// Open was given (so that paths relative to both agree even when a
	// parent directory is a symbolic link).
	Root string
	git  string

	// blobs are the contents read so far by object id, shared by the
	// trees read from this Repo (two revisions differ in a few files).
	mu    sync.Mutex
	blobs map[string][]byte
}

// Open finds the repository whose work tree holds dir, using the git on
// PATH. It returns ErrNoGit, or a *NotRepoError when dir is not in a work
// tree.
func Open(dir string) (*Repo, error) {
	gitPath, err := exec.LookPath("git")
	if err != nil {
		return nil, ErrNoGit
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if info, err := os.Stat(abs); err != nil {
		return nil, err
	} else if !info.IsDir() {
		return nil, &NotRepoError{Dir: dir, Detail: "not a directory"}
	}
	r := &Repo{Root: abs, git: gitPath}
	out, err := r.run("rev-parse", "--show-toplevel", "--show-cdup")
	if err != nil {
		var ge *GitError
		if errors.As(err, &ge) {
			return nil, &NotRepoError{Dir: dir, Detail: firstLine(ge.Stderr)}
		}
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	top := filepath.FromSlash(lines[0])
	if top == "" {
		return nil, &NotRepoError{Dir: dir, Detail: "no work tree"}
	}
	r.Root = top
	if len(lines) > 1 {
		// git resolves symbolic links in the top level; keep the caller's
		// spelling when it names the same directory.
		lexical := filepath.Join(abs, filepath.FromSlash(lines[1]))
		if sameDir(lexical, top) {
			r.Root = lexical
		}
	} else if sameDir(abs, top) {
		r.Root = abs
	}
	return r, nil
}

func sameDir(a, b string) bool {
	ai, err1 := os.Stat(a)
	bi, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ai, bi)
}

// Resolve returns the full id of the commit that rev names. Revisions are
// passed to git as single arguments, never through a shell; one starting
// with '-' is refused so that it cannot pass for an option.
func (r *Repo) Resolve(rev string) (string, error) {
	if rev == "" {
		return "", &RevisionError{Rev: rev, Reason: "empty revision"}
	}
	if strings.HasPrefix(rev, "-") {
		return "", &RevisionError{Rev: rev, Reason: "a revision cannot start with '-'"}
	}
	out, err := r.run("rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		var ge *GitError
		if errors.As(err, &ge) {
			return "", &RevisionError{Rev: rev, Reason: "no commit of that name in " + r.Root}
		}
		return "", err
	}
	id := strings.TrimSpace(string(out))
	if !isObjectID(id) {
		// "^HEAD" verifies as a negated commit ("^<id>"), which names no
		// tree to read.
		return "", &RevisionError{Rev: rev, Reason: "no commit of that name in " + r.Root}
	}
	return id, nil
}

// isObjectID reports whether s is a full object id: 40 (SHA-1) or 64
// (SHA-256) lower-case hexadecimal digits.
func isObjectID(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// CommitDate returns when the commit rev names was committed: its
// committer date, in the committer's time zone (so that its Date is the
// calendar day the committer saw).
func (r *Repo) CommitDate(rev string) (time.Time, error) {
	commit, err := r.Resolve(rev)
	if err != nil {
		return time.Time{}, err
	}
	// cat-file, unlike log and show, prints the object as it is whatever
	// the user's configuration (log.showSignature, a date format).
	out, err := r.run("cat-file", "commit", commit)
	if err != nil {
		return time.Time{}, err
	}
	header, _, _ := strings.Cut(string(out), "\n\n")
	for _, line := range strings.Split(header, "\n") {
		if rest, ok := strings.CutPrefix(line, "committer "); ok {
			return parseSignatureDate(rest)
		}
	}
	return time.Time{}, fmt.Errorf("commit %s has no committer", commit)
}

// parseSignatureDate reads the date at the end of a commit's committer
// line: "Name <email> 1767225600 +0100".
func parseSignatureDate(sig string) (time.Time, error) {
	f := strings.Fields(sig[strings.LastIndexByte(sig, '>')+1:])
	if len(f) != 2 || len(f[1]) != 5 || (f[1][0] != '+' && f[1][0] != '-') {
		return time.Time{}, fmt.Errorf("unexpected committer date %q", sig)
	}
	secs, err1 := strconv.ParseInt(f[0], 10, 64)
	hh, err2 := strconv.Atoi(f[1][1:3])
	mm, err3 := strconv.Atoi(f[1][3:])
	if err := errors.Join(err1, err2, err3); err != nil {
		return time.Time{}, fmt.Errorf("unexpected committer date %q", sig)
	}
	offset := (hh*60 + mm) * 60
	if f[1][0] == '-' {
		offset = -offset
	}
	return time.Unix(secs, 0).In(time.FixedZone(f[1], offset)), nil
}

// run runs git with args in the repository's root and returns its
// standard output.
func (r *Repo) run(args ...string) ([]byte, error) {
	cmd := r.command(args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, &GitError{Args: args, Stderr: strings.TrimSpace(stderr.String()), Err: err}
	}
	return out, nil
}

// command prepares git with args, run in the repository's root.
func (r *Repo) command(args ...string) *exec.Cmd {
	cmd := exec.Command(r.git, args...)
	cmd.Dir = r.Root
	return cmd
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimPrefix(s, "fatal: ")
}

// Refs lists the repository's branches and tags by their short names, for
// the completion of revision arguments.
func (r *Repo) Refs() ([]string, error) {
	out, err := r.run("for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/tags")
	if err != nil {
		return nil, err
	}
	return strings.Fields(string(out)), nil
}
