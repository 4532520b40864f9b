package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")

	// A new file is complete and readable by others.
	if err := Write(path, []byte("first\n")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "first\n", 0o644)

	// Replacing keeps the old file's permissions.
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("second\n")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "second\n", 0o600)

	// A symbolic link is followed: the file it points to is replaced and
	// the link stays.
	link := filepath.Join(dir, "latest.md")
	if err := os.Symlink("report.md", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("third\n")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "third\n", 0o600)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}

	// A failure leaves nothing behind.
	if err := Write(filepath.Join(dir, "missing", "r.md"), []byte("x")); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
	assertOnly(t, dir, "latest.md", "report.md")
}

// TestWriteFunc checks the streaming form: what write writes replaces the
// file only once write has succeeded; a write that fails or panics part
// way leaves the old file, its permissions, and no temporary file.
func TestWriteFunc(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")
	if err := os.WriteFile(path, []byte("old\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	errRender := errors.New("render failed")

	// A failing write, after a part of the new content.
	err := WriteFunc(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "half of a new"); err != nil {
			return err
		}
		return errRender
	})
	if !errors.Is(err, errRender) {
		t.Errorf("WriteFunc with a failing write: err = %v, want %v", err, errRender)
	}
	assertFile(t, path, "old\n", 0o640)
	assertOnly(t, dir, "report.md")

	// A panicking write.
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic of write did not reach the caller")
			}
		}()
		_ = WriteFunc(path, func(w io.Writer) error {
			io.WriteString(w, "half")
			panic("render bug")
		})
	}()
	assertFile(t, path, "old\n", 0o640)
	assertOnly(t, dir, "report.md")

	// Success, in many writes: the file is replaced, its permissions kept.
	var want strings.Builder
	err = WriteFunc(path, func(w io.Writer) error {
		for i := range 1000 {
			line := strings.Repeat("x", i%80) + "\n"
			want.WriteString(line)
			if _, err := io.WriteString(w, line); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, want.String(), 0o640)
	assertOnly(t, dir, "report.md")

	// A new file gets 0644.
	fresh := filepath.Join(dir, "fresh.md")
	if err := WriteFunc(fresh, func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err }); err != nil {
		t.Fatal(err)
	}
	assertFile(t, fresh, "new\n", 0o644)

	// A failing write of a file that did not exist leaves no file.
	gone := filepath.Join(dir, "gone.md")
	if err := WriteFunc(gone, func(io.Writer) error { return errRender }); !errors.Is(err, errRender) {
		t.Errorf("err = %v, want %v", err, errRender)
	}
	assertOnly(t, dir, "fresh.md", "report.md")
}

// assertOnly checks that dir holds the named entries and nothing else (no
// temporary file left behind).
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %v, want only %v", dir, got, names)
	}
}

func assertFile(t *testing.T, path, content string, perm os.FileMode) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != content {
		t.Errorf("%s holds %q, want %q", path, b, content)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != perm {
		t.Errorf("%s has mode %v, want %v", path, fi.Mode().Perm(), perm)
	}
}

// TestWriteDanglingLink checks that a link to a file not yet written is
// followed, as a plain write follows it, and stays a link.
func TestWriteDanglingLink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "latest.md")
	if err := os.Symlink("reports/q4.md", link); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "reports"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("q4\n")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, filepath.Join(dir, "reports", "q4.md"), "q4\n", 0o644)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the dangling link was replaced by a file: %v %v", fi, err)
	}
}

// TestWriteRefusesWhatAPlainWriteWould checks that a file the user may not
// write (read-only, or another user's) is refused and left as it is. Root
// may write any file, so as root the test runs itself again as nobody.
func TestWriteRefusesWhatAPlainWriteWould(t *testing.T) {
	if os.Getenv("ATOMICFILE_AS_NOBODY") == "" && os.Geteuid() == 0 {
		runAsNobody(t, "TestWriteRefusesWhatAPlainWriteWould")
		return
	}
	dir := os.Getenv("ATOMICFILE_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, "readonly.md")
	if err := os.WriteFile(path, []byte("keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	err := Write(path, []byte("new\n"))
	if err == nil || !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Write on a read-only file: err = %v, want permission denied", err)
	}
	assertFile(t, path, "keep\n", 0o444)
	// The streaming form refuses before it renders anything.
	called := false
	err = WriteFunc(path, func(io.Writer) error { called = true; return nil })
	if err == nil || !errors.Is(err, fs.ErrPermission) || called {
		t.Errorf("WriteFunc on a read-only file: err = %v, write called %v; want permission denied before writing", err, called)
	}
	assertFile(t, path, "keep\n", 0o444)
	if err := Write(dir, []byte("x")); err == nil {
		t.Error("Write on a directory succeeded")
	}
}

// runAsNobody runs the named test of this test binary again as the user
// nobody, in a directory that user owns.
func runAsNobody(t *testing.T, name string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	base, err := os.MkdirTemp("", "atomicfile-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(base, "atomicfile.test")
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(base, "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	const nobody = 65534
	if err := os.Chown(work, nobody, nobody); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^"+name+"$", "-test.v")
	cmd.Env = append(os.Environ(), "ATOMICFILE_AS_NOBODY=1", "ATOMICFILE_DIR="+work, "HOME="+work)
	cmd.Dir = work
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+name) {
		t.Fatalf("as nobody, the test did not pass:\n%s", out)
	}
}
