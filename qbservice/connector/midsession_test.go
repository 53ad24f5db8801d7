package connector_test

import (
	"strings"
	"testing"

	"qbsettings/internal/qbservicetest"
	"qbsettings/qbservice/qbwc"
)

// A refresh queued while a session asks QuickBooks who it is is done in
// that same session: the host's answer says more work waits (50), and the
// next request is the refresh's first page.
func TestWorkQueuedDuringASessionIsDoneInIt(t *testing.T) {
	c, s := direct(t)
	auth := c.Authenticate(ctx, qbservicetest.User, qbservicetest.Password)
	req := c.SendRequestXML(ctx, qbwc.RequestCall{Ticket: auth.Ticket, HCPResponse: hcp(s), QBXMLMajor: 13})
	if !strings.Contains(req, "HostQueryRq") {
		t.Fatalf("%.200s", req)
	}
	resp, _, _ := s.QB.ProcessInSession(req)
	s.QueueRefresh(t, "r")
	if p := c.ReceiveResponseXML(ctx, qbwc.ResponseCall{Ticket: auth.Ticket, Response: resp}); p != 50 {
		t.Fatalf("host: %d", p)
	}
	req = c.SendRequestXML(ctx, qbwc.RequestCall{Ticket: auth.Ticket, QBXMLMajor: 13})
	if !strings.Contains(req, "ItemServiceQueryRq") {
		t.Fatalf("%.200s", req)
	}
	resp, _, _ = s.QB.ProcessInSession(req)
	if p := c.ReceiveResponseXML(ctx, qbwc.ResponseCall{Ticket: auth.Ticket, Response: resp}); p < 0 {
		t.Fatalf("page: %d %q", p, c.GetLastError(ctx, auth.Ticket))
	}
}
