//go:build unix

package okr

import (
	"io/fs"
	"path/filepath"
	"syscall"
)

// readWhole reads a regular file with four system calls (open, fstat, read,
// close), where os.Open alone makes several more to set the file up for
// the poller that a regular file never uses.
func (d dirFS) readWhole(name string, limit int64) (src []byte, size int64, ok bool, err error) {
	if !fs.ValidPath(name) {
		return nil, 0, false, nil
	}
	full := filepath.Join(d.dir, filepath.FromSlash(name))
	var fd int
	for {
		fd, err = syscall.Open(full, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, 0, true, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size == 0 {
		// Not a regular file, or one that may not know its size (as in
		// /proc): the usual way reads it to its end.
		return nil, 0, false, nil
	}
	if st.Size > limit {
		return nil, st.Size, true, nil
	}
	src = make([]byte, st.Size)
	n := 0
	for n < len(src) {
		m, err := syscall.Read(fd, src[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, 0, true, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if m == 0 {
			break // it shrank since fstat
		}
		n += m
	}
	return src[:n], int64(n), true, nil
}
