package procore_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"qbsettings/qbservice/procore"
)

// FuzzAnswers plays any answer a Procore, or something in its place,
// could give to a list and to a sync call, over real loopback HTTP: the
// client never panics nor hangs, and fails only with a *procore.Error or
// the caller's own deadline.
func FuzzAnswers(f *testing.F) {
	f.Add(200, `<http://HOST/rest/v1.0/x?page=2>; rel="next"`, "", []byte(`[{"name":"a"}]`))
	f.Add(200, "", "", []byte(`{"entities":[{"id":1}],"errors":[{"origin_id":"A","errors":{"name":["can't be blank"]}}]}`))
	f.Add(200, "", "", []byte(`{"entities":[],"errors":[{"errors":"text"},{"errors":[["deep"]]},null]}`))
	f.Add(429, "", "1", []byte(`{}`))
	f.Add(503, "", "Wed, 21 Oct 2015 07:28:00 GMT", []byte(``))
	f.Add(401, "", "", []byte(`{"errors":"The access token is invalid"}`))
	f.Add(200, `<http://HOST/rest/v1.0/x>; rel="next"`, "", []byte(`[]`))
	f.Fuzz(func(t *testing.T, status int, link, retry string, body []byte) {
		if status < 200 || status > 599 {
			status = 200
		}
		var srv *httptest.Server
		srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/oauth/token" {
				_, _ = w.Write([]byte(`{"access_token":"t","token_type":"bearer","expires_in":5400}`))
				return
			}
			if link != "" {
				w.Header().Set("Link", replaceHost(link, srv.Listener.Addr().String()))
			}
			w.Header().Set("Retry-After", retry)
			w.WriteHeader(status)
			_, _ = w.Write(body)
		}))
		defer srv.Close()
		ends, _ := procore.EndpointsOf(procore.Custom, srv.URL)
		c, err := procore.New(procore.Config{Endpoints: ends, Credentials: procore.Credentials{CompanyID: 1, ClientID: "id", ClientSecret: "secret"}})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		err = procore.List(ctx, c, "/rest/v1.0/x", func([]procore.Raw) error { return nil })
		check(t, err)
		done, err := procore.Sync(ctx, c, procore.SyncCall{Target: "/rest/v1.0/x/sync"}, []map[string]string{{"origin_id": "A"}})
		check(t, err)
		for _, e := range done.Errors {
			if e.Reasons == nil { // the contract's reasons are a list, never null
				t.Fatalf("a refused record's reasons are nil: %s", e.Record)
			}
			_ = e.OriginID()
		}
	})
}

func check(t *testing.T, err error) {
	t.Helper()
	var e *procore.Error
	if err != nil && !errors.As(err, &e) && !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("failed with %T: %v", err, err)
	}
}

func replaceHost(s, host string) string {
	out := []byte{}
	for i := 0; i < len(s); i++ {
		if i+4 <= len(s) && s[i:i+4] == "HOST" {
			out = append(out, host...)
			i += 3
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}
