//go:build unix

package okr

import (
	"io/fs"
	"syscall"
)

// readWhole reads a regular file with four system calls (open, fstat, read,
// close), where os.Open alone makes several more to set the file up for
// the poller that a regular file never uses.
func (d dirFS) readWhole(name string, limit int64) (src []byte, size int64, ok bool, err error) {
	full, err := d.join("open", name)
	if err != nil {
		return nil, 0, true, err
	}
	var fd int
	for {
		// Non-blocking, so that a named pipe put where a file was listed
		// is refused below instead of waiting for a writer forever.
		fd, err = syscall.Open(full, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, 0, true, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, 0, false, nil
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, 0, true, &fs.PathError{Op: "open", Path: name, Err: errNotRegular}
	}
	if st.Size == 0 {
		// A regular file that may not know its size (as in /proc): the
		// usual way reads it to its end.
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
