package report

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/okrctl/okrctl/pkg/lang"
)

// messageKey matches the keys the renderers look up: T("…"), Count(n,
// "…") and the prefixes completed at run time.
var messageKey = regexp.MustCompile(`(?:\.T|\.Count)\((?:[^,()]+, )?"([a-z_.]+)"`)

// TestMessagesUsedExist checks that every message key the renderers name
// is in the catalog, and the keys built from statuses, severities and
// column names too.
func TestMessagesUsedExist(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range messageKey.FindAllStringSubmatch(string(src), -1) {
			n++
			if last := m[1][len(m[1])-1]; !lang.Has(m[1]) && last != '.' && last != '_' {
				t.Errorf("%s: message %q is not in the catalog", f, m[1])
			}
		}
	}
	if n < 50 {
		t.Errorf("found only %d message keys in the sources", n)
	}
	for _, k := range []string{
		"status.achieved", "status.on_track", "status.at_risk", "status.off_track", "status.missed", "status.no_data",
		"severity.error", "severity.warning", "md.col.objectives", "md.col.statuses",
		"grade.green", "grade.yellow", "grade.red", "per.week", "per.month", "per.quarter",
		"grade.means_green_aspirational", "grade.means_yellow_aspirational", "grade.means_red_aspirational",
		"grade.means_green_committed", "grade.means_yellow_committed", "grade.means_red_committed",
	} {
		if !lang.Has(k) {
			t.Errorf("message %q is not in the catalog", k)
		}
	}
}

// TestReportLanguages writes the examples' Q4 report in every language:
// golden files, well-formed Markdown, and the numbers and dates of the
// language.
func TestReportLanguages(t *testing.T) {
	for _, tc := range []struct {
		l     lang.Lang
		wants []string
	}{
		{lang.EN, []string{"# OKR report 2026-Q4", "1,197,082 EUR", "2026-12-31", "## Needs attention"}},
		{lang.IT, []string{"# Report OKR 2026-Q4", "1.197.082 EUR", "31/12/2026", "## Da seguire", "🟡 a rischio", "punteggio **0,67**"}},
		{lang.ES, []string{"# Informe OKR 2026-Q4", "1.197.082 EUR", "31/12/2026", "## Requiere atención", "🟡 en riesgo", "puntuación **0,67**"}},
	} {
		t.Run(string(tc.l), func(t *testing.T) {
			r := examplesReport(t, "2026-Q4")
			r.Lang = tc.l
			out := renderReport(t, r)
			checkMarkdown(t, out)
			for _, w := range tc.wants {
				if !regexp.MustCompile(regexp.QuoteMeta(w)).MatchString(out) {
					t.Errorf("the %s report lacks %q", tc.l, w)
				}
			}
			checkGolden(t, "report/examples-2026-Q4-"+string(tc.l)+".md", []byte(out))
		})
	}
}
