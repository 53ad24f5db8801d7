package server_test

import (
	"net/http"
	"strings"
	"testing"

	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
)

// A request addressed to another name (a web page whose own name was made
// to point at this computer: DNS rebinding) is refused before anything is
// read or done; localhost and the loopback addresses are answered.
func TestOnlyRequestsForItsOwnNameAreAnswered(t *testing.T) {
	s := qbservicetest.Start(t, []qbwcemu.Item{}, qbservicetest.Options{})
	port := s.URL[strings.LastIndex(s.URL, ":"):]
	for host, want := range map[string]int{
		"localhost" + port:    http.StatusServiceUnavailable, // health: the Web Connector never called
		"LOCALHOST.":          http.StatusServiceUnavailable,
		"127.0.0.1" + port:    http.StatusServiceUnavailable,
		"[::1]" + port:        http.StatusServiceUnavailable,
		"evil.example" + port: http.StatusMisdirectedRequest,
		"localhost.evil.com":  http.StatusMisdirectedRequest,
		"127.0.0.1.nip.io":    http.StatusMisdirectedRequest,
	} {
		for _, path := range []string{"/v1/health", "/v1/items/refresh", "/qbwc", "/support"} {
			method := http.MethodGet
			if path == "/v1/items/refresh" {
				method = http.MethodPost
			}
			req, _ := http.NewRequest(method, s.URL+path, strings.NewReader("{}"))
			req.Host = host
			req.SetBasicAuth(qbservicetest.User, qbservicetest.Password)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			refused := resp.StatusCode == http.StatusMisdirectedRequest
			if refused != (want == http.StatusMisdirectedRequest) || path == "/v1/health" && resp.StatusCode != want {
				t.Errorf("%s %s for %q: %d", method, path, host, resp.StatusCode)
			}
		}
	}
	// The refused refreshes queued nothing; the answered ones one refresh.
	jobs, err := s.DB.Jobs(t.Context(), "queued")
	if err != nil || len(jobs) != 1 {
		t.Fatalf("queued %d, %v", len(jobs), err)
	}
}
