package pull

import (
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/okrctl/okrctl/internal/pgtest"
	"github.com/okrctl/okrctl/pkg/okr"
)

// row is a date,value pair at a source.
type row struct{ date, value string }

// backend is one kind of source under test, with the data it answers.
type backend struct {
	name string
	desc string // how messages name the source
	env  map[string]string
	// secrets must never appear in a message.
	secrets []string
	// set replaces the rows the source answers.
	set func(t *testing.T, rows []row)
	// count returns how many rows the source holds (to see a write refused).
	count func(t *testing.T) int
	// The sources: the data, bad rows (row 2 a bad date, row 3 a bad
	// value), one too slow to answer, one that writes (nil where a
	// source cannot write), one that cannot be reached, one whose
	// environment variable is missing (nil where none is needed).
	ok, bad, slow, writes, unreachable, missingEnv *okr.Source
}

func (b *backend) getenv(name string) string { return b.env[name] }

const badRowsSQL = `SELECT '2026-01-01' AS date, '1' AS value UNION ALL SELECT 'not a date', '2' UNION ALL SELECT '2026-01-03', 'many'`

// sqlBackend is a backend over a table m(d, v) reached through dsn.
func sqlBackend(t *testing.T, name, driver, dsn, dsnEnv string, db *sql.DB, slowSQL, unreachableDSN string) *backend {
	t.Helper()
	for _, q := range []string{`DROP TABLE IF EXISTS m`, `CREATE TABLE m (d TEXT, v TEXT)`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	ph := "?, ?"
	if driver == "postgres" {
		ph = "$1, $2"
	}
	src := func(query, env string) *okr.Source {
		return &okr.Source{Type: "sql", Driver: driver, DSNEnv: env, Query: query}
	}
	read := `SELECT d AS date, v AS value FROM m ORDER BY d`
	return &backend{
		name:    name,
		desc:    "sql (" + driver + ")",
		env:     map[string]string{dsnEnv: dsn, "UNREACHABLE_DB": unreachableDSN},
		secrets: []string{dsn, unreachableDSN, "s3cret-pw"},
		set: func(t *testing.T, rows []row) {
			if _, err := db.Exec(`DELETE FROM m`); err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				if _, err := db.Exec(`INSERT INTO m VALUES (`+ph+`)`, r.date, r.value); err != nil {
					t.Fatal(err)
				}
			}
		},
		count: func(t *testing.T) int {
			var n int
			if err := db.QueryRow(`SELECT count(*) FROM m`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		},
		ok:          src(read, dsnEnv),
		bad:         src(badRowsSQL, dsnEnv),
		slow:        src(slowSQL, dsnEnv),
		writes:      src(`INSERT INTO m VALUES ('2027-01-01', '9') RETURNING d AS date, v AS value`, dsnEnv),
		unreachable: src(read, "UNREACHABLE_DB"),
		missingEnv:  src(read, "LEADS_DB_UNSET"),
	}
}

func sqliteBackend(t *testing.T) *backend {
	dir := t.TempDir()
	path := filepath.Join(dir, "leads.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	// An endless recursive query: only the timeout stops it.
	slow := `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT '2026-01-01' AS date, count(*) AS value FROM c`
	return sqlBackend(t, "sqlite", "sqlite", path, "LEADS_DB", db, slow, filepath.Join(dir, "missing", "nowhere.db"))
}

var (
	pgOnce   sync.Once
	pgServer *pgtest.Server
	pgErr    error
)

// postgresBackend uses the package's PostgreSQL server, started on first
// use and stopped by TestMain. Without initdb the tests skip, except in CI.
func postgresBackend(t *testing.T) *backend {
	pgOnce.Do(func() { pgServer, pgErr = pgtest.Start() })
	if errors.Is(pgErr, pgtest.ErrNotInstalled) && !pgtest.Required() {
		t.Skip(pgErr)
	}
	if pgErr != nil {
		t.Fatalf("PostgreSQL: %v", pgErr)
	}
	// trust authentication ignores the password; it is there to be kept
	// out of messages.
	dsn := strings.Replace(pgServer.DSN, "postgres@", "postgres:s3cret-pw@", 1)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	closed := fmt.Sprintf("postgres://postgres:s3cret-pw@127.0.0.1:%d/postgres?sslmode=disable&connect_timeout=5", closedPort(t))
	return sqlBackend(t, "postgres", "postgres", dsn, "LEADS_DB", db, `SELECT '2026-01-01' AS date, 1 AS value FROM pg_sleep(30)`, closed)
}

func TestMain(m *testing.M) {
	code := m.Run()
	pgServer.Stop()
	os.Exit(code)
}

// closedPort returns a loopback port nothing listens on.
func closedPort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

func httpBackend(t *testing.T) *backend {
	var mu sync.Mutex
	var rows []row
	const token = "Bearer tok-s3cret"
	mux := http.NewServeMux()
	mux.HandleFunc("/rows.csv", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != token {
			http.Error(w, "no", http.StatusUnauthorized)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/csv")
		fmt.Fprintln(w, "date,value")
		for _, r := range rows {
			fmt.Fprintf(w, "%s,%s\n", r.date, r.value)
		}
	})
	mux.HandleFunc("/bad.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `[{"date": "2026-01-01", "value": 1}, {"date": "not a date", "value": 2}, {"date": "2026-01-03", "value": "many"}]`)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	src := func(path, env string) *okr.Source {
		s := &okr.Source{Type: "http", URL: srv.URL + path}
		if env != "" {
			s.Header, s.HeaderEnv = "Authorization", env
		}
		return s
	}
	return &backend{
		name:    "http",
		desc:    "http 127.0.0.1",
		env:     map[string]string{"API_TOKEN": token},
		secrets: []string{token, "tok-s3cret"},
		set: func(t *testing.T, r []row) {
			mu.Lock()
			rows = append([]row(nil), r...)
			mu.Unlock()
		},
		ok:          src("/rows.csv", "API_TOKEN"),
		bad:         src("/bad.json", ""),
		slow:        src("/slow", ""),
		unreachable: &okr.Source{Type: "http", URL: fmt.Sprintf("http://127.0.0.1:%d/rows.csv", closedPort(t))},
		missingEnv:  src("/rows.csv", "API_TOKEN_UNSET"),
	}
}

func commandBackend(t *testing.T) *backend {
	dir := t.TempDir()
	data := filepath.Join(dir, "rows.csv")
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("date,value\n2026-01-01,1\nnot a date,2\n2026-01-03,many\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := func(name string, args ...string) *okr.Source {
		abs, err := filepath.Abs(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return &okr.Source{Type: "command", Command: append([]string{abs}, args...)}
	}
	return &backend{
		name: "command",
		desc: "command ",
		set: func(t *testing.T, rows []row) {
			var b strings.Builder
			b.WriteString("date,value\n")
			for _, r := range rows {
				fmt.Fprintf(&b, "%s,%s\n", r.date, r.value)
			}
			if err := os.WriteFile(data, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		},
		ok:          script("rows.sh", data),
		bad:         script("rows.sh", bad),
		slow:        script("slow.sh"),
		unreachable: &okr.Source{Type: "command", Command: []string{filepath.Join(dir, "no-such-program")}},
		missingEnv:  script("needs-token.sh"),
	}
}
