package quickbooks

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"qbsettings/serviceapi"
)

// Limits that keep a broken or hostile service from hanging or exhausting the app.
const (
	MaxBodyBytes = 32 << 20 // any one response
	PageSize     = 500
	MaxPages     = 1000 // 500,000 items: far beyond any company file
)

// Config says where the service is and how to sign in.
type Config struct {
	BaseURL  string
	User     string
	Password string
	// TrustedFingerprint, when set, is the SHA-256 fingerprint of a
	// certificate the user chose to trust for this URL although the
	// system does not (a local service's self-signed certificate).
	TrustedFingerprint string
	// Resolver looks up the service's host name; nil means the system's.
	Resolver *net.Resolver
	// Device is this installation's device token (DeviceHeader), or "".
	Device string
}

// Client calls one QuickBooks service. It is safe for concurrent use.
type Client struct {
	base     *url.URL
	user     string
	password string
	device   string
	http     *http.Client
}

// New returns a client for cfg. BaseURL must already be valid (the settings
// rules check it); New only refuses what it cannot parse.
func New(cfg Config) (*Client, error) {
	base, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("service URL %q is not an http(s) URL", cfg.BaseURL)
	}
	transport := &http.Transport{
		// No proxy: the password goes to the configured address and nowhere else.
		Proxy:                  nil,
		DialContext:            (&net.Dialer{Timeout: 10 * time.Second, Resolver: cfg.Resolver}).DialContext,
		TLSClientConfig:        tlsConfig(base.Hostname(), cfg.TrustedFingerprint),
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  30 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
	}
	return &Client{
		base:     base,
		user:     cfg.User,
		password: cfg.Password,
		device:   cfg.Device,
		http: &http.Client{
			Transport: transport,
			// A redirect could carry the password elsewhere: never follow one.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}, nil
}

// Close releases the client's idle connections.
func (c *Client) Close() { c.http.CloseIdleConnections() }

// Host is the service's host and port, for messages.
func (c *Client) Host() string { return c.base.Host }

// Health checks that the address is a QuickBooks service that accepts the
// user and password, and says which company file it serves.
func (c *Client) Health(ctx context.Context) (serviceapi.Health, error) {
	var h serviceapi.Health
	if err := c.call(ctx, http.MethodGet, "/v1/health", nil, http.StatusOK, &h); err != nil {
		return h, err
	}
	if h.Service != serviceapi.ServiceName {
		return h, c.notQuickBooks(fmt.Sprintf("health says service=%q", h.Service))
	}
	h.CompanyFile, h.QBEdition = displayText(h.CompanyFile, maxNameRunes), displayText(h.QBEdition, maxNameRunes)
	h.CompanyName, h.CompanyFileID = displayText(h.CompanyName, maxNameRunes), displayText(h.CompanyFileID, maxNameRunes)
	h.QBCountry, h.QBFileMode = displayText(h.QBCountry, maxNameRunes), displayText(h.QBFileMode, maxNameRunes)
	h.WebConnector = webConnectorOf(h.WebConnector)
	if !h.QBRunning {
		return h, newError(KindQuickBooksNotReady, "qbRunning=false",
			saidNotRunning.With())
	}
	return h, nil
}

// ItemList is the service's item list as the client read it: the items
// QuickBooks could have, and how many others the service sent, left out
// (an ID or name beyond QuickBooks' limits, a hidden character). One such
// record never costs the others. ETag is the list's version, as the
// service says it (1.4); Unchanged: the service said the list is still the
// one of the ETag asked about, and sent no items.
type ItemList struct {
	Items     []serviceapi.Item
	LeftOut   int
	ETag      string
	Unchanged bool
}

// maxListRestarts bounds the reads of a list that keeps changing while it
// is read (a refresh finishing between two pages).
const maxListRestarts = 3

// Items returns every Service and OtherCharge item, active or not, following
// the service's pages until the last one.
func (c *Client) Items(ctx context.Context) (ItemList, error) { return c.ItemsSince(ctx, "") }

// ItemsSince is Items, unless the service's list is still the one of
// etag (a list read before): then it is Unchanged, with no items.
func (c *Client) ItemsSince(ctx context.Context, etag string) (ItemList, error) {
	for restart := 0; ; restart++ {
		list, err := c.readItems(ctx, etag)
		var qe *Error
		if restart < maxListRestarts && errors.As(err, &qe) && qe.ServiceCode == serviceapi.CodeItemsChanged {
			continue
		}
		return list, err
	}
}

// readItems reads the list once, from its first page.
func (c *Client) readItems(ctx context.Context, etag string) (ItemList, error) {
	var list ItemList
	seen := map[string]bool{}
	cursor := ""
	for page := 0; ; page++ {
		if page == MaxPages {
			return ItemList{}, newError(KindNotQuickBooks, fmt.Sprintf("more than %d pages", MaxPages),
				saidEndlessPages.With())
		}
		q := url.Values{}
		q.Set("types", strings.Join(serviceapi.RetainageItemTypes, ","))
		q.Set("active", "all")
		q.Set("limit", fmt.Sprint(PageSize))
		var headers http.Header
		want := []int{http.StatusOK}
		if cursor != "" {
			q.Set("cursor", cursor)
		} else if etag != "" {
			headers = http.Header{"If-None-Match": {etag}}
			want = append(want, http.StatusNotModified)
		}
		var p serviceapi.ItemPage
		a, err := c.exchange(ctx, http.MethodGet, "/v1/items?"+q.Encode(), nil, headers, want, nil)
		if err != nil {
			return ItemList{}, err
		}
		if a.status == http.StatusNotModified {
			return ItemList{ETag: etag, Unchanged: true}, nil
		}
		if err := c.decode("/v1/items", a.body, &p); err != nil {
			return ItemList{}, err
		}
		list.ETag = plausibleETag(a.header.Get("ETag"))
		for _, it := range p.Items {
			if !plausibleItem(it) {
				list.LeftOut++
				continue
			}
			list.Items = append(list.Items, it)
		}
		if p.NextCursor == "" {
			return list, nil
		}
		if seen[p.NextCursor] {
			return ItemList{}, newError(KindNotQuickBooks, "cursor repeated: "+p.NextCursor,
				saidRepeatedPage.With())
		}
		seen[p.NextCursor] = true
		cursor = p.NextCursor
	}
}

// plausibleETag is an ETag as HTTP has one (a quoted string of visible
// characters, at most 128), or "": one the app will send back.
func plausibleETag(tag string) string {
	if len(tag) < 2 || len(tag) > 128 || !strings.HasPrefix(strings.TrimPrefix(tag, "W/"), `"`) || !strings.HasSuffix(tag, `"`) {
		return ""
	}
	for _, r := range tag {
		if r < 0x21 || r > 0x7e {
			return ""
		}
	}
	return tag
}

// CreateItem creates an item in QuickBooks through the service and
// returns it as QuickBooks made it. A service that creates at once
// (capability items.create) answers 201; one that queues the creation
// until QuickBooks can be reached (items.create.queued) answers 202, and
// the creation is followed every poll until it is done or refused, or ctx
// ends (KindCreatePending: it stays queued at the service).
func (c *Client) CreateItem(ctx context.Context, it serviceapi.NewItem, poll time.Duration) (serviceapi.Item, error) {
	// QuickBooks' name rules first: nothing it would refuse is sent.
	if problem := ItemNameProblem(it.Name); !problem.IsZero() {
		return serviceapi.Item{}, newError(KindInvalidName, fmt.Sprintf("item name %q", it.Name), problem)
	}
	body, err := json.Marshal(it)
	if err != nil {
		return serviceapi.Item{}, err
	}
	var answer struct {
		serviceapi.Item
		serviceapi.CreateQueued
	}
	status, err := c.callWanting(ctx, http.MethodPost, "/v1/items", body, []int{http.StatusCreated, http.StatusAccepted}, &answer)
	switch {
	case err != nil:
		return serviceapi.Item{}, err
	case status == http.StatusAccepted:
		return c.followCreate(ctx, it.Name, answer.CreateID, poll)
	}
	return c.checkCreated(answer.Item)
}

// followCreate follows a queued creation until QuickBooks made the item
// or refused it.
func (c *Client) followCreate(ctx context.Context, name, id string, poll time.Duration) (serviceapi.Item, error) {
	if id == "" {
		return serviceapi.Item{}, c.notQuickBooks("queued create without createId")
	}
	watch := c.watchQuiet()
	for {
		var st serviceapi.CreateStatus
		if err := c.call(ctx, http.MethodGet, "/v1/items/create/"+url.PathEscape(id), nil, http.StatusOK, &st); err != nil {
			if ctx.Err() != nil {
				return serviceapi.Item{}, createPending(name, id, err)
			}
			return serviceapi.Item{}, err
		}
		switch st.State {
		case serviceapi.RefreshQueued:
			if st.QuickBooks != nil {
				return serviceapi.Item{}, heldBackError(KindCreatePending, "create "+id, st.QuickBooks, saidCreateHeldBack, name)
			}
			if why := watch.quiet(ctx); why != nil {
				return serviceapi.Item{}, quietError(KindCreatePending, "create "+id, why, saidCreateHeldBack, name)
			}
		case serviceapi.RefreshDone:
			if st.Item == nil {
				return serviceapi.Item{}, c.notQuickBooks("create " + id + " done without its item")
			}
			return c.checkCreated(*st.Item)
		case serviceapi.RefreshRunning:
		default:
			return serviceapi.Item{}, c.notQuickBooks(fmt.Sprintf("unknown create state %q", st.State))
		}
		select {
		case <-ctx.Done():
			return serviceapi.Item{}, createPending(name, id, ctx.Err())
		case <-time.After(poll):
		}
	}
}

// createPending is a creation still queued at the service when the app
// stopped waiting: QuickBooks will make the item when the Web Connector
// next calls.
func createPending(name, id string, cause error) *Error {
	return newError(KindCreatePending, fmt.Sprintf("create %s still queued: %v", id, cause), saidCreatePending.With(name))
}

func (c *Client) checkCreated(created serviceapi.Item) (serviceapi.Item, error) {
	if !plausibleItem(created) {
		return serviceapi.Item{}, c.notQuickBooks(fmt.Sprintf("created item listId=%q fullName=%q is not one QuickBooks could have", created.ListID, created.FullName))
	}
	return created, nil
}

// StartRefresh asks the service to read its lists from QuickBooks again.
func (c *Client) StartRefresh(ctx context.Context) (string, error) {
	var r serviceapi.RefreshStarted
	if err := c.call(ctx, http.MethodPost, "/v1/items/refresh", []byte("{}"), http.StatusAccepted, &r); err != nil {
		return "", err
	}
	if r.RefreshID == "" {
		return "", c.notQuickBooks("refresh answer without refreshId")
	}
	return r.RefreshID, nil
}

// RefreshState reports the progress of a refresh.
func (c *Client) RefreshState(ctx context.Context, id string) (serviceapi.RefreshStatus, error) {
	var s serviceapi.RefreshStatus
	err := c.call(ctx, http.MethodGet, "/v1/items/refresh/"+url.PathEscape(id), nil, http.StatusOK, &s)
	s.Message = displayText(s.Message, maxMessageRunes)
	if err == nil {
		switch s.State {
		case serviceapi.RefreshQueued, serviceapi.RefreshRunning, serviceapi.RefreshDone, serviceapi.RefreshFailed:
		default:
			err = c.notQuickBooks(fmt.Sprintf("unknown refresh state %q", s.State))
		}
	}
	return s, err
}

// call sends one request and decodes the JSON answer into out, which it
// expects with status want.
func (c *Client) call(ctx context.Context, method, path string, body []byte, want int, out any) error {
	_, err := c.exchange(ctx, method, path, body, nil, []int{want}, out)
	return err
}

// callWanting is call for an answer of any status in want; it says which.
func (c *Client) callWanting(ctx context.Context, method, path string, body []byte, want []int, out any) (int, error) {
	a, err := c.exchange(ctx, method, path, body, nil, want, out)
	return a.status, err
}

// answer is what exchange keeps of an HTTP answer: its headers, status
// and body.
type answer struct {
	header http.Header
	status int
	body   []byte
}

// exchange is call with request headers and any status in want,
// returning the answer's headers and status; out may be nil when the
// answer's body does not matter. A sign-in slowed down is waited for and
// tried again while the call's time allows (slowdown.go).
func (c *Client) exchange(ctx context.Context, method, path string, body []byte, headers http.Header, want []int, out any) (answer, error) {
	for try := 0; ; try++ {
		a, data, err := c.send(ctx, method, path, body, headers)
		if err != nil {
			return answer{}, err
		}
		if slices.Contains(want, a.status) {
			a.body = data
			return a, c.decode(path, data, out)
		}
		wait, slowed := retryAfter(a.status, a.header, errorCode(data))
		if !slowed {
			return answer{}, c.statusError(path, a.status, data)
		}
		e := slowedDown(path, wait)
		if try == maxSlowdownRetries || !waitFits(ctx, wait) {
			return answer{}, e
		}
		if !waitToRetry(ctx, wait) {
			return answer{}, c.transportError(ctx.Err())
		}
	}
}

// send sends one request and reads its answer, bounded in size.
func (c *Client) send(ctx context.Context, method, path string, body []byte, headers http.Header) (answer, []byte, error) {
	u := *c.base
	rel, _ := url.Parse(path)
	u.Path = c.base.Path + rel.Path
	u.RawQuery = rel.RawQuery
	req, err := http.NewRequestWithContext(ctx, method, u.String(), bytes.NewReader(body))
	if err != nil {
		return answer{}, nil, c.transportError(err)
	}
	req.SetBasicAuth(c.user, c.password)
	for k, v := range headers {
		req.Header[k] = v
	}
	req.Header.Set("Accept", "application/json")
	if c.device != "" {
		req.Header.Set(serviceapi.DeviceHeader, c.device)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return answer{}, nil, c.transportError(err)
	}
	defer resp.Body.Close()
	data, err := readBounded(resp.Body)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return answer{}, nil, newError(KindNotQuickBooks, "response over the size limit",
				saidTooLarge.With(MaxBodyBytes>>20))
		}
		return answer{}, nil, c.transportError(err)
	}
	return answer{header: resp.Header, status: resp.StatusCode}, data, nil
}

// decode reads a wanted answer's JSON into out (nothing when out is nil).
func (c *Client) decode(path string, data []byte, out any) error {
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		if brokeOff(data, err) {
			return newError(KindNotQuickBooks, fmt.Sprintf("%s: JSON cut short: %v", path, err),
				saidBrokeOff.With())
		}
		return c.notQuickBooks(fmt.Sprintf("%s: malformed JSON: %v", path, err))
	}
	return nil
}

// brokeOff tells an answer that began as JSON and ended before its end
// (a service that stopped writing half-way) from one that was never JSON
// (another web server at that address).
func brokeOff(data []byte, err error) bool {
	var syntax *json.SyntaxError
	rest := bytes.TrimSpace(data)
	return len(rest) > 0 && (rest[0] == '{' || rest[0] == '[') &&
		errors.As(err, &syntax) && syntax.Offset == int64(len(data))
}

var errTooLarge = errors.New("response too large")

func readBounded(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBodyBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxBodyBytes {
		return nil, errTooLarge
	}
	return data, nil
}
