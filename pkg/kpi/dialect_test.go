package kpi

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// dialectCase is a readCase read in a dialect, with KPI documents defined.
type dialectCase struct {
	name     string
	dialect  Dialect
	defs     []Definition
	in       string
	problems []string
	series   map[string]string
}

var (
	comma = Dialect{Decimal: ','}
	point = Dialect{Decimal: '.'}
	units = []Definition{
		{ID: "rate", Unit: "%", Columns: []string{"Conversion rate"}},
		{ID: "revenue", Unit: "EUR", Columns: []string{"Fatturato", "Ingresos"}},
		{ID: "leads", Unit: "count", Columns: []string{"Lead MQL"}},
		{ID: "cpl", Unit: "USD", Columns: []string{"CPL"}},
	}
)

var dialectCases = []dialectCase{
	// Separators.
	{
		name:   "semicolon long",
		in:     "date;kpi;value\n2026-01-31;leads;412\n",
		series: map[string]string{"leads": "2026-01-31=412@2:18"},
	},
	{
		name:   "tab wide, tabs separate and do not pad",
		in:     "date\tleads\tconv\n2026-01-31\t412\t\n2026-02-28\t\t 10.5 \n",
		series: map[string]string{"leads": "2026-01-31=412@2:12", "conv": "2026-02-28=10.5@3:14"},
	},
	{
		name:   "semicolon with a quoted semicolon and comma",
		in:     "date;note;kpi;value\n2026-01-31;\"a; b, c\";leads;1\n",
		series: map[string]string{"leads": "2026-01-31=1@2:28"},
	},
	{
		name:   "tab with quoted cells",
		in:     "date\tkpi\tvalue\n\"2026-01-31\"\t\"leads\"\t \"7\"\n",
		series: map[string]string{"leads": "2026-01-31=7@2:23"},
	},
	{
		name:   "the header's most frequent separator wins; commas inside quotes do not count",
		in:     "date;kpi;value;\"note, with, commas\"\n2026-01-31;leads;1;\n",
		series: map[string]string{"leads": "2026-01-31=1@2:18"},
	},
	{
		name:     "rows of separators only are skipped, a row with one value is not",
		in:       "date;kpi;value\n2026-01-31;leads;1\n;;\n ; ; \n;\n;;5\n",
		problems: []string{"6:1: missing date in column \"date\"", "6:2: missing KPI id in column \"kpi\""},
		series:   map[string]string{"leads": "2026-01-31=1@2:18"},
	},

	// Dates.
	{
		name:   "RFC 3339 allows a lower-case t and z",
		in:     "date,kpi,value\n2026-02-28t10:00:00z,leads,1\n2026-03-31T10:00:00z,leads,2\n",
		series: map[string]string{"leads": "2026-02-28=1@2:28 2026-03-31=2@3:28"},
	},
	{
		name: "date-times at midnight are dates",
		in:   "date,kpi,value\n2026-10-04 00:00:00,leads,1\n2026-10-05 00:00,leads,2\n2026-10-06 13:00:00,leads,3\n",
		problems: []string{
			`4:1: date-time "2026-10-06 13:00:00" in column "date" has a time of day other than midnight and no time zone: write the date alone, or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
		},
		series: map[string]string{"leads": "2026-10-04=1@2:27 2026-10-05=2@3:24"},
	},
	{
		name:    "DD/MM/YYYY, with ISO dates too",
		dialect: Dialect{DateFormat: DateDMY},
		in:      "date,kpi,value\n31/10/2026,leads,1\n1/11/2026 00:00:00,leads,2\n02.11.2026,leads,3\n2026-11-03,leads,4\n31/02/2026,leads,5\n",
		problems: []string{
			`6:1: invalid date "31/02/2026" in column "date": want DD/MM/YYYY (snapshots.date_format), YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
		},
		series: map[string]string{"leads": "2026-10-31=1@2:18 2026-11-01=2@3:26 2026-11-02=3@4:18 2026-11-03=4@5:18"},
	},
	{
		name:    "MM/DD/YYYY",
		dialect: Dialect{DateFormat: DateMDY},
		in:      "date,kpi,value\n10/31/2026,leads,1\n11/1/2026,leads,2\n",
		series:  map[string]string{"leads": "2026-10-31=1@2:18 2026-11-01=2@3:17"},
	},
	{
		name:    "a date of the other order under DD/MM/YYYY names MM/DD/YYYY",
		dialect: Dialect{DateFormat: DateDMY},
		in:      "date,kpi,value\n10/31/2026,leads,1\n10/30/2026,leads,2\n",
		problems: []string{
			`2:1: dates such as "10/31/2026" are not DD/MM/YYYY: set snapshots.date_format: MM/DD/YYYY in .okrctl.yaml (and 1 more row like it)`,
		},
		series: map[string]string{"leads": ""},
	},
	{
		name: "dates that read both ways name both formats",
		in:   "date,kpi,value\n01/02/2026,leads,1\n",
		problems: []string{
			`2:1: dates such as "01/02/2026" are not YYYY-MM-DD: set snapshots.date_format: DD/MM/YYYY or MM/DD/YYYY in .okrctl.yaml`,
		},
		series: map[string]string{"leads": ""},
	},

	// Numbers.
	{
		name:    "decimal comma: thousands dots, decimal commas",
		dialect: comma,
		in:      "date;kpi;value\n2026-01-01;a;212.400\n2026-01-02;a;46,5\n2026-01-03;a;1.200.000\n2026-01-04;a;212.400,5\n2026-01-05;a;-0,25\n2026-01-06;a;12\n2026-01-07;a;1e3\n",
		series:  map[string]string{"a": "2026-01-01=212400@2:14 2026-01-02=46.5@3:14 2026-01-03=1.2e+06@4:14 2026-01-04=212400.5@5:14 2026-01-05=-0.25@6:14 2026-01-06=12@7:14 2026-01-07=1000@8:14"},
	},
	{
		name:    "decimal comma: a decimal point is named, bad grouping is not a number",
		dialect: comma,
		in:      "date;kpi;value\n2026-01-01;a;46.5\n2026-01-02;a;1.2345\n2026-01-03;a;1.23,4\n2026-01-04;a;0.500\n",
		problems: []string{
			`2:14: numbers such as "46.5" have a decimal point, but snapshots.decimal is ",": set snapshots.decimal: "." in .okrctl.yaml (and 2 more rows like it)`,
			`4:14: value "1.23,4" for KPI "a" is not a number`,
		},
		series: map[string]string{"a": ""},
	},
	{
		name: "decimal point: thousands commas, and numbers only a decimal comma reads",
		in:   "date,kpi,value\n2026-01-01,a,\"1,200,000\"\n2026-01-02,a,\"212,400.5\"\n2026-01-03,a,212.400\n2026-01-04,a,\"46,5\"\n2026-01-05,a,\"212.400,5\"\n2026-01-06,a,1.200.000\n",
		problems: []string{
			`5:14: numbers such as "46,5" have a decimal comma: set snapshots.decimal: "," in .okrctl.yaml (and 2 more rows like it)`,
		},
		series: map[string]string{"a": "2026-01-01=1.2e+06@2:14 2026-01-02=212400.5@3:14 2026-01-03=212.4@4:14"},
	},
	{
		name: "decimal point not chosen, no number shows the mark: 212.400 and 1,250 are refused, 0 and 412 read",
		in:   "date;kpi;value\n2026-01-01;a;212.400\n2026-01-02;a;412\n2026-01-03;a;-1,250\n2026-01-04;b;0\n",
		problems: []string{
			`2:14: numbers such as "212.400" may be 212400 or 212.4, and no number in this file shows its decimal mark: set snapshots.decimal: "," (or "." if it means the smaller number) in .okrctl.yaml (and 1 more row like it)`,
		},
		series: map[string]string{"a": "2026-01-02=412@3:14", "b": "2026-01-04=0@5:14"},
	},
	{
		name:   "decimal point not chosen, a later number shows a decimal point: 212.400 is 212.4",
		in:     "date,kpi,value\n2026-01-01,a,212.400\n2026-01-02,a,\"1,250\"\n2026-01-03,a,0.125\n2026-01-04,a,10.400\n",
		series: map[string]string{"a": "2026-01-01=212.4@2:14 2026-01-02=1250@3:14 2026-01-03=0.125@4:14 2026-01-04=10.4@5:14"},
	},
	{
		name:   "decimal point not chosen, thousands commas show it too",
		in:     "date;kpi;value\n2026-01-01;a;212.400\n2026-01-02;a;1,200,000\n",
		series: map[string]string{"a": "2026-01-01=212.4@2:14 2026-01-02=1.2e+06@3:14"},
	},
	{
		name: "decimal point not chosen, a number with the wrong mark is no evidence",
		in:   "date;kpi;value\n2026-01-01;a;212.400\n2026-01-02;a;46,5\n",
		problems: []string{
			`2:14: numbers such as "46,5" have a decimal comma; numbers such as "212.400" may be 212400 or 212.4, and no number in this file shows its decimal mark: set snapshots.decimal: "," in .okrctl.yaml (and 1 more row like it)`,
		},
		series: map[string]string{"a": ""},
	},
	{
		name:    "decimal point chosen: 212.400 is 212.4 in a ;-separated file too",
		dialect: point,
		in:      "date;kpi;value\n2026-01-01;a;212.400\n2026-01-04;a;10.400\n",
		series:  map[string]string{"a": "2026-01-01=212.4@2:14 2026-01-04=10.4@3:14"},
	},

	// Units.
	{
		name:    "a KPI's unit is stripped",
		dialect: comma,
		defs:    units,
		in: "date;kpi;value\n2026-01-01;rate;18,9%\n2026-01-02;rate;18,9 %\n" +
			"2026-01-01;revenue;€212.400\n2026-01-02;revenue;212.400 €\n2026-01-03;revenue;EUR 212400\n2026-01-04;revenue;-€1,5\n2026-01-05;revenue;212.400\u00a0€\n" +
			"2026-01-01;cpl;$38\n2026-01-02;cpl;38 usd\n2026-01-01;leads;12 count\n",
		series: map[string]string{
			"rate":    "2026-01-01=18.9@2:17 2026-01-02=18.9@3:17",
			"revenue": "2026-01-01=212400@4:20 2026-01-02=212400@5:20 2026-01-03=212400@6:20 2026-01-04=-1.5@7:20 2026-01-05=212400@8:20",
			"cpl":     "2026-01-01=38@9:16 2026-01-02=38@10:16",
			"leads":   "2026-01-01=12@11:18",
		},
	},
	{
		name: "a mark that is not the KPI's unit is named",
		defs: append(units, Definition{ID: "plain"}),
		in:   "date,kpi,value\n2026-01-01,leads,12%\n2026-01-01,plain,€5\n2026-01-01,other,5%\n2026-01-02,rate,12€\n",
		problems: []string{
			`2:18: value "12%" for KPI "leads" is not a number: "%" is not the unit of KPI "leads" (count)`,
			`3:18: value "€5" for KPI "plain" is not a number: to write its values with "€", give KPI "plain" the unit €`,
			`4:18: value "5%" for KPI "other" is not a number`,
			`5:17: value "12€" for KPI "rate" is not a number: "€" is not the unit of KPI "rate" (%)`,
		},
		series: map[string]string{"leads": "", "other": "", "plain": "", "rate": ""},
	},

	// Column titles and ignored columns.
	{
		name:    "wide columns by title, # and ignored columns skipped",
		dialect: Dialect{IgnoreColumns: []string{"notes"}},
		defs:    units,
		in:      "date,Lead MQL,# comment,Notes,conversion RATE,stranger\n2026-01-31,412,x,a note,10.4,1\n",
		series: map[string]string{
			"leads":    "2026-01-31=412@2:12",
			"rate":     "2026-01-31=10.4@2:25",
			"stranger": "2026-01-31=1@2:30",
		},
	},
	{
		name: "a title two KPIs claim, and a KPI in two columns",
		defs: append(units, Definition{ID: "other", Columns: []string{"CPL"}}),
		in:   "date,CPL,leads,Lead MQL\n2026-01-31,1,2,3\n",
		problems: []string{
			`1:6: column "CPL" is a column title of KPIs "cpl" and "other": give it to one of them`,
			`1:16: columns "leads" and "Lead MQL" both hold KPI "leads" (columns 3 and 4)`,
		},
	},
	{
		name: "a title that is another KPI's id",
		defs: append(units, Definition{ID: "other", Columns: []string{"leads"}}),
		in:   "date,leads\n2026-01-31,1\n",
		problems: []string{
			`1:6: column "leads" is the id of KPI "leads" and a column title of KPI "other": take it out of that KPI's column list`,
		},
	},
	{
		name:   "long layout: a kpi cell may be a title",
		defs:   units,
		in:     "date,kpi,value\n2026-01-31,Lead MQL,412\n2026-02-28,leads,455\n",
		series: map[string]string{"leads": "2026-01-31=412@2:21 2026-02-28=455@3:18"},
	},
}

func TestReadDialect(t *testing.T) {
	for _, tc := range dialectCases {
		t.Run(tc.name, func(t *testing.T) {
			s := NewStore()
			s.Define(tc.defs)
			problems := s.ReadDialect("a.csv", strings.NewReader(tc.in), tc.dialect)
			problems = append(problems, s.Finish()...)
			got, series := results(t, s, problems)
			if diff := cmp.Diff(tc.problems, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			want := tc.series
			if want == nil {
				want = map[string]string{}
			}
			if diff := cmp.Diff(want, series); diff != "" {
				t.Errorf("series (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseSettings(t *testing.T) {
	for _, s := range []string{"DD/MM/YYYY", "dd/mm/yyyy", "YYYY-MM-DD", "MM/DD/YYYY"} {
		if _, err := ParseDateFormat(s); err != nil {
			t.Errorf("ParseDateFormat(%q): %v", s, err)
		}
	}
	if _, err := ParseDateFormat("D/M/Y"); err == nil || !strings.Contains(err.Error(), "want YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY") {
		t.Errorf("ParseDateFormat(D/M/Y) = %v", err)
	}
	if d, err := ParseDecimal(","); err != nil || d != ',' {
		t.Errorf(`ParseDecimal(",") = %q, %v`, d, err)
	}
	if _, err := ParseDecimal("comma"); err == nil {
		t.Error("ParseDecimal(comma) gave no error")
	}
}
