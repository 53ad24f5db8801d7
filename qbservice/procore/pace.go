package procore

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// How the client meets Procore's limits (plan_your_app/rate_limiting.md):
// the X-Rate-Limit-* headers are the source of truth; at Remaining 0 every
// call waits for Reset; a 429, or a 503 with Retry-After, holds every call
// of the client (not only the refused one) until the wait is over, so a
// run of calls never answers one refusal with a storm of them.
const (
	// maxThrottledTries is how many refusals in a row one call takes
	// before it gives up with KindThrottled (the work is tried again later).
	maxThrottledTries = 6
	// maxWait bounds any wait Procore asks for: no header holds the
	// service longer than the hourly window.
	maxWait = time.Hour
	// maxServerTries: a 5xx is tried again this many times, with backoff,
	// except for a POST, which might have been done.
	maxServerTries = 3
)

// pace holds every call of a client until a time Procore set.
type pace struct {
	mu    sync.Mutex
	until time.Time
}

// extend makes calls wait until t, unless they already wait longer.
func (p *pace) extend(t time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if t.After(p.until) {
		p.until = t
	}
}

// hold extends the wait to t and waits.
func (p *pace) hold(ctx context.Context, t time.Time, method, path string) error {
	p.extend(t)
	return p.wait(ctx, method, path)
}

// wait returns once calls may go on. A wait that would outlast ctx's
// deadline is not begun: the caller learns at once how long it would be.
func (p *pace) wait(ctx context.Context, method, path string) error {
	p.mu.Lock()
	until := p.until
	p.mu.Unlock()
	d := time.Until(until)
	if d <= 0 {
		return ctx.Err()
	}
	if deadline, ok := ctx.Deadline(); ok && deadline.Before(until) {
		return &Error{Kind: KindThrottled, Method: method, Path: path, RetryAfter: d}
	}
	return sleep(ctx, d)
}

// observe reads an answer's rate-limit headers: with none left in the
// window, every call waits for its reset.
func (p *pace) observe(h http.Header) {
	if h.Get("X-Rate-Limit-Remaining") != "0" {
		return
	}
	if reset, ok := resetTime(h); ok {
		p.extend(reset)
	}
}

// resetTime is X-Rate-Limit-Reset (Unix seconds), at most maxWait away.
func resetTime(h http.Header) (time.Time, bool) {
	secs, err := strconv.ParseInt(h.Get("X-Rate-Limit-Reset"), 10, 64)
	if err != nil || secs <= 0 {
		return time.Time{}, false
	}
	reset := time.Unix(secs, 0).Add(time.Second) // reset is whole seconds: wait past it
	return minTime(reset, time.Now().Add(maxWait)), true
}

// throttled tells whether resp asks for a wait before the call is made
// again, and how long: Retry-After, else the window's reset, else a
// backoff that doubles with each refusal; with up to a quarter more at
// random, so that clients refused together do not return together.
func (c *Client) throttled(a answer, attempt int) (time.Duration, bool) {
	after, hasAfter := retryAfter(a.header)
	switch {
	case a.status == http.StatusTooManyRequests:
	case a.status == http.StatusServiceUnavailable && hasAfter:
	default:
		return 0, false
	}
	if attempt+1 >= maxThrottledTries {
		return 0, false
	}
	wait := backoff(attempt)
	if hasAfter {
		wait = max(wait, after)
	} else if reset, ok := resetTime(a.header); ok {
		wait = max(wait, time.Until(reset))
	}
	wait = min(wait+time.Duration(rand.Int64N(int64(wait/4)+1)), maxWait) //nolint:gosec // jitter, not a secret
	c.log("procore asked to wait", "status", a.status, "path", a.path, "wait", wait.Round(time.Millisecond), "try", attempt+1)
	return wait, true
}

// backoff is 1 s, 2 s, 4 s… for the n-th refusal in a row (from 0).
func backoff(n int) time.Duration { return time.Second << min(n, 12) }

// retryAfter reads Retry-After: seconds, or an HTTP date.
func retryAfter(h http.Header) (time.Duration, bool) {
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil && secs >= 0 {
		return min(time.Duration(secs)*time.Second, maxWait), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(time.Until(t), 0), maxWait), true
	}
	return 0, false
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
