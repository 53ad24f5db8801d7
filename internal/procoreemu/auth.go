package procoreemu

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"mime"
	"net/http"
	"strings"
	"time"
)

// grant is a token the emulator issued.
type grant struct {
	client  string
	expires time.Time
}

// token answers POST /oauth/token, the client credentials grant
// (oauth/oauth_client_credentials.md, oauth/oauth_endpoints.md): the
// form the curl example sends (-F, so multipart), urlencoded, or JSON.
// A wrong client is 401 invalid_client (RFC 6749 §5.2).
func (e *Emulator) token(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "method_not_allowed"})
		return
	}
	var grantType, id, secret string
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/json" {
		var b map[string]string
		if json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&b) != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request"})
			return
		}
		grantType, id, secret = b["grant_type"], b["client_id"], b["client_secret"]
	} else {
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		_ = r.ParseMultipartForm(64 << 10) //nolint:gosec // the body is bounded just above
		grantType, id, secret = r.FormValue("grant_type"), r.FormValue("client_id"), r.FormValue("client_secret")
	}
	if grantType != "client_credentials" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type"})
		return
	}
	e.mu.Lock()
	c, ok := e.clients[id]
	if !ok || c.Secret != secret {
		e.mu.Unlock()
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client", "error_description": "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."})
		return
	}
	value := newToken()
	now := time.Now()
	e.tokens[value] = grant{client: id, expires: now.Add(e.cfg.TokenLife)}
	life := e.cfg.TokenLife
	e.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": value, "token_type": "bearer",
		"expires_in": int64(life / time.Second), "created_at": now.Unix(),
	})
}

func newToken() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return "emu." + hex.EncodeToString(b)
}

// signedIn is the client whose token the request carries, when it is
// good: "The access token is invalid" otherwise (api_essentials/
// error_reference.md: 401 for a missing, expired or invalid token).
func (e *Emulator) signedIn(r *http.Request) (Client, bool) {
	value, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return Client{}, false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	g, ok := e.tokens[value]
	if !ok || e.refuseTokens || !time.Now().Before(g.expires) {
		return Client{}, false
	}
	return e.clients[g.client], true
}

// RefuseTokens makes the API refuse every token, old or new, as it does
// one of an account whose access was taken away (on), or stops (off).
func (e *Emulator) RefuseTokens(on bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.refuseTokens = on
}

// ExpireTokens makes every token issued so far invalid, as a token that
// lapsed or was revoked mid-work.
func (e *Emulator) ExpireTokens() {
	e.mu.Lock()
	defer e.mu.Unlock()
	clear(e.tokens)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
