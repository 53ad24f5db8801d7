package procoreemu

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Paging as plan_your_app/pagination.md shows it: page (from 1) and
// per_page; the Total, Per-Page and Link headers. Link has next and last
// on page 1; first, next and last on page 2; first, prev, next and last
// after; no next on the last page. The default and largest per_page are
// not published: 100 and 1,000 here [I].
const (
	defaultPerPage = 100
	maxPerPage     = 1000
)

// page is records' page that r asks for, with the headers set on h.
func (e *Emulator) page(h http.Header, r *http.Request, records []Record) []Record {
	q := r.URL.Query()
	per, err := strconv.Atoi(q.Get("per_page"))
	if err != nil || per < 1 {
		per = defaultPerPage
	}
	per = min(per, maxPerPage)
	n, err := strconv.Atoi(q.Get("page"))
	if err != nil || n < 1 {
		n = 1
	}
	last := max((len(records)+per-1)/per, 1)
	h.Set("Total", strconv.Itoa(len(records)))
	h.Set("Per-Page", strconv.Itoa(per))
	link := func(p int, rel string) string {
		u := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path}
		v := r.URL.Query()
		v.Set("page", strconv.Itoa(p))
		v.Set("per_page", strconv.Itoa(per))
		u.RawQuery = v.Encode()
		return fmt.Sprintf("<%s>; rel=%q", u.String(), rel)
	}
	var links []string
	if n >= 2 {
		links = append(links, link(1, "first"))
	}
	if n >= 3 {
		links = append(links, link(n-1, "prev"))
	}
	if n < last {
		next := n + 1
		if e.faults.linkLoop {
			next = 1
		}
		links = append(links, link(last, "last"), link(next, "next"))
	}
	if len(links) > 0 {
		h.Set("Link", strings.Join(links, ", "))
	}
	from := min((n-1)*per, len(records))
	return records[from:min(from+per, len(records))]
}
