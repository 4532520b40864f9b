package lint

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/title"
)

// The bar the title rules must clear on the labelled corpus, per language
// (docs/rules.md, README "How precise is vague?").
const (
	minVaguePrecision = 0.97
	minVagueRecall    = 0.95
)

// corpusLines returns the tab-separated fields of a corpus file's lines,
// skipping blank lines and comments.
func corpusLines(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "titles", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 {
			t.Fatalf("%s:%d: want label<TAB>title", name, n)
		}
		out = append(out, fields)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestTitleCorpusVague measures the vague rule's decision on the labelled
// titles of each language: precision (of the titles it calls vague, how
// many are) and recall (of the vague titles, how many it finds).
func TestTitleCorpusVague(t *testing.T) {
	for _, lang := range []string{"en", "it", "es"} {
		var tp, fp, fn, tn int
		for _, f := range corpusLines(t, "vague."+lang+".txt") {
			label, text := f[0], f[1]
			if label != "vague" && label != "clear" {
				t.Fatalf("vague.%s.txt: label %q is neither vague nor clear", lang, label)
			}
			st := title.Read(text)
			flagged := !st.StatesTarget()
			switch {
			case flagged && label == "vague":
				tp++
			case flagged:
				fp++
				t.Logf("%s false alarm: %q", lang, text)
			case label == "vague":
				fn++
				t.Logf("%s missed: %q", lang, text)
			default:
				tn++
			}
			if st.Lang != lang {
				t.Logf("%s read as %s: %q", lang, st.Lang, text)
			}
		}
		n := tp + fp + fn + tn
		precision := float64(tp) / float64(tp+fp)
		recall := float64(tp) / float64(tp+fn)
		t.Logf("vague %s: %d titles (%d vague), precision %.3f, recall %.3f", lang, n, tp+fn, precision, recall)
		if precision < minVaguePrecision || recall < minVagueRecall {
			t.Errorf("vague %s: precision %.3f (want ≥ %.2f), recall %.3f (want ≥ %.2f)", lang, precision, minVaguePrecision, recall, minVagueRecall)
		}
		if n < 100 {
			t.Errorf("vague.%s.txt has %d titles; the corpus keeps at least 100 a language", lang, n)
		}
	}
}

// TestTitleCorpusNumbers checks title-number on the title/field pairs:
// every planted disagreement is reported, no agreeing pair is.
func TestTitleCorpusNumbers(t *testing.T) {
	var caught, planted, alarms, agreeing int
	for _, f := range corpusLines(t, "pairs.txt") {
		if len(f) != 3 {
			t.Fatalf("pairs.txt: want label<TAB>title<TAB>fields, got %q", f)
		}
		kr := &okr.KeyResult{Title: f[1]}
		for _, kv := range strings.Split(f[2], ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(kv), ":")
			x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				t.Fatalf("pairs.txt: %q: %v", f[2], err)
			}
			switch k {
			case "target":
				kr.Target = &x
			case "baseline":
				kr.Baseline = &x
			default:
				t.Fatalf("pairs.txt: unknown field %q", k)
			}
		}
		st := title.Read(kr.Title)
		_, msg := titleDisagreement(&st, kr)
		switch f[0] {
		case "bad":
			planted++
			if msg != "" {
				caught++
			} else {
				t.Errorf("missed: %q with %s", f[1], f[2])
			}
		case "ok":
			agreeing++
			if msg != "" {
				alarms++
				t.Errorf("false alarm: %q with %s: %s", f[1], f[2], msg)
			}
		default:
			t.Fatalf("pairs.txt: label %q is neither ok nor bad", f[0])
		}
	}
	t.Logf("title-number: %d of %d planted disagreements caught, %d false alarms on %d agreeing pairs", caught, planted, alarms, agreeing)
}
