package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// encodeStd is the output jsonStatusDoc.write must match.
func encodeStd(t testing.TB, d *jsonStatusDoc) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func writeOwn(d *jsonStatusDoc) string {
	var b bytes.Buffer
	bw := bufio.NewWriter(&b)
	d.write(&jsonWriter{w: bw})
	bw.Flush()
	return b.String()
}

func sampleDoc(s string, f float64) *jsonStatusDoc {
	str := s
	yes, no := true, false
	return &jsonStatusDoc{AsOf: "2026-11-20", Objectives: []jsonObjective{
		{ID: s, File: "okrs/" + s, Title: s, Owner: s, Period: "2026-Q4", Score: &f, Status: "on_track", Grade: &str, Measured: 3, KeyResults: []jsonKR{}},
		{ID: "b", Title: "t", Expected: &f, KeyResults: []jsonKR{
			{ID: s, Title: s, KPI: &str, Baseline: &f, Target: &f, Direction: s, Current: &f, Status: "achieved", Source: &str,
				Per: &str, Grade: &str, ForecastMeetsTarget: &yes, Stale: true, DataEnds: &str,
				CheckIn: &jsonCheckIn{Date: s, Confidence: &f, Note: s, Author: s}},
			{ID: "k2", Title: "", Progress: &f, Score: &f, Forecast: &f, ForecastScore: &f, Deadline: &str, ForecastMeetsTarget: &no,
				CheckIn: &jsonCheckIn{}},
		}},
	}}
}

// TestStatusJSONMatchesEncoding holds the streamed status JSON to what
// encoding/json writes, for hostile text and awkward numbers.
func TestStatusJSONMatchesEncoding(t *testing.T) {
	if diff := cmp.Diff(encodeStd(t, &jsonStatusDoc{AsOf: "x", Objectives: []jsonObjective{}}), writeOwn(&jsonStatusDoc{AsOf: "x", Objectives: []jsonObjective{}})); diff != "" {
		t.Errorf("no objectives (-encoding/json +ours):\n%s", diff)
	}
	texts := []string{"", "plain", `quote " and \ backslash`, "<script>&amp;</script>", "tab\tnew\nline\rcr\x00\x1f\x7f",
		"città è", "line\u2028sep\u2029", "bad \xff utf8", "emoji 🚀", "\u202eoverride"}
	nums := []float64{0, -0, 1, -1, 0.1, 1.0 / 3, 2.8, 1e-6, 9.99e-7, 1e-7, 123456789, 1e20, 1e21, -1.5e-9, math.MaxFloat64, math.SmallestNonzeroFloat64, 480}
	for _, s := range texts {
		for _, f := range nums {
			d := sampleDoc(s, f)
			if diff := cmp.Diff(encodeStd(t, d), writeOwn(d)); diff != "" {
				t.Fatalf("text %q, number %v (-encoding/json +ours):\n%s", s, f, diff)
			}
		}
	}
}

// FuzzStatusJSON compares the streamed status JSON with encoding/json's for
// any text and finite number.
func FuzzStatusJSON(f *testing.F) {
	f.Add("Grow <fast> & \"well\"", 0.5)
	f.Add("\xff\u2028", 1e21)
	f.Fuzz(func(t *testing.T, s string, x float64) {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return // encoding/json refuses them; status never has them
		}
		d := sampleDoc(s, x)
		if want, got := encodeStd(t, d), writeOwn(d); want != got {
			t.Fatalf("text %q, number %v:\n%s", s, x, cmp.Diff(want, got))
		}
	})
}
