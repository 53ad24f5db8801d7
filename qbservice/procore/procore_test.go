package procore_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"qbsettings/internal/procoreemu"
	"qbsettings/qbservice/procore"
)

const (
	companyID = 4242
	clientID  = "client-abc"
	secret    = "s3cret-value-never-logged"
)

// start runs an emulator (with cfg's limits) holding one company with
// vendors, and its service account; and a client signed in to it.
func start(t *testing.T, vendors int, cfg procoreemu.Config) (*procoreemu.Emulator, *procore.Client) {
	t.Helper()
	seed := procoreemu.CompanySeed{ID: companyID, Name: "Acme Builders"}
	for i := range vendors {
		seed.Vendors = append(seed.Vendors, procoreemu.Record{"name": fmt.Sprintf("Vendor %05d", i)})
	}
	cfg.Clients = []procoreemu.Client{{ID: clientID, Secret: secret, Companies: []int64{companyID}}}
	cfg.Companies = []procoreemu.CompanySeed{seed}
	emu := procoreemu.New(cfg)
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	return emu, client(t, srv.URL, secret)
}

func client(t *testing.T, base, secret string) *procore.Client {
	t.Helper()
	ends, err := procore.EndpointsOf(procore.Custom, base)
	if err != nil {
		t.Fatal(err)
	}
	c, err := procore.New(procore.Config{Endpoints: ends, Credentials: procore.Credentials{CompanyID: companyID, ClientID: clientID, ClientSecret: secret}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func kindOf(err error) procore.Kind {
	var e *procore.Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ""
}

func TestSignsInOnceAndNamesTheCompany(t *testing.T) {
	emu, c := start(t, 0, procoreemu.Config{})
	for range 3 {
		got, err := c.Company(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != companyID || got.Name != "Acme Builders" {
			t.Fatalf("company %+v", got)
		}
	}
	if n := len(emu.CallsTo(http.MethodPost, "/oauth/token")); n != 0 {
		t.Fatalf("the token endpoint is outside the API's calls, got %d", n)
	}
	calls := emu.CallsTo(http.MethodGet, "/rest/v1.0/companies")
	if len(calls) != 3 {
		t.Fatalf("%d calls", len(calls))
	}
	for _, call := range calls {
		if call.Company != fmt.Sprint(companyID) || call.Status != http.StatusOK {
			t.Fatalf("call %+v", call)
		}
	}
}

func TestAWrongSecretIsRefusedAndNeverWritten(t *testing.T) {
	emu := procoreemu.New(procoreemu.Config{Clients: []procoreemu.Client{{ID: clientID, Secret: "other", Companies: []int64{companyID}}}})
	srv := httptest.NewServer(emu.Handler())
	defer srv.Close()
	_, err := client(t, srv.URL, secret).Company(context.Background())
	var e *procore.Error
	if !errors.As(err, &e) || e.Kind != procore.KindSignInRefused || e.Code != "invalid_client" || e.Status != http.StatusUnauthorized {
		t.Fatalf("got %v", err)
	}
	if strings.Contains(err.Error(), secret) || strings.Contains(fmt.Sprintf("%+v", e), secret) {
		t.Fatalf("the error carries the secret: %v", err)
	}
}

func TestATokenRefusedMidWorkIsRenewedOnce(t *testing.T) {
	emu, c := start(t, 3, procoreemu.Config{})
	ctx := context.Background()
	if _, err := c.Company(ctx); err != nil {
		t.Fatal(err)
	}
	emu.ExpireTokens()
	if _, err := c.Company(ctx); err != nil {
		t.Fatalf("after the token expired: %v", err)
	}
	calls := emu.CallsTo(http.MethodGet, "/rest/v1.0/companies")
	if len(calls) != 3 || calls[1].Status != http.StatusUnauthorized || calls[2].Status != http.StatusOK {
		t.Fatalf("calls %+v", calls)
	}
	// A token refused again at once is the account's, not the token's.
	emu.RefuseTokens(true)
	_, err := c.Company(ctx)
	if kindOf(err) != procore.KindUnauthorized {
		t.Fatalf("got %v", err)
	}
	if n := len(emu.CallsTo(http.MethodGet, "/rest/v1.0/companies")); n != 5 {
		t.Fatalf("%d calls: one refused token is renewed once, no more", n)
	}
}

func TestAListIsReadPageByPageByItsLinks(t *testing.T) {
	emu, c := start(t, 2500, procoreemu.Config{})
	var names []string
	err := procore.List(context.Background(), c, fmt.Sprintf("/rest/v1.0/vendors?company_id=%d", companyID), func(page []struct{ Name string }) error {
		for _, v := range page {
			names = append(names, v.Name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 2500 || names[0] != "Vendor 00000" || names[2499] != "Vendor 02499" {
		t.Fatalf("%d names, %q … %q", len(names), names[0], names[len(names)-1])
	}
	if n := len(emu.CallsTo(http.MethodGet, "/rest/v1.0/vendors")); n != 3 {
		t.Fatalf("%d pages read", n)
	}
}

func TestAListThatLoopsEnds(t *testing.T) {
	emu, c := start(t, 2500, procoreemu.Config{})
	emu.LinkLoop(true)
	err := procore.List(context.Background(), c, fmt.Sprintf("/rest/v1.0/vendors?company_id=%d", companyID), func([]procore.Raw) error { return nil })
	if kindOf(err) != procore.KindBadAnswer {
		t.Fatalf("got %v", err)
	}
}

func TestAGarbledAnswerIsABadAnswer(t *testing.T) {
	emu, c := start(t, 1, procoreemu.Config{})
	emu.Garble(1)
	_, err := c.Company(context.Background())
	if kindOf(err) != procore.KindBadAnswer {
		t.Fatalf("got %v", err)
	}
	if _, err := c.Company(context.Background()); err != nil {
		t.Fatalf("the next answer is good: %v", err)
	}
}

func TestA503WithRetryAfterIsWaitedOut(t *testing.T) {
	emu, c := start(t, 1, procoreemu.Config{})
	emu.Unavailable(1, time.Second)
	began := time.Now()
	if _, err := c.Company(context.Background()); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(began); waited < time.Second {
		t.Fatalf("waited %v, Retry-After said 1 s", waited)
	}
}

func TestAPostIsNotSentTwiceAfterA5xx(t *testing.T) {
	emu, c := start(t, 0, procoreemu.Config{})
	emu.Unavailable(1, 0)
	path := fmt.Sprintf("/rest/v1.0/companies/%d/erp_connections", companyID)
	body := map[string]any{"connection": map[string]any{"service_url": "https://qb.example.com/procore/events"}}
	_, err := c.Do(context.Background(), http.MethodPost, path, body, nil)
	if kindOf(err) != procore.KindUnavailable {
		t.Fatalf("got %v", err)
	}
	if n := len(emu.CallsTo(http.MethodPost, path)); n != 1 {
		t.Fatalf("sent %d times", n)
	}
}

func TestAWaitLongerThanTheCallerAllowsIsSaidAtOnce(t *testing.T) {
	emu, c := start(t, 1, procoreemu.Config{})
	emu.Throttle(1, 30*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	began := time.Now()
	_, err := c.Company(ctx)
	var e *procore.Error
	if !errors.As(err, &e) || e.Kind != procore.KindThrottled || e.RetryAfter < 29*time.Second {
		t.Fatalf("got %v", err)
	}
	if time.Since(began) > 2*time.Second {
		t.Fatalf("took %v to say it", time.Since(began))
	}
	// The wait holds every call of the client, not only the refused one.
	_, err = c.Company(ctx)
	if kindOf(err) != procore.KindThrottled {
		t.Fatalf("the next call went on: %v", err)
	}
	if n := len(emu.CallsTo(http.MethodGet, "/rest/v1.0/companies")); n != 1 {
		t.Fatalf("%d calls reached Procore during the wait", n)
	}
}

// Procore's spike window refuses a burst of callers; all get through, the
// refused ones after their wait, never refused again and again.
func TestABurstIsPacedNotAStorm(t *testing.T) {
	emu, c := start(t, 0, procoreemu.Config{SpikeLimit: 4, SpikeWindow: time.Second})
	var wg sync.WaitGroup
	errs := make(chan error, 12)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				if _, err := c.Company(context.Background()); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	refused := 0
	for _, call := range emu.CallsTo(http.MethodGet, "/rest/v1.0/companies") {
		if call.Status == http.StatusTooManyRequests {
			refused++
		}
	}
	// At most the calls already in flight each time the window filled:
	// 12 calls at 4 a window fill it twice, with 4 callers in flight. A
	// refused call tried again at once, without its wait, would be refused
	// again and again (up to 6 tries each).
	if refused > 2*4 {
		t.Fatalf("%d calls refused with 429", refused)
	}
}

// One caller that reads the headers never meets a 429: at Remaining 0 it
// waits for the window's reset before it calls again.
func TestTheRateLimitHeadersAreHeeded(t *testing.T) {
	emu, c := start(t, 0, procoreemu.Config{SpikeLimit: 3, SpikeWindow: time.Second})
	for range 7 {
		if _, err := c.Company(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	for _, call := range emu.CallsTo(http.MethodGet, "/rest/v1.0/companies") {
		if call.Status != http.StatusOK {
			t.Fatalf("a call was answered %d", call.Status)
		}
	}
}

// A Procore that lies: its next page elsewhere would take the token
// there; an answer without end would fill the memory.
func TestAHostileAnswerIsRefused(t *testing.T) {
	var other string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/oauth/token":
			fmt.Fprint(w, `{"access_token":"t","token_type":"bearer","expires_in":5400,"created_at":1}`)
		case "/rest/v1.0/elsewhere":
			w.Header().Set("Link", "<"+other+"/rest/v1.0/elsewhere?page=2>; rel=\"next\"")
			fmt.Fprint(w, `[]`)
		case "/rest/v1.0/huge":
			fmt.Fprint(w, "[")
			chunk := strings.Repeat(`{"name":"x"},`, 1<<14)
			for range 200 {
				fmt.Fprint(w, chunk)
			}
		}
	}))
	defer srv.Close()
	thief := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("the token was sent to another host: %q", r.Header.Get("Authorization"))
	}))
	defer thief.Close()
	other = thief.URL
	c := client(t, srv.URL, secret)
	for _, target := range []string{"/rest/v1.0/elsewhere", "/rest/v1.0/huge"} {
		err := procore.List(context.Background(), c, target, func([]procore.Raw) error { return nil })
		if kindOf(err) != procore.KindBadAnswer {
			t.Fatalf("%s: got %v", target, err)
		}
	}
}

// The rules themselves are serviceapi.CheckProcore's (tested there); the
// client refuses what breaks them before anything is sent.
func TestCredentialsAreCheckedBeforeUse(t *testing.T) {
	if _, err := procore.New(procore.Config{Credentials: procore.Credentials{CompanyID: 1, ClientID: "id", ClientSecret: "secret\n"},
		Endpoints: procore.Endpoints{Login: "https://login.example", API: "https://api.example"}}); !errors.Is(err, procore.ErrSecret) {
		t.Fatalf("got %v", err)
	}
	if _, err := procore.EndpointsOf(procore.Custom, "http://procore.example.com"); !errors.Is(err, procore.ErrBaseURL) {
		t.Fatalf("got %v", err)
	}
}
