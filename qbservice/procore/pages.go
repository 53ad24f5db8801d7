package procore

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// How a list is read (plan_your_app/pagination.md): page by page, each
// next page where the Link header's rel="next" points, until a page has
// none.
const (
	// PerPage is asked of every list: Procore advises at most 2,000.
	PerPage = 1000
	// maxListPages ends a list that pages without end (10 million records
	// at Procore's advised size).
	maxListPages = 10000
)

// List reads every page of the list at target (a path from "/rest/" with
// its query; per_page is added when absent) and gives each page's records
// to each, in order. A next link to another host, one seen before, an
// empty page that is not the last, more records than the Total header
// said, or more than maxListPages pages is KindBadAnswer: the token is
// never sent anywhere but Procore, and no list is read for ever.
func List[T any](ctx context.Context, c *Client, target string, each func([]T) error) error {
	u, err := url.Parse(c.ends.API + target)
	if err != nil {
		return &Error{Kind: KindRefused, Method: http.MethodGet, Path: target, Detail: err.Error()}
	}
	q := u.Query()
	if q.Get("per_page") == "" {
		q.Set("per_page", strconv.Itoa(PerPage))
		u.RawQuery = q.Encode()
	}
	api, _ := url.Parse(c.ends.API)
	seen := map[string]bool{}
	read, total := 0, -1
	endless := func() error {
		return &Error{Kind: KindBadAnswer, Method: http.MethodGet, Path: u.Path, Detail: "pages without end"}
	}
	for page := 1; ; page++ {
		next := u.String()
		if seen[next] || page > maxListPages {
			return endless()
		}
		seen[next] = true
		var records []T
		h, err := c.do(ctx, http.MethodGet, next, nil, &records)
		if err != nil {
			return err
		}
		if n, err := strconv.Atoi(h.Get("Total")); err == nil && n >= 0 && total < 0 {
			total = n
		}
		if read += len(records); total >= 0 && read > total {
			return endless()
		}
		if err := each(records); err != nil {
			return err
		}
		link, ok := nextLink(h.Values("Link"))
		if !ok {
			return nil
		}
		if len(records) == 0 {
			return endless()
		}
		if u, err = u.Parse(link); err != nil || u.Scheme != api.Scheme || u.Host != api.Host {
			return &Error{Kind: KindBadAnswer, Method: http.MethodGet, Path: u.Path, Detail: "next page is not on Procore's API"}
		}
	}
}

// nextLink finds rel="next" in Link headers (RFC 8288):
// `<url>; rel="first", <url>; rel="next"`, possibly over several lines.
func nextLink(headers []string) (string, bool) {
	for _, h := range headers {
		for _, part := range splitLinks(h) {
			target, params, ok := strings.Cut(part, ";")
			target = strings.TrimSpace(target)
			if !ok || !strings.HasPrefix(target, "<") || !strings.HasSuffix(target, ">") {
				continue
			}
			for _, p := range strings.Split(params, ";") {
				k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
				if strings.EqualFold(strings.TrimSpace(k), "rel") && relHas(strings.Trim(strings.TrimSpace(v), `"`), "next") {
					return target[1 : len(target)-1], true
				}
			}
		}
	}
	return "", false
}

// splitLinks splits a Link header at the commas between its links, not
// those inside a URL's angle brackets.
func splitLinks(h string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(h); i++ {
		switch h[i] {
		case '<':
			depth++
		case '>':
			depth = max(depth-1, 0)
		case ',':
			if depth == 0 {
				parts = append(parts, h[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, h[start:])
}

// relHas tells whether a rel value (space-separated relations) has rel.
func relHas(value, rel string) bool {
	for _, r := range strings.Fields(value) {
		if strings.EqualFold(r, rel) {
			return true
		}
	}
	return false
}

// Raw is a record kept as Procore sent it, for a caller that reads only
// some of its fields, or none.
type Raw = json.RawMessage
