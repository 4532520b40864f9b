// Package synth generates synthetic OKR repositories of any size for
// benchmarks: objective files, KPI definitions and a long-layout snapshot
// file. Output is deterministic for a given Spec.
package synth

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Spec says how large a repository to generate.
type Spec struct {
	Objectives   int // objective files, four key results each
	KPIs         int // KPI definitions
	SnapshotRows int // rows of kpis/snapshots/snapshots.csv
}

// Generate writes a repository under dir (created if needed).
func Generate(dir string, s Spec) error {
	if s.KPIs < 1 {
		s.KPIs = 1
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, d := range []string{"okrs/2026-Q4", "kpis/snapshots"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return err
		}
	}
	if err := writeKPIs(filepath.Join(dir, "kpis/kpis.yaml"), s.KPIs); err != nil {
		return err
	}
	for i := range s.Objectives {
		if err := writeObjective(filepath.Join(dir, "okrs/2026-Q4", fmt.Sprintf("objective-%05d.yaml", i)), i, s.KPIs, rng); err != nil {
			return err
		}
	}
	return writeSnapshots(filepath.Join(dir, "kpis/snapshots/snapshots.csv"), s.SnapshotRows, s.KPIs, rng)
}

func kpiID(i int) string { return fmt.Sprintf("kpi_%04d", i) }

func writeKPIs(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	aggs := []string{"last", "sum", "avg", "last", "max"}
	for i := range n {
		if i > 0 {
			fmt.Fprintln(w, "---")
		}
		fmt.Fprintf(w, "kind: KPI\nid: %s\nname: Synthetic KPI %d\nunit: count\naggregation: %s\ngood: up\nfrequency: daily\n", kpiID(i), i, aggs[i%len(aggs)])
	}
	return closeAll(w, f)
}

func writeObjective(path string, i, kpis int, rng *rand.Rand) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "kind: Objective\nid: objective-%05d\ntitle: Synthetic objective number %d\nowner: team-%04d\nperiod: 2026-Q4\n", i, i, i/4)
	if i%4 != 0 {
		fmt.Fprintf(w, "parent: objective-%05d\n", i-i%4)
	}
	fmt.Fprintln(w, "description: Generated for benchmarks.\nkey_results:")
	for k := range 4 {
		base := 100 + rng.IntN(900)
		fmt.Fprintf(w, "  - id: kr-%d\n    title: Move KPI %d from %d to %d by 2026-12-15\n    kpi: %s\n    baseline: %d\n    target: %d\n    deadline: 2026-12-%02d\n",
			k, k, base, base*2, kpiID((i*4+k)%kpis), base, base*2, 10+k)
	}
	return closeAll(w, f)
}

// writeSnapshots writes rows spread over the KPIs, one value per KPI and
// day, walking back from 2026-12-31 so that every date is unique per KPI.
func writeSnapshots(path string, rows, kpis int, rng *rand.Rand) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "date,kpi,value")
	end := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	buf := make([]byte, 0, 64)
	for r := range rows {
		day := end.AddDate(0, 0, -(r / kpis))
		buf = day.AppendFormat(buf[:0], "2006-01-02")
		buf = append(buf, ',')
		buf = append(buf, kpiID(r%kpis)...)
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, float64(rng.IntN(100000))/10, 'f', -1, 64)
		buf = append(buf, '\n')
		w.Write(buf)
	}
	return closeAll(w, f)
}

func closeAll(w *bufio.Writer, f *os.File) error {
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
