package config

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Lookup finds the configuration that applies to a command run in dir on
// paths, and parses it: FileName is looked for from the first of paths
// upward (from its directory when it is a file), then from dir upward,
// never above top; the first one found wins, else Default(dir).
//
// fsys is the file system whose root is the directory top (absolute): the
// disk (DiskFS) or a repository's tree at a git revision, so that the one
// lookup serves both. paths are absolute or relative to dir. name says how
// a file of fsys, a '/'-separated path relative to top, is called in
// messages. A link named FileName counts when fsys follows it to a file.
func Lookup(fsys fs.FS, top, dir string, paths []string, name func(rel string) string) (*Config, error) {
	var starts []string
	if len(paths) > 0 {
		p := paths[0]
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if rel, ok := within(top, p); ok {
			if info, err := fs.Stat(fsys, rel); err == nil && !info.IsDir() {
				p = filepath.Dir(p)
			}
		}
		starts = append(starts, p)
	}
	for _, start := range append(starts, dir) {
		rel, ok := within(top, start)
		if !ok {
			continue
		}
		for {
			file := path.Join(rel, FileName)
			if info, err := fs.Stat(fsys, file); err == nil && info.Mode().IsRegular() {
				src, err := fs.ReadFile(fsys, file)
				if err != nil {
					if errors.Is(err, fs.ErrNotExist) {
						return nil, ErrorAt(name(file), 0, "no such file")
					}
					return nil, ErrorAt(name(file), 0, err.Error())
				}
				return Parse(name(file), filepath.Join(top, filepath.FromSlash(rel)), src)
			}
			if rel == "." {
				break
			}
			rel = path.Dir(rel)
		}
	}
	return Default(dir), nil
}

// DiskFS returns the file system of the volume that holds dir, with its
// root, for Lookup on the working tree; names in messages are the files'
// paths on disk.
func DiskFS(dir string) (fsys fs.FS, top string, name func(rel string) string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	top = filepath.VolumeName(abs) + string(filepath.Separator)
	return os.DirFS(top), top, func(rel string) string { return filepath.Join(top, filepath.FromSlash(rel)) }
}

// within turns an absolute path into a '/'-separated path relative to
// top; ok is false when it is outside top.
func within(top, p string) (string, bool) {
	rel, err := filepath.Rel(top, filepath.Clean(p))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
