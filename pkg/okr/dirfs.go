package okr

import (
	"io/fs"
	"os"
)

// DirFS returns the file system of the tree rooted at dir, like os.DirFS,
// from which Load reads whole files with fewer system calls where the
// platform allows (on a repository of small files, opening and reading
// them costs more than parsing them).
func DirFS(dir string) fs.FS { return dirFS{fsys: os.DirFS(dir), dir: dir} }

type dirFS struct {
	fsys fs.FS // os.DirFS(dir)
	dir  string
}

// Open opens the named file, as os.DirFS does.
func (d dirFS) Open(name string) (fs.File, error) { return d.fsys.Open(name) }

// ReadDir reads the named directory, as os.DirFS does.
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.fsys, name) }

// Stat describes the named file, as os.DirFS does.
func (d dirFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.fsys, name) }

// wholeFileReader is a file system that reads a whole file at once, unless
// it is larger than limit bytes (src is then nil and size the file's size).
// ok false means it cannot tell for this file: read it the usual way.
type wholeFileReader interface {
	readWhole(name string, limit int64) (src []byte, size int64, ok bool, err error)
}
