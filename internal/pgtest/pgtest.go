// Package pgtest starts a throwaway PostgreSQL server for tests: initdb and
// pg_ctl from the system's PostgreSQL (Debian's postgresql package puts
// them under /usr/lib/postgresql/VERSION/bin), in a temporary directory, on
// a free port of 127.0.0.1 and a Unix socket in that directory, as an
// unprivileged user when the tests run as root (PostgreSQL refuses to run
// as root). Stop removes everything.
package pgtest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ErrNotInstalled is returned by Start when initdb or pg_ctl is missing.
var ErrNotInstalled = errors.New("PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql)")

// Server is a running PostgreSQL server.
type Server struct {
	// DSN connects to its postgres database as the postgres superuser.
	DSN string
	// Port is the TCP port it listens on, on 127.0.0.1 only.
	Port int

	dir, data, pgctl string
	runAs            string // "" to run as ourselves
}

// Binaries returns the directory that holds initdb and pg_ctl: the newest
// /usr/lib/postgresql/*/bin, else the directory of initdb in PATH.
func Binaries() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if isExec(filepath.Join(d, "initdb")) && isExec(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		d := filepath.Dir(p)
		if isExec(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	return "", ErrNotInstalled
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func isExec(p string) bool {
	info, err := os.Stat(p)
	return err == nil && !info.IsDir() && info.Mode()&0o111 != 0
}

// Start creates a cluster in a new temporary directory and starts it. The
// caller must call Stop.
func Start() (*Server, error) {
	bin, err := Binaries()
	if err != nil {
		return nil, err
	}
	// /tmp rather than $TMPDIR: a Unix socket's path is limited to about
	// 100 bytes, and the unprivileged user must reach the directory.
	parent := ""
	if info, err := os.Stat("/tmp"); err == nil && info.IsDir() {
		parent = "/tmp"
	}
	dir, err := os.MkdirTemp(parent, "okrctl-pgtest-")
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, data: filepath.Join(dir, "data"), pgctl: filepath.Join(bin, "pg_ctl")}
	ok := false
	defer func() {
		if !ok {
			s.Stop()
		}
	}()
	if os.Geteuid() == 0 {
		// PostgreSQL will not run as root: hand the directory to nobody.
		s.runAs = "nobody"
		u, err := user.Lookup(s.runAs)
		if err != nil {
			return nil, fmt.Errorf("look up user %s: %w", s.runAs, err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chmod(dir, 0o755); err != nil {
			return nil, err
		}
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	if out, err := s.run(filepath.Join(bin, "initdb"), "-D", s.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s.Port = port
	// Listen on loopback and a socket in our directory only; fsync off,
	// as nothing here needs to survive a crash.
	opts := fmt.Sprintf("-p %d -h 127.0.0.1 -k %s -F -c max_connections=20", port, dir)
	if out, err := s.run(s.pgctl, "-D", s.data, "-l", filepath.Join(dir, "log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		return nil, fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	s.DSN = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable&connect_timeout=10", port)
	ok = true
	return s, nil
}

// Stop stops the server at once and removes its directory.
func (s *Server) Stop() {
	if s == nil {
		return
	}
	if _, err := os.Stat(filepath.Join(s.data, "postmaster.pid")); err == nil {
		_, _ = s.run(s.pgctl, "-D", s.data, "-m", "immediate", "-w", "-t", "30", "stop")
	}
	os.RemoveAll(s.dir)
}

// run runs a PostgreSQL program, as the unprivileged user when needed.
func (s *Server) run(prog string, args ...string) ([]byte, error) {
	var cmd *exec.Cmd
	if s.runAs != "" {
		cmd = exec.Command("runuser", append([]string{"-u", s.runAs, "--", prog}, args...)...)
		if _, err := exec.LookPath("runuser"); err != nil {
			cmd = exec.Command("su", "-s", "/bin/sh", s.runAs, "-c", shellQuote(append([]string{prog}, args...)))
		}
	} else {
		cmd = exec.Command(prog, args...)
	}
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C", "PGTZ=UTC", "TZ=UTC")
	done := make(chan struct{})
	var out []byte
	var err error
	go func() { out, err = cmd.CombinedOutput(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		if cmd.Process != nil {
			_ = cmd.Process.Kill()
		}
		<-done
		err = fmt.Errorf("%s timed out", filepath.Base(prog))
	}
	return out, err
}

func shellQuote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}

// freePort asks the kernel for a free port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Required reports whether a missing PostgreSQL must fail the tests rather
// than skip them: in CI (CI set), it must.
func Required() bool { return os.Getenv("CI") != "" }
