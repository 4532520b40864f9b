package pull

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
)

// BenchmarkPullSQLite100k pulls 100,000 daily rows from a SQLite database
// into a new snapshot file: the query, the merge and the atomic write.
func BenchmarkPullSQLite100k(b *testing.B) {
	const n = 100_000
	dir := b.TempDir()
	dbPath := filepath.Join(dir, "big.db")
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		b.Fatal(err)
	}
	tx, _ := db.Begin()
	if _, err := tx.Exec(`CREATE TABLE m (d TEXT, v REAL)`); err != nil {
		b.Fatal(err)
	}
	st, _ := tx.Prepare(`INSERT INTO m VALUES (?, ?)`)
	first, _ := kpi.ParseDay("1800-01-01")
	for i := 0; i < n; i++ {
		if _, err := st.Exec((first + kpi.Day(i)).String(), float64(i)*1.5); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	db.Close()
	k := &okr.KPI{ID: "big", Source: &okr.Source{Type: "sql", DSNEnv: "BIG_DB", Query: `SELECT d AS date, v AS value FROM m`}}
	env := func(string) string { return dbPath }
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(dir, fmt.Sprintf("out-%d.csv", i))
		k.Source.File = out
		res, err := Run(context.Background(), Options{KPIs: []*okr.KPI{k}, Dir: dir, Env: env})
		if err != nil || res.Failed() || res.KPIs[0].Added != n {
			b.Fatalf("%v %+v", err, res.KPIs)
		}
		b.StopTimer()
		os.Remove(out)
		b.StartTimer()
	}
}
