package qbwcemu

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"qbsettings/qbservice/qbxml"
)

func put(t *testing.T, url, body string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPut, url+"/quickbooks", strings.NewReader(body))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// The control address puts QuickBooks in a fault from the next request,
// and out of it; a state QuickBooks cannot be in is refused with nothing
// changed.
func TestControlPutsQuickBooksInAFault(t *testing.T) {
	qb := NewQuickBooks(items(2))
	srv := httptest.NewServer(ControlHandler(qb))
	defer srv.Close()
	add, err := qbxml.MessageSet("13.0", qbxml.ServiceItemAdd{RequestID: "a", Name: "Retention Held"})
	if err != nil {
		t.Fatal(err)
	}
	if _, hresult, _ := qb.ProcessInSession(add); hresult != "" {
		t.Fatalf("before: %s", hresult)
	}

	if got := put(t, srv.URL, `{"failing":"0x80040414","fileMode":"SingleUser"}`); got != http.StatusNoContent {
		t.Fatalf("PUT: %d", got)
	}
	if _, hresult, message := qb.ProcessInSession(add); hresult != HResultDialog || !strings.Contains(message, "dialog") {
		t.Fatalf("with a dialog open: %q %q", hresult, message)
	}
	if c := qb.Controlled(); c != (Control{Failing: HResultDialog, FileMode: "SingleUser"}) {
		t.Fatalf("state: %+v", c)
	}

	for _, bad := range []string{
		`{"failing":"0x80040414 "}`, `{"failing":"dialog"}`, `{"openFails":"80040408"}`,
		`{"fileMode":"Exclusive"}`, `{"addRefused":-1}`, `{"addRefused":10000}`, `{"dialog":true}`,
		`{"failing":"0x80040414"} {}`, `[]`, `{"failing":"` + strings.Repeat("0", 5000) + `"}`,
		`{"slowness":"2m"}`, `{"slowness":"-1s"}`, `{"slowness":"slow"}`, `{"slowness":1500}`,
	} {
		if got := put(t, srv.URL, bad); got != http.StatusBadRequest {
			t.Errorf("%.40s: %d", bad, got)
		}
	}
	if c := qb.Controlled(); c != (Control{Failing: HResultDialog, FileMode: "SingleUser"}) {
		t.Fatalf("a refused state changed QuickBooks: %+v", c)
	}

	if got := put(t, srv.URL, `{"addRefused":3175}`); got != http.StatusNoContent {
		t.Fatalf("PUT: %d", got)
	}
	resp, hresult, _ := qb.ProcessInSession(add)
	if hresult != "" || !strings.Contains(resp, `statusCode="3175"`) || qb.Controlled().FileMode != "" {
		t.Fatalf("the dialog closed, the list in use: %q %s", hresult, resp)
	}

	// A large company file: each answer takes its time, and says so.
	if got := put(t, srv.URL, `{"slowness":"1.5s"}`); got != http.StatusNoContent {
		t.Fatalf("PUT: %d", got)
	}
	if c := qb.Controlled(); c != (Control{Slowness: "1.5s"}) || qb.Slowness != 1500*time.Millisecond {
		t.Fatalf("slowness: %+v %v", c, qb.Slowness)
	}
}
