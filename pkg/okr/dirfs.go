package okr

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// DirFS returns the file system of the tree rooted at dir, like os.DirFS,
// from which Load reads whole files with fewer system calls where the
// platform allows (on a repository of small files, opening and reading
// them costs more than parsing them). Unlike os.DirFS it opens names that
// are not valid UTF-8 (r\xe9sum\xe9.yaml, written by an old tool in
// Latin-1), which the operating system allows; Load shows them escaped.
func DirFS(dir string) fs.FS { return dirFS{dir: dir} }

type dirFS struct {
	dir string
}

// join returns the operating system's path of name, or an error for a
// name that is not an unrooted, slash-separated path without "." or ".."
// elements (fs.ValidPath without its UTF-8 check).
func (d dirFS) join(op, name string) (string, error) {
	if !validPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(d.dir, filepath.FromSlash(name)), nil
}

// Open opens the named file, as os.DirFS does.
func (d dirFS) Open(name string) (fs.File, error) {
	full, err := d.join("open", name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPathErr(err)}
	}
	return f, nil
}

// ReadDir reads the named directory, as os.DirFS does.
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	full, err := d.join("readdir", name)
	if err != nil {
		return nil, err
	}
	es, err := os.ReadDir(full)
	if err != nil {
		return es, &fs.PathError{Op: "readdir", Path: name, Err: unwrapPathErr(err)}
	}
	return es, nil
}

// Stat describes the named file, as os.DirFS does.
func (d dirFS) Stat(name string) (fs.FileInfo, error) {
	full, err := d.join("stat", name)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(full)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: unwrapPathErr(err)}
	}
	return info, nil
}

// validPath is fs.ValidPath without the requirement of valid UTF-8; on
// Windows, as for os.DirFS, a name may not hold a backslash or a colon.
func validPath(name string) bool {
	if name == "." {
		return true
	}
	if runtime.GOOS == "windows" && strings.ContainsAny(name, `\:`) {
		return false
	}
	for {
		i := 0
		for i < len(name) && name[i] != '/' {
			i++
		}
		if elem := name[:i]; elem == "" || elem == "." || elem == ".." {
			return false
		}
		if i == len(name) {
			return true
		}
		name = name[i+1:]
	}
}

// wholeFileReader is a file system that reads a whole file at once, unless
// it is larger than limit bytes (src is then nil and size the file's size).
// ok false means it cannot tell for this file: read it the usual way.
type wholeFileReader interface {
	readWhole(name string, limit int64) (src []byte, size int64, ok bool, err error)
}
