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
	// A commitment exported, and a vendor added from the staged ones (none
	// is staged here: refused); another company's is refused too.
	var exported struct{ RequestID, DetailID, CommitmentID int64 }
	code = post("/export-commitment", `{"company":9001,"commitment":{"number":"SC-1","vendor":5,"projectOrigin":"B-1",`+
		`"items":[{"description":"Supervision","amount":"250.0","costCode":"01-100","costCodeOrigin":"B-1|8-1"}]}}`, &exported)
	if code != http.StatusOK || exported.RequestID == 0 || exported.DetailID == 0 || exported.CommitmentID == 0 {
		t.Fatalf("export-commitment: %d %+v", code, exported)
	}
	var invoiced struct{ RequestID, DetailID, RequisitionID int64 }
	code = post("/export-requisition", `{"company":9001,"requisition":{"invoiceNumber":"9348","billingDate":"2021-03-31","contractOrigin":"1A2-1",`+
		`"jobOrigin":"B-1","lines":[{"description":"Forms","amount":"500.0","retainageThisPeriod":"10.0","costCodeOrigin":"B-1|8-1","commitmentItemOrigin":"1A4-1"}]}}`, &invoiced)
	if code != http.StatusOK || invoiced.RequestID == 0 || invoiced.DetailID == 0 || invoiced.RequisitionID == 0 {
		t.Fatalf("export-requisition: %d %+v", code, invoiced)
	}
	if code := post("/export-commitment", `{"company":1,"commitment":{}}`, nil); code != http.StatusNotFound {
		t.Fatalf("another company's commitment: %d", code)
	}
	if code := post("/add-staged-vendor", `{"company":9001,"originId":"A-1"}`, nil); code != http.StatusNotFound {
		t.Fatalf("a vendor not staged: %d", code)
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
