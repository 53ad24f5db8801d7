package procore

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// token is an access token and when it stops being good.
type token struct {
	value   string
	renewAt time.Time // before it expires: a tenth of its life, at most renewBefore
}

// Limits on a token answer: Procore's are JWTs of a few hundred bytes,
// good for 5,400 s (oauth/oauth_client_credentials.md).
const (
	maxTokenBytes = 16 << 10
	maxTokenLife  = 7 * 24 * time.Hour
	// renewBefore: a token is fetched again this long before it expires,
	// so no call is made with one about to lapse mid-flight.
	renewBefore = 5 * time.Minute
)

// tokenAnswer is /oauth/token's answer.
type tokenAnswer struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int64  `json:"expires_in"`
	CreatedAt   int64  `json:"created_at"`
}

// accessToken is a token good for a call now: the one kept, or a new one.
// One is fetched at a time; callers who wait for it share it.
func (c *Client) accessToken(ctx context.Context) (string, error) {
	if t, ok := c.current(); ok {
		return t, nil
	}
	c.tokenMu.Lock()
	defer c.tokenMu.Unlock()
	if t, ok := c.current(); ok { // fetched while this caller waited
		return t, nil
	}
	t, err := c.fetchToken(ctx)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	c.tok = t
	c.mu.Unlock()
	return t.value, nil
}

func (c *Client) current() (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.tok.value, c.tok.value != "" && time.Now().Before(c.tok.renewAt)
}

// dropToken forgets value when it is still the kept token (Procore
// refused it), so the next call fetches another; a token another caller
// already replaced is left alone.
func (c *Client) dropToken(value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tok.value == value {
		c.tok = token{}
	}
}

// fetchToken asks /oauth/token for a token with the client credentials.
func (c *Client) fetchToken(ctx context.Context) (token, error) {
	const path = "/oauth/token"
	form := url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {c.creds.ClientID},
		"client_secret": {c.creds.ClientSecret},
	}
	fail := func(kind Kind, status int, code, detail string) (token, error) {
		return token{}, &Error{Kind: kind, Method: http.MethodPost, Path: path, Status: status, Code: code, Detail: detail}
	}
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.ends.Login+path, strings.NewReader(form.Encode()))
		if err != nil {
			return fail(KindUnreachable, 0, "", err.Error())
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		started := time.Now()
		a, err := c.send(req, maxTokenBytes)
		if err != nil {
			return token{}, err
		}
		body := a.body
		if wait, ok := c.throttled(a, attempt); ok {
			if err := c.pace.hold(ctx, started.Add(wait), http.MethodPost, path); err != nil {
				return token{}, err
			}
			continue
		}
		switch {
		case a.status == http.StatusOK:
		case a.status == http.StatusBadRequest || a.status == http.StatusUnauthorized:
			// OAuth's error answer (RFC 6749 §5.2). Its description is not
			// logged: a server may echo what it was sent.
			return fail(KindSignInRefused, a.status, oauthError(body), "")
		case a.status == http.StatusTooManyRequests:
			return fail(KindThrottled, a.status, "", "")
		case a.status >= 500:
			return fail(KindUnavailable, a.status, "", "")
		default:
			return fail(KindRefused, a.status, oauthError(body), "")
		}
		var t tokenAnswer
		if err := json.Unmarshal(body, &t); err != nil {
			return fail(KindBadAnswer, a.status, "", "token answer is not JSON")
		}
		if t.ExpiresIn <= 0 || t.ExpiresIn > int64(maxTokenLife/time.Second) || !bearerToken(t.AccessToken) || !strings.EqualFold(t.TokenType, "bearer") {
			return fail(KindBadAnswer, a.status, "", "token answer without a bearer token and its life")
		}
		life := time.Duration(t.ExpiresIn) * time.Second
		// The life is counted from when the request left, not from
		// created_at: this computer's clock and Procore's may disagree.
		return token{value: t.AccessToken, renewAt: started.Add(life - min(renewBefore, life/10))}, nil
	}
}

// bearerToken tells whether s can go in an Authorization header as it
// is: visible ASCII (RFC 6750's b64token is narrower), of a sane length.
func bearerToken(s string) bool {
	if s == "" || len(s) > maxTokenBytes/2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// oauthError is the "error" code of an OAuth error answer, when it is a
// short word; "" otherwise.
func oauthError(body []byte) string {
	var e struct {
		Error string `json:"error"`
	}
	if json.Unmarshal(body, &e) != nil || len(e.Error) > 64 || strings.ContainsFunc(e.Error, func(r rune) bool { return r != '_' && (r < 'a' || r > 'z') }) {
		return ""
	}
	return e.Error
}
