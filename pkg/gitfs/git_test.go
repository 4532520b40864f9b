package gitfs

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// gitRepo makes a repository in a temporary directory, commits files (path
// → content; "" content with a "->" prefix makes a symbolic link) and
// returns its directory.
func gitRepo(t *testing.T, commits ...map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	git(t, dir, "config", "user.name", "okrctl test")
	git(t, dir, "config", "user.email", "test@okrctl.invalid")
	git(t, dir, "config", "commit.gpgsign", "false")
	for i, files := range commits {
		for name, content := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			os.Remove(p)
			var err error
			if target, ok := strings.CutPrefix(content, "->"); ok {
				err = os.Symlink(target, p)
			} else {
				err = os.WriteFile(p, []byte(content), 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		git(t, dir, "add", ".")
		git(t, dir, "commit", "-q", "-m", "commit "+string(rune('A'+i)))
	}
	return dir
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func TestOpenFindsTheTopLevel(t *testing.T) {
	dir := gitRepo(t, map[string]string{"okrs/a.yaml": "kind: Objective\n"})
	r, err := Open(filepath.Join(dir, "okrs"))
	if err != nil {
		t.Fatal(err)
	}
	if !sameDir(r.Root, dir) {
		t.Errorf("Root = %s, want %s", r.Root, dir)
	}
	// The caller's spelling is kept: a path under it stays relative to it.
	if rel, err := filepath.Rel(r.Root, filepath.Join(dir, "okrs")); err != nil || rel != "okrs" {
		t.Errorf("Rel(Root, dir/okrs) = %q, %v; want okrs", rel, err)
	}
}

func TestOpenThroughASymlinkKeepsTheCallersSpelling(t *testing.T) {
	dir := gitRepo(t, map[string]string{"okrs/a.yaml": "x\n"})
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	r, err := Open(filepath.Join(link, "okrs"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Root != link {
		t.Errorf("Root = %s, want %s", r.Root, link)
	}
}

func TestOpenOutsideARepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	_, err := Open(dir)
	var nr *NotRepoError
	if !errors.As(err, &nr) {
		t.Fatalf("Open = %v, want a *NotRepoError", err)
	}
	if !strings.Contains(err.Error(), "is not inside a git work tree") {
		t.Errorf("message %q", err)
	}
}

func TestOpenWithoutGit(t *testing.T) {
	dir := gitRepo(t, map[string]string{"a.yaml": "x\n"})
	t.Setenv("PATH", t.TempDir())
	if _, err := Open(dir); !errors.Is(err, ErrNoGit) {
		t.Fatalf("Open = %v, want ErrNoGit", err)
	}
}

func TestResolve(t *testing.T) {
	dir := gitRepo(t, map[string]string{"a.yaml": "one\n"}, map[string]string{"a.yaml": "two\n"})
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	head := git(t, dir, "rev-parse", "HEAD")
	for _, rev := range []string{"HEAD", head, head[:10], "HEAD~0"} {
		if got, err := r.Resolve(rev); err != nil || got != head {
			t.Errorf("Resolve(%q) = %q, %v; want %s", rev, got, err, head)
		}
	}
	tree := git(t, dir, "rev-parse", "HEAD^{tree}")
	for _, rev := range []string{"nope", "HEAD~5", "", "--all", "-h", tree, "HEAD:a.yaml", "^HEAD", "^HEAD~1", "HEAD..HEAD~1", "HEAD@{99}"} {
		_, err := r.Resolve(rev)
		var re *RevisionError
		if !errors.As(err, &re) {
			t.Errorf("Resolve(%q) = %v, want a *RevisionError", rev, err)
		}
	}
}

func TestTreeIsAnFS(t *testing.T) {
	dir := gitRepo(t,
		map[string]string{
			"okrs/2026-Q1/a.yaml":  "kind: Objective\nid: a\n",
			"okrs/2026-Q1/b c.yml": "kind: KPI\n",
			"okrs/a-b.yaml":        "sorted before okrs/a/ by git\n",
			"okrs/a/x.csv":         "date,kpi,value\n",
			"tool.sh":              "#!/bin/sh\n",
			"README.md":            "readme\n",
		},
		map[string]string{"okrs/2026-Q1/a.yaml": "kind: Objective\nid: a2\n", "link.yaml": "->okrs/a-b.yaml"},
	)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var asked []string
	tree, err := r.Tree("HEAD~1", func(name string, size int64) bool {
		asked = append(asked, name)
		return strings.HasSuffix(name, ".yaml")
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(tree, "okrs/2026-Q1/a.yaml", "okrs/2026-Q1/b c.yml", "okrs/a-b.yaml", "okrs/a/x.csv", "tool.sh", "README.md"); err != nil {
		t.Fatal(err)
	}
	if len(asked) != 6 {
		t.Errorf("prefetch asked about %v, want the 6 files", asked)
	}
	got, err := fs.ReadFile(tree, "okrs/2026-Q1/a.yaml")
	if err != nil || string(got) != "kind: Objective\nid: a\n" {
		t.Errorf("a.yaml at HEAD~1 = %q, %v", got, err)
	}
	// Not prefetched: read on open.
	if got, err := fs.ReadFile(tree, "README.md"); err != nil || string(got) != "readme\n" {
		t.Errorf("README.md = %q, %v", got, err)
	}
	if _, err := fs.Stat(tree, "link.yaml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("link.yaml exists at HEAD~1: %v", err)
	}

	head, err := r.Tree("HEAD", nil)
	if err != nil {
		t.Fatal(err)
	}
	// Stat follows a link, as os.Stat does.
	info, err := fs.Stat(head, "link.yaml")
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len("sorted before okrs/a/ by git\n")) {
		t.Errorf("link.yaml = %v, %v; want the file it links to", info, err)
	}
	if info, err := fs.Stat(head, "tool.sh"); err != nil || !info.Mode().IsRegular() || info.Size() != 10 {
		t.Errorf("tool.sh = %v, %v", info, err)
	}
	if head.Commit != git(t, dir, "rev-parse", "HEAD") || head.Rev != "HEAD" {
		t.Errorf("Commit, Rev = %s, %s", head.Commit, head.Rev)
	}
}

func TestTreeOfAnUnknownRevision(t *testing.T) {
	dir := gitRepo(t, map[string]string{"a.yaml": "x\n"})
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Tree("does-not-exist", nil)
	var re *RevisionError
	if !errors.As(err, &re) || re.Rev != "does-not-exist" {
		t.Fatalf("Tree = %v, want a *RevisionError", err)
	}
	if want := `unknown revision "does-not-exist"`; !strings.Contains(err.Error(), want) {
		t.Errorf("message %q lacks %q", err, want)
	}
}

func TestTreeRejectsBadNames(t *testing.T) {
	dir := gitRepo(t, map[string]string{"a.yaml": "x\n"})
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := r.Tree("HEAD", func(string, int64) bool { return false })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tree.Open("../a.yaml"); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("Open(../a.yaml) = %v, want ErrInvalid", err)
	}
	if _, err := tree.Open("missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(missing) = %v, want ErrNotExist", err)
	}
}

func TestCommitDate(t *testing.T) {
	t.Setenv("GIT_COMMITTER_DATE", "2026-01-01T00:30:00+02:00")
	t.Setenv("GIT_AUTHOR_DATE", "2025-06-01T12:00:00Z") // not the one read
	dir := gitRepo(t, map[string]string{"a.yaml": "x\n"})
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.CommitDate("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 12, 31, 22, 30, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("CommitDate = %v, want %v", got, want)
	}
	if y, m, d := got.Date(); y != 2026 || m != 1 || d != 1 {
		t.Errorf("CommitDate is on %d-%02d-%02d, want the committer's day 2026-01-01", y, m, d)
	}
	var re *RevisionError
	if _, err := r.CommitDate("no-such"); !errors.As(err, &re) {
		t.Errorf("CommitDate(no-such) = %v, want a *RevisionError", err)
	}
}

func TestParseSignatureDate(t *testing.T) {
	for _, tc := range []struct {
		sig, want string
	}{
		{"A U Thor <a@example.com> 1767220200 +0200", "2026-01-01T00:30:00+02:00"},
		{"<> 1767220200 -0530", "2025-12-31T17:00:00-05:30"},
		{"Odd > Name <x@y> 0 +0000", "1970-01-01T00:00:00Z"},
	} {
		got, err := parseSignatureDate(tc.sig)
		if err != nil || got.Format(time.RFC3339) != tc.want {
			t.Errorf("parseSignatureDate(%q) = %v, %v; want %s", tc.sig, got.Format(time.RFC3339), err, tc.want)
		}
	}
	for _, sig := range []string{"A <a@b>", "A <a@b> 12 0100", "A <a@b> x +0100", "A <a@b> 12 +01"} {
		if _, err := parseSignatureDate(sig); err == nil {
			t.Errorf("parseSignatureDate(%q): no error", sig)
		}
	}
}

// TestTreeFollowsLinksLikeTheWorkingTree reads links at a revision as the
// working tree at that commit would: links to files inside the repository
// are the files (through chains of links); links out of it, to
// directories, dangling or looping are files that cannot be opened, with
// the reason.
func TestTreeFollowsLinksLikeTheWorkingTree(t *testing.T) {
	dir := gitRepo(t, map[string]string{
		"shared/example.yaml":       "kind: Objective\n",
		"okrs/2026-Q4/example.yaml": "->../../shared/example.yaml",
		"okrs/chain.yaml":           "->2026-Q4/example.yaml",
		"okrs/out.yaml":             "->../../outside.yaml",
		"okrs/abs.yaml":             "->/etc/passwd",
		"okrs/dir.yaml":             "->../shared",
		"okrs/gone.yaml":            "->nothing.yaml",
		"okrs/loop-a.yaml":          "->loop-b.yaml",
		"okrs/loop-b.yaml":          "->loop-a.yaml",
		".okrctl.yaml":              "->shared/config.yaml",
		"shared/config.yaml":        "paths: [okrs]\n",
	})
	repo, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := repo.Tree("HEAD", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"okrs/2026-Q4/example.yaml", "okrs/chain.yaml"} {
		got, err := fs.ReadFile(tree, name)
		if err != nil || string(got) != "kind: Objective\n" {
			t.Errorf("ReadFile(%s) = %q, %v; want the linked file", name, got, err)
		}
		if info, err := fs.Stat(tree, name); err != nil || !info.Mode().IsRegular() || info.Size() != 16 || info.Name() != path.Base(name) {
			t.Errorf("Stat(%s) = %v, %v; want a regular file of 16 bytes named like the link", name, info, err)
		}
	}
	if got, err := tree.ReadFile(".okrctl.yaml"); err != nil || string(got) != "paths: [okrs]\n" {
		t.Errorf("a linked .okrctl.yaml reads %q, %v", got, err)
	}
	for name, why := range map[string]string{
		"okrs/out.yaml":    "leaves the repository",
		"okrs/abs.yaml":    "leaves the repository",
		"okrs/dir.yaml":    "names a directory",
		"okrs/gone.yaml":   "names nothing",
		"okrs/loop-a.yaml": "more than 40 links",
	} {
		_, err := fs.ReadFile(tree, name)
		var le *LinkError
		if !errors.As(err, &le) || !strings.Contains(err.Error(), why) {
			t.Errorf("ReadFile(%s) = %v; want a LinkError saying it %s", name, err, why)
		}
		if _, err := tree.Open(name); !errors.As(err, &le) {
			t.Errorf("Open(%s) = %v; want a LinkError", name, err)
		}
		// Stat shows it as a file, so that a walk reads it and reports why
		// it cannot, rather than skip it.
		if info, err := fs.Stat(tree, name); err != nil || !info.Mode().IsRegular() {
			t.Errorf("Stat(%s) = %v, %v; want an empty regular file", name, info, err)
		}
	}
	// A directory lists a link as a link, as os.ReadDir does.
	entries, err := fs.ReadDir(tree, "okrs/2026-Q4")
	if err != nil || len(entries) != 1 || entries[0].Type()&fs.ModeSymlink == 0 {
		t.Errorf("ReadDir lists %v, %v; want one link", entries, err)
	}
}
