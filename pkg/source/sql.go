package source

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	// The two drivers okrctl ships: both pure Go, so the binary stays static.
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/okrctl/okrctl/pkg/okr"
)

// sqlSource runs a query through database/sql.
type sqlSource struct {
	kpi, driver, query string
	name, dsn          string // the database/sql driver name and DSN
	sec                secrets
	opt                Options
}

func newSQL(kpiID string, s *okr.Source, opt Options) (Source, error) {
	driver := s.Driver
	if driver == "" {
		driver = "sqlite"
	}
	q := &sqlSource{kpi: kpiID, driver: driver, query: s.Query, opt: opt}
	desc := q.Describe()
	if driver != "sqlite" && driver != "postgres" {
		return nil, &Error{KPI: kpiID, Source: desc, Msg: fmt.Sprintf("unknown driver %q (want sqlite or postgres)", driver)}
	}
	if strings.TrimSpace(s.Query) == "" {
		return nil, &Error{KPI: kpiID, Source: desc, Msg: "source.query is empty"}
	}
	dsn, err := env(kpiID, desc, opt, "dsn_env", s.DSNEnv)
	if err != nil {
		return nil, err
	}
	q.sec.add(dsn)
	if driver == "postgres" {
		q.name, q.dsn = "pgx", dsn
	} else {
		q.name, q.dsn = "sqlite", sqliteReadOnly(dsn, opt.Dir)
		q.sec.add(q.dsn)
	}
	return q, nil
}

func (q *sqlSource) Describe() string { return "sql (" + q.driver + ")" }

// sqliteReadOnly turns a database path or file: URI into a URI that opens
// the database read-only (it must exist) and refuses writes even to
// temporary tables.
func sqliteReadOnly(dsn, dir string) string {
	path, query, _ := strings.Cut(strings.TrimPrefix(dsn, "file:"), "?")
	if !strings.HasPrefix(dsn, "file:") {
		path, query = dsn, ""
	}
	if !filepath.IsAbs(path) && dir != "" && !strings.HasPrefix(path, "/") {
		path = filepath.Join(dir, path)
	}
	v, _ := url.ParseQuery(query)
	v.Set("mode", "ro")
	v.Add("_pragma", "query_only(1)")
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path), RawQuery: v.Encode()}
	if !strings.HasPrefix(u.Path, "/") {
		return "file:" + u.EscapedPath() + "?" + u.RawQuery
	}
	return u.String()
}

// Fetch opens the database, runs the query in a read-only transaction and
// reads date, value rows. The transaction is always rolled back.
func (q *sqlSource) Fetch(ctx context.Context) (rows []Row, err error) {
	desc := q.Describe()
	defer func() {
		if err != nil {
			err = fail(q.kpi, desc, q.sec, ctx, err)
		}
	}()
	db, err := sql.Open(q.name, q.dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	// On PostgreSQL this is BEGIN READ ONLY: a statement that writes fails.
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: q.driver == "postgres"})
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to keep
	rs, err := tx.QueryContext(ctx, q.query)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return nil, err
	}
	di, vi, err := dateValueColumns(cols)
	if err != nil {
		return nil, err
	}
	c := newCollector(q.kpi, desc, q.opt)
	cells := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range cells {
		ptrs[i] = &cells[i]
	}
	for n := 1; rs.Next(); n++ {
		if c.full() {
			break
		}
		if err := rs.Scan(ptrs...); err != nil {
			c.bad(n, "%v", err)
			continue
		}
		var date any
		if di >= 0 {
			date = cells[di]
		}
		c.add(n, date, cells[vi])
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	return c.result()
}

// dateValueColumns finds the date and value columns of a result: by name
// (date, value), else by position; a single column is the value (a row
// without a date). di is -1 when there is no date column.
func dateValueColumns(cols []string) (di, vi int, err error) {
	di, vi = -1, -1
	for i, c := range cols {
		switch strings.ToLower(strings.TrimSpace(c)) {
		case "date":
			di = i
		case "value":
			vi = i
		}
	}
	switch {
	case di >= 0 && vi >= 0:
		return di, vi, nil
	case len(cols) == 1:
		return -1, 0, nil
	case len(cols) == 2:
		return 0, 1, nil
	}
	return 0, 0, fmt.Errorf("the answer has %d columns (%s): want date, value (name them so with AS)", len(cols), strings.Join(cols, ", "))
}
