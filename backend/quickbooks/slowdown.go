package quickbooks

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"qbsettings/serviceapi"
)

// A service that slowed sign-ins down after wrong passwords (429
// signInSlowedDown, contract 1.4) checked nothing and says how long to
// wait. The client waits and tries again when the call's time allows it,
// telling whoever listens (NoticeWaits) so the wait is shown; otherwise the
// call fails with KindSignInSlowedDown and the wait (Error.RetryAfter).

// maxSlowdownRetries bounds the tries of one call: a wait is at most a
// few seconds, and guesses going on beside it may take the next turn.
const maxSlowdownRetries = 3

// maxRetryAfter bounds what a service may ask to wait: the contract's 8 s,
// with room; more is taken as this.
const maxRetryAfter = time.Minute

type waitNoticeKey struct{}

// NoticeWaits has the calls made with the context it returns tell notice
// how long they wait before they try again, each time they do (the window
// shows it, the command line says it).
func NoticeWaits(ctx context.Context, notice func(wait time.Duration)) context.Context {
	return context.WithValue(ctx, waitNoticeKey{}, notice)
}

// retryAfter is a 429 answer's wait; ok is false when the answer is not
// the service's slowdown (another 429 is an error of its own).
func retryAfter(status int, header http.Header, code string) (time.Duration, bool) {
	if status != http.StatusTooManyRequests || code != serviceapi.CodeSignInSlowedDown {
		return 0, false
	}
	seconds, err := strconv.Atoi(header.Get("Retry-After"))
	if err != nil || seconds < 1 {
		seconds = 1
	}
	return min(time.Duration(seconds)*time.Second, maxRetryAfter), true
}

// waitFits tells whether ctx leaves time to wait and then call again.
func waitFits(ctx context.Context, wait time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return !ok || time.Until(deadline) > wait+time.Second
}

// waitToRetry waits, telling the notice of ctx; false when ctx ended first.
func waitToRetry(ctx context.Context, wait time.Duration) bool {
	if notice, ok := ctx.Value(waitNoticeKey{}).(func(time.Duration)); ok && notice != nil {
		notice(wait)
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// errorCode is the code of an error body, or "".
func errorCode(data []byte) string {
	var eb serviceapi.ErrorBody
	if json.Unmarshal(data, &eb) != nil {
		return ""
	}
	return eb.Error.Code
}

// slowedDown is a call the service slowed down, with its wait.
func slowedDown(path string, wait time.Duration) *Error {
	e := newError(KindSignInSlowedDown, fmt.Sprintf("%s: HTTP 429 signInSlowedDown, Retry-After %v", path, wait),
		saidSlowedDown.With(saidSeconds.With(serviceapi.WaitSeconds(wait))))
	e.RetryAfter, e.Retry = wait, true
	return e
}
