package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"

	"github.com/okrctl/okrctl/pkg/okr"
)

// maxBody bounds what an http source reads: a KPI's rows are small.
const maxBody = 64 << 20

// httpSource fetches a CSV or JSON document.
type httpSource struct {
	kpi, url, format string
	header, value    string // request header and its value from header_env
	sec              secrets
	opt              Options
	client           *http.Client
}

func newHTTP(kpiID string, s *okr.Source, opt Options) (Source, error) {
	h := &httpSource{kpi: kpiID, url: s.URL, format: s.Format, header: s.Header, opt: opt}
	h.client = &http.Client{CheckRedirect: h.redirect}
	desc := h.Describe()
	u, err := url.Parse(s.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &Error{KPI: kpiID, Source: desc, Msg: "source.url is not an http or https URL"}
	}
	if pw, ok := u.User.Password(); ok {
		h.sec.add(pw)
	}
	if s.Header != "" || s.HeaderEnv != "" {
		if s.Header == "" {
			return nil, &Error{KPI: kpiID, Source: desc, Msg: "source.header_env is set but source.header is not: name the header"}
		}
		v, err := env(kpiID, desc, opt, "header_env", s.HeaderEnv)
		if err != nil {
			return nil, err
		}
		h.value = v
		h.sec.add(v)
	}
	return h, nil
}

// redirect follows up to 10 redirects, sending the secret header only to
// the URL's own host (Go drops only Authorization and cookies by itself).
func (h *httpSource) redirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	if h.header != "" && req.URL.Host != via[0].URL.Host {
		req.Header.Del(h.header)
	}
	return nil
}

// Describe names the source by its host only: a URL's path or query may
// carry a token.
func (h *httpSource) Describe() string {
	if u, err := url.Parse(h.url); err == nil && u.Host != "" {
		return "http " + u.Host
	}
	return "http"
}

func (h *httpSource) Fetch(ctx context.Context) (rows []Row, err error) {
	desc := h.Describe()
	defer func() {
		if err != nil {
			err = fail(h.kpi, desc, h.sec, ctx, err)
		}
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.url, nil)
	if err != nil {
		return nil, fmt.Errorf("bad request")
	}
	if h.header != "" {
		req.Header.Set(h.header, h.value)
	}
	req.Header.Set("Accept", "text/csv, application/json;q=0.9, */*;q=0.1")
	resp, err := h.client.Do(req)
	if err != nil {
		// The URL is in the message: name the host only.
		if ue, ok := err.(*url.Error); ok {
			err = ue.Err
		}
		return nil, fmt.Errorf("request failed: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("the server answered %s", resp.Status)
	}
	format := h.format
	if format == "" {
		format = "csv"
		if mt, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err == nil && (mt == "application/json" || len(mt) > 5 && mt[len(mt)-5:] == "+json") {
			format = "json"
		}
	}
	c := newCollector(h.kpi, desc, h.opt)
	body := io.LimitReader(resp.Body, maxBody+1)
	if format == "json" {
		err = readJSON(c, body)
	} else {
		err = readCSV(c, body)
	}
	if err != nil {
		return nil, err
	}
	return c.result()
}
