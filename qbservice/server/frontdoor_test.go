package server_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
	"qbsettings/qbservice/accounts"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

var ctx = context.Background()

func someItems() []qbwcemu.Item {
	return []qbwcemu.Item{{Kind: "Service", ListID: "80000001-1", Name: "Retainage", FullName: "Retainage", IsActive: true, EditSequence: "1"}}
}

// request sends the contract a request as a caller would, signed in as
// user with password, with headers; it returns the status and headers.
func request(t *testing.T, s *qbservicetest.Service, method, path, password string, headers map[string]string) (int, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(qbservicetest.User, password)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode, resp.Header
}

// A password change (account set, beside the running service) ends the
// sessions the old password opened, at once: a ticket of before gets no
// work however it is kept alive, and the new password's first session is
// not told another one is under way.
func TestAPasswordChangeCutsOffTheOldPasswordsSessions(t *testing.T) {
	s := qbservicetest.Start(t, someItems(), qbservicetest.Options{})
	s.QueueRefresh(t, "r")
	_, auth, err := s.WC.Call(ctx, "authenticate", "strUserName", qbservicetest.User, "strPassword", qbservicetest.Password)
	if err != nil || len(auth) < 2 || auth[1] != "" {
		t.Fatalf("the old password's sign-in: %q %v", auth, err)
	}
	oldTicket := auth[0]
	const newPassword = "the password after a leak"
	if err := accounts.New(s.DB).WithCost(bcrypt.MinCost).Set(ctx, qbservicetest.User, newPassword); err != nil {
		t.Fatal(err)
	}
	for range 3 { // kept alive, as the one who had the old password would
		req, _, err := s.WC.Call(ctx, "sendRequestXML", "ticket", oldTicket, "strHCPResponse", qbwcemu.HCPResponse(s.WC),
			"strCompanyFileName", "", "qbXMLCountry", "US", "qbXMLMajorVers", "13", "qbXMLMinorVers", "0")
		if err != nil || req != "" {
			t.Fatalf("the old ticket was sent %.120q (%v)", req, err)
		}
	}
	if j := s.Job(t, "r"); j.State != servicedb.JobQueued {
		t.Fatalf("the refresh: %+v", j)
	}
	s.WC.Password = newPassword
	got := s.Session(t)
	if got.Auth[1] != "" || s.Job(t, "r").State != servicedb.JobDone {
		t.Fatalf("the new password's session: %+v, refresh %+v", got, s.Job(t, "r"))
	}
	s.WC.Password = qbservicetest.Password
	if got := s.Session(t); got.Auth[1] != "nvu" {
		t.Fatalf("the old password: %+v", got)
	}
}

// A web page in the bookkeeper's browser cannot knock: whatever it posts
// to the Web Connector's address or the contract is refused before it is
// read, with no effect on health or on the slowdown of wrong passwords.
// So are calls the Web Connector never makes.
func TestAWebPageCannotKnock(t *testing.T) {
	s := qbservicetest.Start(t, someItems(), qbservicetest.Options{})
	s.Session(t)
	if status, _ := request(t, s, http.MethodGet, "/v1/health", qbservicetest.Password, nil); status != http.StatusOK {
		t.Fatalf("health before: %d", status)
	}
	guess := `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
		`<authenticate xmlns="http://developer.intuit.com/"><strUserName>procore-sync</strUserName><strPassword>a guess</strPassword></authenticate></soap:Body></soap:Envelope>`
	for _, tc := range []struct {
		name    string
		headers map[string]string
		want    int
	}{
		{"a page's simple POST", map[string]string{"Content-Type": "text/plain", "Origin": "https://evil.example"}, http.StatusForbidden},
		{"a page's form", map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Origin": "null"}, http.StatusForbidden},
		{"a page's fetch without Origin", map[string]string{"Content-Type": "text/plain", "Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{"XML from a page", map[string]string{"Content-Type": "text/xml", "SOAPAction": `"http://developer.intuit.com/authenticate"`, "Origin": "http://localhost:8780"}, http.StatusForbidden},
		{"not XML", map[string]string{"Content-Type": "text/plain"}, http.StatusUnsupportedMediaType},
		{"no SOAPAction", map[string]string{"Content-Type": "text/xml; charset=utf-8"}, http.StatusBadRequest},
		{"another call's SOAPAction", map[string]string{"Content-Type": "text/xml", "SOAPAction": `"http://developer.intuit.com/closeConnection"`}, http.StatusInternalServerError},
	} {
		for range 10 {
			req, _ := http.NewRequest(http.MethodPost, s.URL+"/qbwc", strings.NewReader(guess))
			for k, v := range tc.headers {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Fatalf("%s: HTTP %d, want %d", tc.name, resp.StatusCode, tc.want)
			}
		}
	}
	// The contract too, signed in or not.
	for _, password := range []string{qbservicetest.Password, "a guess"} {
		if status, _ := request(t, s, http.MethodPost, "/v1/items/refresh", password, map[string]string{"Origin": "https://evil.example"}); status != http.StatusForbidden {
			t.Fatalf("a page's refresh: %d", status)
		}
	}
	if jobs, _ := s.DB.Jobs(ctx, servicedb.JobQueued); len(jobs) != 0 {
		t.Fatalf("a page queued %d jobs", len(jobs))
	}
	if status, _ := request(t, s, http.MethodGet, "/v1/health", qbservicetest.Password, nil); status != http.StatusOK {
		t.Fatalf("health after: %d", status)
	}
	if conn, _ := s.DB.Connector(ctx); !conn.SignInRefusedAt.IsZero() {
		t.Fatal("a page's guess was taken for the Web Connector's")
	}
	// No guess counted: three wrong passwords are still free.
	for range 3 {
		if status, _ := request(t, s, http.MethodGet, "/v1/health", "a guess", nil); status != http.StatusUnauthorized {
			t.Fatalf("a wrong password after the pages' guesses: %d", status)
		}
	}
}

// Guesses sent side by side are guesses: of fifty at once, the free three
// are checked, and the others are answered at once, 429 with Retry-After.
func TestGuessesSideBySideAreSlowedDown(t *testing.T) {
	s := qbservicetest.Start(t, someItems(), qbservicetest.Options{})
	s.SetNow(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	var mu sync.Mutex
	statuses := map[int]int{}
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			status, h := request(t, s, http.MethodGet, "/v1/health", "a guess", nil)
			if status == http.StatusTooManyRequests && h.Get("Retry-After") != "1" {
				t.Errorf("Retry-After %q", h.Get("Retry-After"))
			}
			mu.Lock()
			statuses[status]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if statuses[http.StatusUnauthorized] > 3 || statuses[http.StatusUnauthorized]+statuses[http.StatusTooManyRequests] != 50 {
		t.Fatalf("fifty guesses at once: %v", statuses)
	}
}

// A steady stream of wrong guesses from the owner's own computer never
// holds the owner's app up: it signed in from its device before, and gets
// in at once at every call while the guesses go on. Once they stop, the
// right password gets in from any caller of that computer within the
// longest wait, which the service says at once.
func TestGuessingBesideTheOwnersSignIn(t *testing.T) {
	s := qbservicetest.Start(t, someItems(), qbservicetest.Options{})
	s.Session(t)
	now := time.Now()
	s.SetNow(now)
	app := map[string]string{serviceapi.DeviceHeader: "the-owners-app-token-0123456789abcdefghij"}
	if status, _ := request(t, s, http.MethodGet, "/v1/health", qbservicetest.Password, app); status != http.StatusOK {
		t.Fatalf("the app's first call: %d", status)
	}
	var guessed atomic.Int32
	for range 100 {
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				if status, _ := request(t, s, http.MethodGet, "/v1/health", "a guess", nil); status == http.StatusUnauthorized {
					guessed.Add(1)
				}
			})
		}
		wg.Wait()
		if status, _ := request(t, s, http.MethodGet, "/v1/health", qbservicetest.Password, app); status != http.StatusOK {
			t.Fatalf("the owner's app while guesses go on: %d", status)
		}
		now = now.Add(700 * time.Millisecond)
		s.SetNow(now)
	}
	if n := guessed.Load(); n > 3+70/8+8 {
		t.Fatalf("%d guesses checked in 70 s", n)
	}
	// Guessing stops. A caller without the app's device, with the right
	// password, is told how long to wait, at once, and gets in then.
	status, h := request(t, s, http.MethodGet, "/v1/health", qbservicetest.Password, nil)
	if status == http.StatusTooManyRequests {
		wait, err := strconv.Atoi(h.Get("Retry-After"))
		if err != nil || wait < 1 || time.Duration(wait)*time.Second > accounts.MaxWait {
			t.Fatalf("Retry-After %q", h.Get("Retry-After"))
		}
		s.SetNow(now.Add(time.Duration(wait) * time.Second))
		status, _ = request(t, s, http.MethodGet, "/v1/health", qbservicetest.Password, nil)
	}
	if status != http.StatusOK {
		t.Fatalf("the right password once guessing stopped: %d", status)
	}
}
