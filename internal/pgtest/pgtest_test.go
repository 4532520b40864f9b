package pgtest

import (
	"database/sql"
	"errors"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func TestStartStop(t *testing.T) {
	s, err := Start()
	if errors.Is(err, ErrNotInstalled) && !Required() {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("pgx", s.DSN)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.QueryRow("SELECT 41 + 1").Scan(&n); err != nil || n != 42 {
		t.Fatalf("SELECT 41 + 1 = %d, %v", n, err)
	}
	db.Close()
	s.Stop()
	if db, _ := sql.Open("pgx", s.DSN); db.Ping() == nil {
		t.Error("the server still answers after Stop")
	}
}
