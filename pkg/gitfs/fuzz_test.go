package gitfs

import (
	"errors"
	"io/fs"
	"testing"
)

// memTree builds a Tree without git: files (path → content) and links
// (path → target), their contents already loaded.
func memTree(files, links map[string]string) *Tree {
	t := &Tree{root: &node{name: ".", mode: fs.ModeDir | 0o555}}
	add := func(name, data string, mode fs.FileMode) {
		n := &node{name: name[lastSlash(name)+1:], mode: mode, size: int64(len(data))}
		n.once.Do(func() { n.data = []byte(data) })
		t.add(name, n)
	}
	for name, data := range files {
		add(name, data, 0o444)
	}
	for name, target := range links {
		add(name, target, fs.ModeSymlink|0o444)
	}
	t.root.sortAll()
	return t
}

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return -1
}

// FuzzTreeLinks follows symbolic links whose targets are anything a
// commit may hold: a link either reads one of the tree's files or fails
// with a LinkError, never escapes the tree, panics or loops.
func FuzzTreeLinks(f *testing.F) {
	for _, seed := range [][2]string{
		{"../file.yaml", "b/link.yaml"},
		{"../../outside.yaml", "x"},
		{"/etc/passwd", ""},
		{"l2", "link.yaml"},
		{"../d", "../../a/file.yaml"},
		{"./../a/./file.yaml", "..//a/file.yaml"},
		{"", "."},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, target1, target2 string) {
		tree := memTree(
			map[string]string{"a/file.yaml": "inside\n", "d/x.csv": "date\n"},
			map[string]string{"a/b/link.yaml": target1, "a/b/l2": target2},
		)
		for _, name := range []string{"a/b/link.yaml", "a/b/l2"} {
			data, err := fs.ReadFile(tree, name)
			var le *LinkError
			switch {
			case err == nil:
				if s := string(data); s != "inside\n" && s != "date\n" {
					t.Fatalf("%s (→ %q, %q) reads %q, which is no file of the tree", name, target1, target2, s)
				}
			case !errors.As(err, &le):
				t.Fatalf("%s (→ %q, %q): %v, want a LinkError", name, target1, target2, err)
			}
			if _, err := fs.Stat(tree, name); err != nil {
				t.Fatalf("Stat(%s) = %v: a link always stats", name, err)
			}
		}
	})
}
