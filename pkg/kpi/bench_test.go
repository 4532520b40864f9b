package kpi

import (
	"bytes"
	"strconv"
	"sync"
	"testing"
)

const (
	benchRows = 1_000_000
	benchKPIs = 200
)

var (
	longOnce, wideOnce sync.Once
	longCSV, wideCSV   []byte
)

// longBenchCSV is a long-layout file of benchRows rows over benchKPIs KPIs,
// one row per KPI a day (about 27 MB), as `okrctl status` must read fast.
func longBenchCSV() []byte {
	longOnce.Do(func() {
		var b bytes.Buffer
		b.WriteString("date,kpi,value\n")
		day := DayOf(mustTime("2000-01-01")).String()
		for i := range benchRows {
			if i%benchKPIs == 0 {
				d, _ := ParseDay(day)
				day = (d + 1).String()
			}
			b.WriteString(day)
			b.WriteString(",kpi_")
			b.WriteString(pad4(i % benchKPIs))
			b.WriteByte(',')
			b.WriteString(strconv.FormatFloat(float64(i%100000)/10, 'f', -1, 64))
			b.WriteByte('\n')
		}
		longCSV = b.Bytes()
	})
	return longCSV
}

// wideBenchCSV holds the same number of values as longBenchCSV in the wide
// layout: benchKPIs columns, benchRows/benchKPIs rows.
func wideBenchCSV() []byte {
	wideOnce.Do(func() {
		var b bytes.Buffer
		b.WriteString("date")
		for k := range benchKPIs {
			b.WriteString(",kpi_" + pad4(k))
		}
		b.WriteByte('\n')
		d, _ := ParseDay("2000-01-01")
		for i := range benchRows / benchKPIs {
			b.WriteString((d + Day(i)).String())
			for k := range benchKPIs {
				b.WriteByte(',')
				if (i+k)%7 != 0 { // some empty cells
					b.WriteString(strconv.FormatFloat(float64((i*benchKPIs+k)%100000)/10, 'f', -1, 64))
				}
			}
			b.WriteByte('\n')
		}
		wideCSV = b.Bytes()
	})
	return wideCSV
}

func pad4(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

func benchmarkRead(b *testing.B, data []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s := NewStore()
		if p := s.Read("bench.csv", bytes.NewReader(data)); len(p) > 0 {
			b.Fatal(p[0])
		}
		if p := s.Finish(); len(p) > 0 {
			b.Fatal(p[0])
		}
	}
}

func BenchmarkRead1M(b *testing.B)   { benchmarkRead(b, longBenchCSV()) }
func BenchmarkReadWide(b *testing.B) { benchmarkRead(b, wideBenchCSV()) }
