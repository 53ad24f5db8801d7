package procoreemu_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"qbsettings/qbservice/procore"
)

// The controls over HTTP, as the window's tests and the demo use them.
func TestTheControlsOverHTTP(t *testing.T) {
	emu, c := run(t)
	ctl := httptest.NewServer(emu.ControlHandler())
	defer ctl.Close()
	// post posts body and decodes the answer into out (when not nil).
	post := func(path, body string, out any) int {
		t.Helper()
		resp, err := http.Post(ctl.URL+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if out != nil {
			_ = json.NewDecoder(resp.Body).Decode(out)
		}
		return resp.StatusCode
	}
	var sent struct{ RequestID, DetailID int64 }
	code := post("/send-to-erp", `{"company":9001,"name":"sync_vendors","data":{"company_id":9001},"detail":true}`, &sent)
	if code != http.StatusOK || sent.RequestID == 0 || sent.DetailID == 0 {
		t.Fatalf("send-to-erp: %d %+v", code, sent)
	}
	if code := post("/refuse-tokens", `{"on":true}`, nil); code != http.StatusNoContent {
		t.Fatalf("refuse-tokens: %d", code)
	}
	var pe *procore.Error
	if _, err := c.Company(t.Context()); !errors.As(err, &pe) || pe.Kind != procore.KindUnauthorized {
		t.Fatalf("after refuse-tokens: %v", err)
	}
	if code := post("/throttle", `{"n":"lots"}`, nil); code != http.StatusBadRequest {
		t.Fatalf("a control that is not one: %d", code)
	}
	resp, err := http.Get(ctl.URL + "/calls")
	if err != nil {
		t.Fatal(err)
	}
	var calls []struct{ Path string }
	_ = json.NewDecoder(resp.Body).Decode(&calls)
	resp.Body.Close()
	if len(calls) == 0 || calls[len(calls)-1].Path != "/rest/v1.0/companies" {
		t.Fatalf("calls %+v", calls)
	}
}
