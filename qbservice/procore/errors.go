package procore

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Kind is what went wrong in a call to Procore, for the caller to word
// and to decide whether to try again. The service's words for each are at
// its edges (the app, the ERP tool's messages); nothing here is a sentence
// for a bookkeeper.
type Kind string

// The kinds of failure.
const (
	// KindSignInRefused: /oauth/token refused the Client ID and Secret
	// (wrong, revoked, or for another environment).
	KindSignInRefused Kind = "signInRefused"
	// KindUnauthorized: Procore refused a fresh token too (401 twice).
	KindUnauthorized Kind = "unauthorized"
	// KindNotAllowed: 403; the service account lacks a permission, the
	// app is not installed in the company, or the tool is off.
	KindNotAllowed Kind = "notAllowed"
	// KindNotFound: 404; the record is not there, or not for this account.
	KindNotFound Kind = "notFound"
	// KindRefused: another 4xx; Procore read the request and refused it.
	KindRefused Kind = "refused"
	// KindThrottled: Procore asked for a wait (429 or 503 with
	// Retry-After) longer than the caller allows, or too many in a row.
	KindThrottled Kind = "throttled"
	// KindUnavailable: a 5xx that did not pass after tries.
	KindUnavailable Kind = "unavailable"
	// KindUnreachable: no answer at all (name, connection, TLS, timeout).
	KindUnreachable Kind = "unreachable"
	// KindBadAnswer: an answer Procore could not have meant: not JSON,
	// too large, cut short, pages without end, a page link elsewhere.
	KindBadAnswer Kind = "badAnswer"
)

// Error is a failed call. Its Error text is for the log: it names the
// call and what came back, never a secret or a token.
type Error struct {
	Kind   Kind
	Method string
	Path   string // without the query
	Status int    // 0 when no answer came
	// Code is Procore's own error code when the answer had one (OAuth's
	// "invalid_client"), else "".
	Code string
	// Detail is what Procore or the connection said, cleaned and cut.
	Detail string
	// RetryAfter, for KindThrottled, is how long Procore asked to wait.
	RetryAfter time.Duration
}

func (e *Error) Error() string {
	s := fmt.Sprintf("procore %s %s: %s", e.Method, e.Path, e.Kind)
	if e.Status != 0 {
		s += fmt.Sprintf(" (HTTP %d", e.Status)
		if e.Code != "" {
			s += " " + e.Code
		}
		s += ")"
	}
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(", retry after %v", e.RetryAfter)
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Retryable tells whether the same call may pass later unchanged.
func (e *Error) Retryable() bool {
	switch e.Kind {
	case KindThrottled, KindUnavailable, KindUnreachable:
		return true
	case KindSignInRefused, KindUnauthorized, KindNotAllowed, KindNotFound, KindRefused, KindBadAnswer:
	}
	return false
}

// maxDetailRunes bounds what an answer may put in the log.
const maxDetailRunes = 300

// cleanDetail makes text from the other end fit for one log line:
// control characters become spaces, and it is cut.
func cleanDetail(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.In(r, unicode.Cf) || r == unicode.ReplacementChar {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxDetailRunes {
		s = string(r[:maxDetailRunes]) + "…"
	}
	return s
}
