package gitfs

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Tree is the tree of files of one commit, as a read-only fs.FS whose root
// is the repository's top level. Blobs chosen when the tree is read are
// held in memory; any other file is read from git when first opened. A Tree
// is safe for concurrent use.
type Tree struct {
	Rev    string // the revision as given
	Commit string // the full commit id it resolved to
	repo   *Repo
	root   *node
}

// node is a file or directory of a Tree.
type node struct {
	name     string
	mode     fs.FileMode
	size     int64
	oid      string
	children []*node // directories only, sorted by name
	byName   map[string]*node

	once sync.Once // loads data
	data []byte
	err  error
}

// Tree reads the tree of the commit rev names: the list of its files with
// `git ls-tree`, then the content of every blob prefetch accepts (nil
// accepts all) through one `git cat-file --batch` process. prefetch gets
// the '/'-separated path and the size in bytes.
func (r *Repo) Tree(rev string, prefetch func(name string, size int64) bool) (*Tree, error) {
	commit, err := r.Resolve(rev)
	if err != nil {
		return nil, err
	}
	out, err := r.run("ls-tree", "-r", "-z", "-l", "--full-tree", commit)
	if err != nil {
		return nil, err
	}
	t := &Tree{Rev: rev, Commit: commit, repo: r, root: &node{name: ".", mode: fs.ModeDir | 0o555}}
	var want []*node
	for _, rec := range bytes.Split(out, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		n, name, err := parseEntry(string(rec))
		if err != nil {
			return nil, err
		}
		if n == nil {
			continue // a submodule
		}
		t.add(name, n)
		// A link's blob is its target, needed to resolve it.
		if n.mode&fs.ModeSymlink != 0 || n.mode.IsRegular() && (prefetch == nil || prefetch(name, n.size)) {
			want = append(want, n)
		}
	}
	t.root.sortAll()
	if err := r.catFile(want); err != nil {
		return nil, err
	}
	return t, nil
}

// parseEntry parses one record of `git ls-tree -l -z`:
// "<mode> <type> <object> <size>\t<path>". It returns a nil node for
// entries that are not files (submodules).
func parseEntry(rec string) (*node, string, error) {
	meta, name, ok := strings.Cut(rec, "\t")
	f := strings.Fields(meta)
	if !ok || len(f) != 4 || name == "" {
		return nil, "", fmt.Errorf("git ls-tree: unexpected record %q", rec)
	}
	if f[1] != "blob" {
		return nil, name, nil
	}
	size, err := strconv.ParseInt(f[3], 10, 64)
	if err != nil {
		return nil, "", fmt.Errorf("git ls-tree: bad size in %q", rec)
	}
	n := &node{name: path.Base(name), size: size, oid: f[2]}
	switch f[0] {
	case "100755":
		n.mode = 0o555
	case "120000":
		n.mode = fs.ModeSymlink | 0o444
	default:
		n.mode = 0o444
	}
	return n, name, nil
}

// add puts a file at name, creating its parent directories.
func (t *Tree) add(name string, n *node) {
	dir := t.root
	parts := strings.Split(name, "/")
	for _, p := range parts[:len(parts)-1] {
		child := dir.byName[p]
		if child == nil {
			child = &node{name: p, mode: fs.ModeDir | 0o555}
			dir.link(child)
		}
		dir = child
	}
	dir.link(n)
}

func (n *node) link(child *node) {
	if n.byName == nil {
		n.byName = map[string]*node{}
	}
	n.byName[child.name] = child
	n.children = append(n.children, child)
}

// catFile reads the content of nodes through one `git cat-file --batch`
// process: object ids go in on stdin, "<oid> <type> <size>\n<content>\n"
// comes out, in order.
func (r *Repo) catFile(nodes []*node) error {
	// Take what an earlier tree read already; ask git for the rest.
	r.mu.Lock()
	fetch := nodes[:0:0]
	for _, n := range nodes {
		if data, ok := r.blobs[n.oid]; ok {
			n.once.Do(func() { n.data = data })
		} else {
			fetch = append(fetch, n)
		}
	}
	r.mu.Unlock()
	nodes = fetch
	if len(nodes) == 0 {
		return nil
	}
	args := []string{"cat-file", "--batch", "--buffer"}
	cmd := r.command(args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return &GitError{Args: args, Err: err}
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, n := range nodes {
			fmt.Fprintln(w, n.oid)
		}
		w.Flush()
		stdin.Close()
	}()
	br := bufio.NewReaderSize(stdout, 64<<10)
	readErr := func() error {
		for _, n := range nodes {
			data, err := readObject(br, n.oid)
			if err != nil {
				return err
			}
			n.once.Do(func() { n.data = data })
		}
		return nil
	}()
	if readErr == nil {
		r.mu.Lock()
		if r.blobs == nil {
			r.blobs = make(map[string][]byte, len(nodes))
		}
		for _, n := range nodes {
			r.blobs[n.oid] = n.data
		}
		r.mu.Unlock()
	}
	if readErr != nil {
		io.Copy(io.Discard, br) // let git finish writing before Wait
	}
	if err := cmd.Wait(); err != nil {
		return &GitError{Args: args, Stderr: strings.TrimSpace(stderr.String()), Err: err}
	}
	return readErr
}

// readObject reads one object of `git cat-file --batch` output.
func readObject(br *bufio.Reader, oid string) ([]byte, error) {
	header, err := br.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file: reading %s: %w", oid, err)
	}
	f := strings.Fields(header)
	if len(f) != 3 || f[0] != oid {
		return nil, fmt.Errorf("git cat-file: unexpected answer %q for %s", strings.TrimSpace(header), oid)
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil || size < 0 {
		return nil, fmt.Errorf("git cat-file: bad size in %q", strings.TrimSpace(header))
	}
	data := make([]byte, size+1) // the content and its trailing newline
	if _, err := io.ReadFull(br, data); err != nil {
		return nil, fmt.Errorf("git cat-file: reading %s: %w", oid, err)
	}
	return data[:size], nil
}

// load returns a file's content, asking git for it on first use when it
// was not prefetched.
func (t *Tree) load(n *node) ([]byte, error) {
	n.once.Do(func() {
		n.data, n.err = t.repo.run("cat-file", "blob", n.oid)
	})
	return n.data, n.err
}

func (t *Tree) lookup(op, name string) (*node, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	n := t.root
	if name == "." {
		return n, nil
	}
	for _, p := range strings.Split(name, "/") {
		if n.byName == nil || n.byName[p] == nil {
			return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
		}
		n = n.byName[p]
	}
	return n, nil
}

// maxLinks bounds a chain of symbolic links, as the kernel's ELOOP does.
const maxLinks = 40

// LinkError is a symbolic link of a tree that okrctl does not follow: one
// that leaves the repository, names a directory, dangles or loops. Open
// and ReadFile return it (in an *fs.PathError); Stat describes such a link
// as an empty regular file, so that a reader walking the tree tries to
// read it and reports why it cannot, instead of skipping it in silence.
type LinkError struct {
	Target string // the link's target, as written in the link
	Reason string
}

func (e *LinkError) Error() string {
	return fmt.Sprintf("symbolic link to %s %s", e.Target, e.Reason)
}

// resolve returns the node name stands for, following symbolic links the
// way the working tree at that commit would: to files inside the
// repository only.
func (t *Tree) resolve(op, name string) (*node, error) {
	n, err := t.lookup(op, name)
	if err != nil {
		return nil, err
	}
	for hops := 0; n.mode&fs.ModeSymlink != 0; hops++ {
		data, err := t.load(n)
		if err != nil {
			return nil, &fs.PathError{Op: op, Path: name, Err: err}
		}
		target := string(data)
		fail := func(reason string) (*node, error) {
			return nil, &fs.PathError{Op: op, Path: name, Err: &LinkError{Target: target, Reason: reason}}
		}
		if hops == maxLinks {
			return fail("is a chain of more than 40 links (a loop?)")
		}
		if strings.HasPrefix(target, "/") || target == "" {
			return fail("leaves the repository: only files inside it are read at a revision")
		}
		next := path.Join(path.Dir(name), target)
		if next == ".." || strings.HasPrefix(next, "../") {
			return fail("leaves the repository: only files inside it are read at a revision")
		}
		if n, err = t.lookup(op, next); err != nil {
			return fail("names nothing in the revision")
		}
		if n.mode.IsDir() {
			return fail("names a directory: links to directories are not followed")
		}
		name = next
	}
	return n, nil
}

// Open opens a file or directory of the tree, following symbolic links
// to files inside the repository.
func (t *Tree) Open(name string) (fs.File, error) {
	n, err := t.resolve("open", name)
	if err != nil {
		return nil, err
	}
	if n.mode.IsDir() {
		return &openDir{n: n}, nil
	}
	data, err := t.load(n)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &openFile{n: n, r: bytes.NewReader(data)}, nil
}

// Stat describes a file or directory of the tree without reading it,
// following symbolic links like Open (see LinkError for those it does not
// follow).
func (t *Tree) Stat(name string) (fs.FileInfo, error) {
	n, err := t.resolve("stat", name)
	var le *LinkError
	if errors.As(err, &le) {
		ln, _ := t.lookup("stat", name)
		return info{&node{name: ln.name, mode: 0o444}}, nil
	}
	if err != nil {
		return nil, err
	}
	if n.name != path.Base(name) && name != "." {
		// A link: its own name, its target's kind and size (as os.Stat).
		return info{&node{name: path.Base(name), mode: n.mode, size: n.size}}, nil
	}
	return info{n}, nil
}

// ReadDir lists a directory of the tree, sorted by name. Symbolic links
// are listed as links (Type has fs.ModeSymlink), as os.ReadDir does.
func (t *Tree) ReadDir(name string) ([]fs.DirEntry, error) {
	n, err := t.lookup("readdir", name)
	if err != nil {
		return nil, err
	}
	if !n.mode.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fmt.Errorf("not a directory")}
	}
	out := make([]fs.DirEntry, len(n.children))
	for i, c := range n.children {
		out[i] = info{c}
	}
	return out, nil
}

// ReadFile returns the content of a file of the tree, following symbolic
// links like Open.
func (t *Tree) ReadFile(name string) ([]byte, error) {
	n, err := t.resolve("readfile", name)
	if err != nil {
		return nil, err
	}
	if n.mode.IsDir() {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fmt.Errorf("is a directory")}
	}
	data, err := t.load(n)
	if err != nil {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: err}
	}
	return bytes.Clone(data), nil
}

// sortAll orders every directory's children by name: git lists a
// directory "a" after a file "a-b" ("a/" sorts after "a-"), fs.ReadDir
// wants "a" first.
func (n *node) sortAll() {
	sort.Slice(n.children, func(i, j int) bool { return n.children[i].name < n.children[j].name })
	for _, c := range n.children {
		if c.mode.IsDir() {
			c.sortAll()
		}
	}
}

// info is a node's fs.FileInfo and fs.DirEntry.
type info struct{ n *node }

func (i info) Name() string               { return i.n.name }
func (i info) Size() int64                { return i.n.size }
func (i info) Mode() fs.FileMode          { return i.n.mode }
func (i info) ModTime() time.Time         { return time.Time{} }
func (i info) IsDir() bool                { return i.n.mode.IsDir() }
func (i info) Sys() any                   { return nil }
func (i info) Type() fs.FileMode          { return i.n.mode.Type() }
func (i info) Info() (fs.FileInfo, error) { return i, nil }
func (i info) String() string             { return fs.FormatDirEntry(i) }

type openFile struct {
	n *node
	r *bytes.Reader
}

func (f *openFile) Stat() (fs.FileInfo, error) { return info{f.n}, nil }
func (f *openFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *openFile) Close() error               { return nil }

// Seek and ReadAt let callers such as http.FS treat the file like an
// *os.File.
func (f *openFile) Seek(offset int64, whence int) (int64, error) { return f.r.Seek(offset, whence) }
func (f *openFile) ReadAt(b []byte, off int64) (int, error)      { return f.r.ReadAt(b, off) }

type openDir struct {
	n      *node
	offset int
}

func (d *openDir) Stat() (fs.FileInfo, error) { return info{d.n}, nil }
func (d *openDir) Close() error               { return nil }
func (d *openDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.n.name, Err: fmt.Errorf("is a directory")}
}

// ReadDir implements fs.ReadDirFile.
func (d *openDir) ReadDir(count int) ([]fs.DirEntry, error) {
	rest := d.n.children[d.offset:]
	if count > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if count > 0 && count < len(rest) {
		rest = rest[:count]
	}
	out := make([]fs.DirEntry, len(rest))
	for i, c := range rest {
		out[i] = info{c}
	}
	d.offset += len(rest)
	return out, nil
}

var (
	_ fs.ReadDirFS  = (*Tree)(nil)
	_ fs.ReadFileFS = (*Tree)(nil)
	_ fs.StatFS     = (*Tree)(nil)
)
