package connector_test

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
	"qbsettings/qbservice/accounts"
	"qbsettings/qbservice/connector"
	"qbsettings/qbservice/qbwc"
	"qbsettings/qbservice/servicedb"
)

// direct is the connector called as the Web Connector would, without
// HTTP, to send it what a Web Connector should not.
func direct(t *testing.T) (*connector.Connector, *qbservicetest.Service) {
	t.Helper()
	s := qbservicetest.Start(t, companyItems(30, 0), qbservicetest.Options{PageSize: 25})
	c := connector.New(connector.Config{DB: s.DB, Accounts: accounts.New(s.DB), OwnerID: qbservicetest.OwnerID, Version: "1.0.0",
		Log: slog.New(slog.DiscardHandler), PageSize: 10})
	return c, s
}

func hcp(s *qbservicetest.Service) string {
	wc := *s.WC
	return qbwcemu.HCPResponse(&wc)
}

// A response sent twice (a Web Connector that replays) does not count
// twice: the refresh stops, its pages are dropped, and the next session
// does it whole.
func TestReplayedResponseIsNotKeptTwice(t *testing.T) {
	c, s := direct(t)
	s.QueueRefresh(t, "r")
	auth := c.Authenticate(ctx, qbservicetest.User, qbservicetest.Password)
	req := c.SendRequestXML(ctx, qbwc.RequestCall{Ticket: auth.Ticket, HCPResponse: hcp(s), QBXMLMajor: 13})
	s.QB.Set(func(*qbwcemu.QuickBooks) {})
	resp, hresult, _ := s.QB.ProcessInSession(req)
	if hresult != "" {
		t.Fatal(hresult)
	}
	if p := c.ReceiveResponseXML(ctx, qbwc.ResponseCall{Ticket: auth.Ticket, Response: resp}); p < 0 || p >= 100 {
		t.Fatalf("first page: %d", p)
	}
	if p := c.ReceiveResponseXML(ctx, qbwc.ResponseCall{Ticket: auth.Ticket, Response: resp}); p >= 0 {
		t.Fatalf("the same page again answered %d", p)
	}
	if j := s.Job(t, "r"); j.State != servicedb.JobQueued {
		t.Fatalf("after the replay: %+v", j)
	}
	if words := c.GetLastError(ctx, auth.Ticket); !strings.Contains(words, "did not send") {
		t.Fatalf("last error %q", words)
	}
	// Health says so too, until the next session begins.
	if conn, err := s.DB.Connector(ctx); err != nil || conn.SessionError != "unexpectedResponse" {
		t.Fatalf("kept for health: %+v %v", conn, err)
	}
	c.CloseConnection(ctx, auth.Ticket)
	s.Session(t)
	if conn, err := s.DB.Connector(ctx); err != nil || conn.SessionError != "" {
		t.Fatalf("after a session that went well: %+v %v", conn, err)
	}
	if items, _ := s.DB.Items(ctx); s.Job(t, "r").State != servicedb.JobDone || len(items) != 30 {
		t.Fatalf("then: %+v, %d items", s.Job(t, "r"), len(items))
	}
}

// A closed session's ticket, an unknown one, and a QuickBooks that speaks
// no qbXML version the service can are refused with words for the Web
// Connector's user.
func TestTicketsAndVersionsRefused(t *testing.T) {
	c, s := direct(t)
	auth := c.Authenticate(ctx, qbservicetest.User, qbservicetest.Password)
	c.CloseConnection(ctx, auth.Ticket)
	for _, ticket := range []string{auth.Ticket, "not-a-ticket", ""} {
		if req := c.SendRequestXML(ctx, qbwc.RequestCall{Ticket: ticket, QBXMLMajor: 13}); req != "" {
			t.Fatalf("ticket %q was sent %q", ticket, req)
		}
		if p := c.ReceiveResponseXML(ctx, qbwc.ResponseCall{Ticket: ticket, Response: "<QBXML/>"}); p >= 0 {
			t.Fatalf("ticket %q answered %d", ticket, p)
		}
		if words := c.GetLastError(ctx, ticket); !strings.Contains(words, "has ended or is not known") {
			t.Fatalf("ticket %q: %q", ticket, words)
		}
	}
	s.QB.Set(func(q *qbwcemu.QuickBooks) { q.Versions = []string{"1.0", "1.1"} })
	old := c.Authenticate(ctx, qbservicetest.User, qbservicetest.Password)
	// Its request processor may say 13.0; the host's list is what counts.
	if req := c.SendRequestXML(ctx, qbwc.RequestCall{Ticket: old.Ticket, HCPResponse: hcp(s), QBXMLMajor: 13}); req != "" {
		t.Fatalf("a QuickBooks of qbXML 1.1 was sent %q", req)
	}
	if words := c.GetLastError(ctx, old.Ticket); !strings.Contains(words, "qbXML version") {
		t.Fatalf("%q", words)
	}
}

// Two Web Connector sessions at once (another computer with the same .qwc
// file, or one replayed): the second is told the service is busy and
// changes nothing; the first goes on. A session abandoned for longer than
// SessionBusy no longer counts: the next one starts, and the work the
// abandoned one held is done again.
func TestOneSessionAtATime(t *testing.T) {
	s := qbservicetest.Start(t, companyItems(30, 0), qbservicetest.Options{})
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	c := connector.New(connector.Config{DB: s.DB, Accounts: accounts.New(s.DB), OwnerID: qbservicetest.OwnerID, Version: "1.0.0",
		Log: slog.New(slog.DiscardHandler), PageSize: 10, Now: func() time.Time { return now }})
	s.QueueRefresh(t, "r")
	first := c.Authenticate(ctx, qbservicetest.User, qbservicetest.Password)
	if req := c.SendRequestXML(ctx, qbwc.RequestCall{Ticket: first.Ticket, HCPResponse: hcp(s), QBXMLMajor: 13}); !strings.Contains(req, "ItemServiceQueryRq") {
		t.Fatalf("first session's request: %.200s", req)
	}
	now = now.Add(connector.SessionBusy - time.Second)
	second := c.Authenticate(ctx, qbservicetest.User, qbservicetest.Password)
	if second.Status != qbwc.AuthBusy {
		t.Fatalf("a second session at once: %+v", second)
	}
	if j := s.Job(t, "r"); j.State != servicedb.JobRunning || j.Ticket != first.Ticket {
		t.Fatalf("the second session changed the job: %+v", j)
	}
	// The first goes quiet for good; the next session takes its work.
	now = now.Add(connector.SessionBusy)
	third := c.Authenticate(ctx, qbservicetest.User, qbservicetest.Password)
	if third.Status != qbwc.AuthOpenFile {
		t.Fatalf("after the first was abandoned: %+v", third)
	}
	if j := s.Job(t, "r"); j.State != servicedb.JobQueued || j.Ticket != "" {
		t.Fatalf("the abandoned session's job: %+v", j)
	}
	if req := c.SendRequestXML(ctx, qbwc.RequestCall{Ticket: first.Ticket, QBXMLMajor: 13}); req != "" {
		t.Fatalf("the abandoned session was sent %.100s", req)
	}
}

// A QuickBooks that answers what QuickBooks could not have (a ListID,
// full name or description beyond the schema's limits) has its answer
// refused whole: -1, getLastError says why, the refresh stays queued,
// and the item list read before stays as it was. One record never
// becomes the list.
func TestAnAnswerBeyondQuickBooksLimitsIsRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		lie  func(*qbwcemu.Item)
	}{
		{"a ListID of 100,000 characters", func(it *qbwcemu.Item) { it.ListID = strings.Repeat("8", 100_000) }},
		{"a FullName of 100,000 characters", func(it *qbwcemu.Item) { it.FullName = strings.Repeat("F", 100_000) }},
		{"a Desc of 4,096 characters", func(it *qbwcemu.Item) { it.Description = strings.Repeat("é", 4096) }},
		{"a Name of 32 characters", func(it *qbwcemu.Item) { it.Name = strings.Repeat("n", 32) }},
		{"an EditSequence of 17 characters", func(it *qbwcemu.Item) { it.EditSequence = strings.Repeat("1", 17) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := qbservicetest.Start(t, companyItems(30, 0), qbservicetest.Options{PageSize: 25})
			s.QueueRefresh(t, "first")
			s.Session(t)
			s.QB.Set(func(q *qbwcemu.QuickBooks) { tc.lie(&q.Items[27]) })
			s.QueueRefresh(t, "lied")
			got := s.Session(t)
			if !strings.Contains(got.LastError, "could not have") || got.Percents[len(got.Percents)-1] != -1 {
				t.Fatalf("session %+v", got)
			}
			if j := s.Job(t, "lied"); j.State != servicedb.JobQueued {
				t.Fatalf("the refresh: %+v", j)
			}
			items, _ := s.DB.Items(ctx)
			if len(items) != 30 || items[27].FullName == strings.Repeat("F", 100_000) {
				t.Fatalf("the list: %d items", len(items))
			}
			if n, _ := s.DB.PagesKept(ctx); n != 0 {
				t.Fatalf("%d items of the lying answer kept", n)
			}
			if conn, _ := s.DB.Connector(ctx); conn.SessionError != "invalidResponse" {
				t.Fatalf("health is told %q", conn.SessionError)
			}
		})
	}
}

// What the Web Connector says beside QuickBooks' answers is held to what
// it could say: a company file path or a failure's words beyond their
// limits, or an HRESULT that is not one, are kept nowhere; and a
// connectionError without a session's ticket changes nothing.
func TestTheWebConnectorsOwnWordsAreBounded(t *testing.T) {
	c, s := direct(t)
	s.Session(t)
	before, _ := s.DB.Connector(ctx)
	if c.ConnectionError(ctx, "not-a-ticket", "0x80040408", "Could not start QuickBooks.") != qbwc.Done {
		t.Fatal("not done")
	}
	if after, _ := s.DB.Connector(ctx); after.HResult != before.HResult || !after.QuickBooksOpen {
		t.Fatalf("a connectionError without a session was heard: %+v", after)
	}
	signIn := func() qbwc.Auth {
		t.Helper()
		a := c.Authenticate(ctx, qbservicetest.User, qbservicetest.Password)
		if a.Status != qbwc.AuthOpenFile || a.Ticket == "" {
			t.Fatalf("sign-in: %+v", a)
		}
		return a
	}
	auth := signIn()
	c.ConnectionError(ctx, auth.Ticket, "0x80040408", strings.Repeat("w", 5000))
	c.CloseConnection(ctx, auth.Ticket)
	if after, _ := s.DB.Connector(ctx); after.HResult != "" || len(after.Message) > 4095 {
		t.Fatalf("a message of 5,000 characters: %+v", after.HResult)
	}
	auth = signIn()
	long := qbwc.RequestCall{Ticket: auth.Ticket, HCPResponse: hcp(s), CompanyFileName: `C:\` + strings.Repeat("d", 300) + `.qbw`, QBXMLMajor: 13}
	if req := c.SendRequestXML(ctx, long); req != "" {
		t.Fatalf("a path of 300 characters was answered %.80q", req)
	}
	if conn, _ := s.DB.Connector(ctx); len(conn.CompanyFile) > 260 {
		t.Fatal("the path was kept")
	}
	if words := c.GetLastError(ctx, auth.Ticket); !strings.Contains(words, "could not have") {
		t.Fatalf("getLastError: %q", words)
	}
	c.CloseConnection(ctx, auth.Ticket)
	for _, hresult := range []string{"0x8004040", "<script>", strings.Repeat("0x80040408", 100)} {
		auth = signIn()
		c.SendRequestXML(ctx, qbwc.RequestCall{Ticket: auth.Ticket, HCPResponse: hcp(s), QBXMLMajor: 13})
		if p := c.ReceiveResponseXML(ctx, qbwc.ResponseCall{Ticket: auth.Ticket, HResult: hresult, Message: "x"}); p != -1 {
			t.Fatalf("HRESULT %.20q answered %d", hresult, p)
		}
		if conn, _ := s.DB.Connector(ctx); conn.HResult != "" {
			t.Fatalf("HRESULT %.20q kept as %q", hresult, conn.HResult)
		}
		c.CloseConnection(ctx, auth.Ticket)
	}
}
