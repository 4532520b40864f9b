package main

import (
	"strings"

	"github.com/spf13/pflag"

	"github.com/okrctl/okrctl/pkg/lang"
	"github.com/okrctl/okrctl/pkg/progress"
	"github.com/okrctl/okrctl/pkg/report"
)

// selection holds the flags that status and report share: which
// objectives (--period, --owner, --status) and in which language (--lang).
type selection struct {
	period   string
	owners   []string
	statuses []string
	lang     string
}

// addFlags registers the shared flags; period is the --period help, which
// differs between the commands.
func (o *selection) addFlags(f *pflag.FlagSet, period string) {
	f.StringVar(&o.period, "period", "", period)
	f.StringArrayVar(&o.owners, "owner", nil, "only objectives of this owner, ignoring case (repeatable)")
	f.StringArrayVar(&o.statuses, "status", nil, "only objectives with this status or a key result with it: "+
		strings.Join(statusNames(), ", ")+" (repeatable)")
	f.StringVar(&o.lang, "lang", "", "language of the output: "+strings.Join(lang.Names(), ", ")+" (default from LC_ALL, LC_MESSAGES or LANG, else en)")
}

// filter checks the flags and returns the filter they make.
func (o *selection) filter() (report.Filter, error) {
	f := report.Filter{Owners: o.owners}
	if err := checkPeriodFlag(o.period); err != nil {
		return f, err
	}
	f.Period = o.period
	for _, st := range o.statuses {
		if err := oneOf("status", st, statusNames()); err != nil {
			return f, err
		}
		f.Statuses = append(f.Statuses, progress.Status(st))
	}
	return f, nil
}

// language returns --lang, else the locale's language.
func (o *selection) language(s *Streams) (lang.Lang, error) {
	if o.lang == "" {
		return lang.FromEnv(s.Getenv), nil
	}
	l, err := lang.Parse(o.lang)
	if err != nil {
		return "", usageErrorf("invalid --lang: %v", err)
	}
	return l, nil
}

func statusNames() []string {
	var out []string
	for _, st := range progress.Statuses() {
		out = append(out, string(st))
	}
	return out
}
