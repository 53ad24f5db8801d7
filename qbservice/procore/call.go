package procore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxAnswerBytes bounds any one answer read into memory.
const maxAnswerBytes = 32 << 20

// CompanyHeader is the header every call carries
// (tutorials/tutorial_mpz.md: required "even though an endpoint might
// require the company_id as a path or query parameter").
const CompanyHeader = "Procore-Company-Id"

// Do makes one call to Procore's API: method and target (a path from
// "/rest/", with its query), body sent as JSON when not nil, and a 2xx
// answer decoded into out when out is not nil. It returns the answer's
// headers. It waits as Procore asks, renews the token once on a 401, and
// tries a 5xx again except after a POST.
func (c *Client) Do(ctx context.Context, method, target string, body, out any) (http.Header, error) {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return nil, err
		}
	}
	return c.do(ctx, method, c.ends.API+target, payload, out)
}

func (c *Client) do(ctx context.Context, method, full string, payload []byte, out any) (http.Header, error) {
	path := full
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	path = strings.TrimPrefix(path, c.ends.API)
	renewed := false
	for throttledTries, serverTries := 0, 0; ; {
		if err := c.pace.wait(ctx, method, path); err != nil {
			return nil, err
		}
		tok, err := c.accessToken(ctx)
		if err != nil {
			return nil, err
		}
		req, err := http.NewRequestWithContext(ctx, method, full, bytes.NewReader(payload))
		if err != nil {
			return nil, &Error{Kind: KindRefused, Method: method, Path: path, Detail: err.Error()}
		}
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set(CompanyHeader, strconv.FormatInt(c.creds.CompanyID, 10))
		req.Header.Set("Accept", "application/json")
		if payload != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		started := time.Now()
		a, err := c.send(req, maxAnswerBytes)
		if err != nil {
			return nil, err
		}
		c.pace.observe(a.header)
		status := a.status
		if wait, ok := c.throttled(a, throttledTries); ok {
			throttledTries++
			if err := c.pace.hold(ctx, started.Add(wait), method, path); err != nil {
				return nil, err
			}
			continue
		}
		fail := func(kind Kind) (http.Header, error) {
			e := &Error{Kind: kind, Method: method, Path: path, Status: status, Detail: cleanDetail(string(a.body))}
			if kind == KindThrottled {
				e.RetryAfter, _ = retryAfter(a.header)
			}
			return a.header, e
		}
		switch {
		case status == http.StatusUnauthorized && !renewed:
			// The token expired or was revoked mid-work: one new one.
			c.dropToken(tok)
			renewed = true
			continue
		case status == http.StatusUnauthorized:
			return fail(KindUnauthorized)
		case status == http.StatusTooManyRequests:
			return fail(KindThrottled)
		case status >= 500 && method != http.MethodPost && serverTries+1 < maxServerTries:
			serverTries++
			if err := sleep(ctx, backoff(serverTries-1)); err != nil {
				return nil, err
			}
			continue
		case status == http.StatusServiceUnavailable && a.header.Get("Retry-After") != "":
			return fail(KindThrottled)
		case status >= 500:
			return fail(KindUnavailable)
		case status == http.StatusForbidden:
			return fail(KindNotAllowed)
		case status == http.StatusNotFound:
			return fail(KindNotFound)
		case status < 200 || status > 299:
			return fail(KindRefused)
		}
		if out != nil {
			if err := json.Unmarshal(a.body, out); err != nil {
				e := &Error{Kind: KindBadAnswer, Method: method, Path: path, Status: status, Detail: "answer is not the JSON expected: " + cleanDetail(err.Error())}
				return a.header, e
			}
		}
		return a.header, nil
	}
}

// answer is an HTTP answer read whole.
type answer struct {
	status int
	header http.Header
	body   []byte
	path   string // the request's
}

// send makes req and reads its answer, at most limit bytes.
func (c *Client) send(req *http.Request, limit int64) (answer, error) {
	path := req.URL.Path
	resp, err := c.http.Do(req)
	if err != nil {
		if ctxErr := req.Context().Err(); ctxErr != nil {
			return answer{}, ctxErr
		}
		return answer{}, &Error{Kind: KindUnreachable, Method: req.Method, Path: path, Detail: cleanDetail(unwrapURLError(err).Error())}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	switch {
	case err != nil:
		if ctxErr := req.Context().Err(); ctxErr != nil {
			return answer{}, ctxErr
		}
		return answer{}, &Error{Kind: KindUnreachable, Method: req.Method, Path: path, Status: resp.StatusCode, Detail: "answer cut short: " + cleanDetail(err.Error())}
	case int64(len(data)) > limit:
		return answer{}, &Error{Kind: KindBadAnswer, Method: req.Method, Path: path, Status: resp.StatusCode, Detail: "answer larger than " + strconv.FormatInt(limit>>10, 10) + " KiB"}
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: data, path: path}, nil
}

// unwrapURLError drops url.Error's method and URL, which the Error
// already names.
func unwrapURLError(err error) error {
	if ue := (*url.Error)(nil); errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
