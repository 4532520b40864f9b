// Package atomicfile replaces files so that a reader sees either the old
// content or the whole new one, never a part.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// maxLinks bounds how many symbolic links WriteFunc follows, as the kernel does.
const maxLinks = 40

// Write replaces path with data atomically, as WriteFunc does.
func Write(path string, data []byte) error {
	return WriteFunc(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFunc replaces path atomically with what write writes to w: write
// writes into a temporary file in the same directory (a rename is atomic
// only within a file system), which is then synced, renamed over path,
// and the directory synced. The content is never held whole in memory;
// w is the file itself, so write should buffer small writes.
//
// It behaves like a plain write otherwise: a symbolic link is followed, a
// dangling one included, so the file it points to is written and the link
// stays; an existing file that could not be opened for writing (read-only,
// or another user's) is refused before write is called, not replaced;
// anything but a regular file is refused. The new file keeps the old
// one's permissions, else gets 0644. If write returns an error (or
// panics), or anything else fails, the temporary file is removed and path
// is untouched.
func WriteFunc(path string, write func(w io.Writer) error) (err error) {
	path, err = resolve(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("write %s: not a regular file", path)
		}
		mode = info.Mode().Perm()
		// Refuse where a plain write would be refused; O_NONBLOCK keeps a
		// FIFO swapped in meanwhile from blocking the probe.
		f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		f.Close()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	renamed := false
	defer func() {
		if !renamed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		if pe, ok := err.(*fs.PathError); ok && pe.Path == tmp.Name() {
			err = pe.Err // name path, not the temporary file
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	renamed = true
	// Make the rename itself durable; some systems cannot sync a
	// directory, and the file is complete either way.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// resolve follows path while it is a symbolic link, to the file a plain
// write would write, even when that file does not exist yet.
func resolve(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return path, err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		target, err := os.Readlink(path)
		if err != nil {
			return path, err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return path, errors.New("too many levels of symbolic links")
}
