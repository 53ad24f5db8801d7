package quickbooks_test

import (
	"context"
	"crypto/tls"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/simulator"
	"qbsettings/internal/simulator/simtest"
	"qbsettings/serviceapi"
)

const user, password = "demo", "demo-password"

var ctx = context.Background()

// startHTTP runs a simulator over plain HTTP on loopback, the contract
// checked on every exchange (simtest).
func startHTTP(t *testing.T, opts simulator.Options) (*simulator.Server, string) {
	t.Helper()
	opts.User, opts.Password = user, password
	return simtest.Start(t, opts)
}

// startHTTPS runs a simulator over HTTPS with a fresh self-signed certificate.
func startHTTPS(t *testing.T) (string, tls.Certificate) {
	t.Helper()
	_, url, cert := simtest.StartTLS(t, simulator.Options{User: user, Password: password})
	return url, cert
}

func client(t *testing.T, cfg quickbooks.Config) *quickbooks.Client {
	t.Helper()
	if cfg.User == "" {
		cfg.User, cfg.Password = user, password
	}
	c, err := quickbooks.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func wantKind(t *testing.T, err error, kind quickbooks.Kind, msgPart string) *quickbooks.Error {
	t.Helper()
	var qe *quickbooks.Error
	if !errors.As(err, &qe) {
		t.Fatalf("error %v (%T), want a *quickbooks.Error of kind %s", err, err, kind)
	}
	if qe.Kind != kind || !strings.Contains(qe.Message(), msgPart) {
		t.Logf("detail: %s", qe.Detail)
		t.Fatalf("got %s %q, want %s with %q", qe.Kind, qe.Message(), kind, msgPart)
	}
	if strings.Contains(qe.Message(), password) || strings.Contains(qe.Detail, password) {
		t.Fatalf("the password is in the error: %+v", qe)
	}
	return qe
}

func TestHealth(t *testing.T) {
	_, url := startHTTP(t, simulator.Options{})
	h, err := client(t, quickbooks.Config{BaseURL: url}).Health(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if h.Service != "quickbooks" || !strings.HasSuffix(h.CompanyFile, ".qbw") || !strings.Contains(h.QBEdition, "Contractor") {
		t.Fatalf("health = %+v", h)
	}
}

func TestWrongPassword(t *testing.T) {
	_, url := startHTTP(t, simulator.Options{})
	_, err := client(t, quickbooks.Config{BaseURL: url, User: user, Password: "wrong"}).Health(ctx)
	wantKind(t, err, quickbooks.KindUnauthorized, "did not accept the Service User and Service Password")
}

func TestEveryFaultHasItsOwnMessage(t *testing.T) {
	cases := []struct {
		fault simulator.Fault
		call  string // which call shows it
		kind  quickbooks.Kind
		msg   string
	}{
		{simulator.FaultSlow, "health", quickbooks.KindTimeout, "did not answer in time"},
		{simulator.FaultServerError, "health", quickbooks.KindServiceError, "ran into a problem talking to QuickBooks"},
		{simulator.FaultUnauthorized, "health", quickbooks.KindUnauthorized, "did not accept"},
		{simulator.FaultMalformedJSON, "health", quickbooks.KindNotQuickBooks, "broke off before its end"},
		{simulator.FaultOversized, "health", quickbooks.KindNotQuickBooks, "far larger than expected"},
		{simulator.FaultEndlessPaging, "items", quickbooks.KindNotQuickBooks, "kept sending more pages"},
		{simulator.FaultDropConnection, "health", quickbooks.KindConnectionLost, "was lost before it answered"},
		{simulator.FaultRefreshFails, "refresh", quickbooks.KindRefreshFailed, "could not read the item list"},
		{simulator.FaultNotQuickBooks, "health", quickbooks.KindNotQuickBooks, "not the way a QuickBooks service does"},
	}
	if len(cases) != len(simulator.Faults) {
		t.Fatalf("%d cases for %d faults", len(cases), len(simulator.Faults))
	}
	// One service at one address for every fault, so that a message naming
	// the address cannot pass for another's; each message is read from the
	// one place the window and the command line read it, and two faults
	// never share one.
	sim, url := startHTTP(t, simulator.Options{SlowDelay: 5 * time.Second, RefreshPolls: 1})
	c := client(t, quickbooks.Config{BaseURL: url})
	shown := map[string]simulator.Fault{}
	for _, tc := range cases {
		t.Run(string(tc.fault), func(t *testing.T) {
			sim.SetFault(tc.fault)
			// Only the slow fault is meant to time out (it waits 5 s); the
			// others get all the time a loaded machine needs.
			limit := 30 * time.Second
			if tc.fault == simulator.FaultSlow {
				limit = 300 * time.Millisecond
			}
			cctx, cancel := context.WithTimeout(ctx, limit)
			defer cancel()
			var err error
			switch tc.call {
			case "health":
				_, err = c.Health(cctx)
			case "items":
				_, err = c.Items(ctx)
			case "refresh":
				_, err = c.RefreshAndList(ctx, time.Millisecond, "", nil)
			}
			qe := wantKind(t, err, tc.kind, tc.msg)
			if other, taken := shown[qe.Message()]; taken {
				t.Errorf("%s is shown with the same message as %s: %q", tc.fault, other, qe.Message())
			}
			shown[qe.Message()] = tc.fault
		})
	}
}

func TestHealthWithQuickBooksClosedIsNotConnected(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"service":"quickbooks","serviceVersion":"1","companyFile":"","qbEdition":"","qbRunning":false}`))
	}))
	defer srv.Close()
	_, err := client(t, quickbooks.Config{BaseURL: srv.URL}).Health(ctx)
	wantKind(t, err, quickbooks.KindQuickBooksNotReady, "QuickBooks is not running")
}

func TestConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, err = client(t, quickbooks.Config{BaseURL: "http://" + addr}).Health(ctx)
	wantKind(t, err, quickbooks.KindConnectionRefused, "Nothing is accepting connections at "+addr)
}

func TestHostNotFound(t *testing.T) {
	dns := nxdomainServer(t)
	resolver := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, "tcp", dns)
	}}
	_, err := client(t, quickbooks.Config{BaseURL: "https://qbserver.invalid:8443", Resolver: resolver}).Health(ctx)
	wantKind(t, err, quickbooks.KindHostNotFound, `"qbserver.invalid" could not be found`)
}

// nxdomainServer is a DNS server on loopback that knows no names: it answers
// every query with NXDOMAIN, as an office DNS server does for a mistyped name.
// It speaks DNS over TCP (each message after its 2-byte length), which Go's
// resolver uses over a stream connection: Wine, where the Windows tests run,
// cannot make the UDP sockets Go's Windows networking sets up.
func nxdomainServer(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go answerNXDOMAIN(c)
		}
	}()
	return l.Addr().String()
}

func answerNXDOMAIN(c net.Conn) {
	defer c.Close()
	for {
		var size [2]byte
		if _, err := io.ReadFull(c, size[:]); err != nil {
			return
		}
		msg := make([]byte, binary.BigEndian.Uint16(size[:]))
		if _, err := io.ReadFull(c, msg); err != nil || len(msg) < 12 {
			return
		}
		flags := binary.BigEndian.Uint16(msg[2:])
		binary.BigEndian.PutUint16(msg[2:], 0x8000|flags&0x7900|0x0080|3) // QR, opcode, RD; RA; NXDOMAIN
		binary.BigEndian.PutUint16(msg[6:], 0)                            // no answers
		binary.BigEndian.PutUint16(msg[8:], 0)
		binary.BigEndian.PutUint16(msg[10:], 0)
		if _, err := c.Write(append(size[:], msg...)); err != nil {
			return
		}
	}
}

func TestTwentyThousandItemsArePaged(t *testing.T) {
	const n = 20000
	_, url := startHTTP(t, simulator.Options{Items: simulator.GeneratedItems(n)})
	list, err := client(t, quickbooks.Config{BaseURL: url}).Items(ctx)
	items := list.Items
	if err != nil {
		t.Fatal(err)
	}
	// Only Service and OtherCharge items are asked for.
	want := 0
	for _, it := range simulator.GeneratedItems(n) {
		if it.Type == "Service" || it.Type == "OtherCharge" {
			want++
		}
	}
	if len(items) != want || want < n/2 {
		t.Fatalf("got %d items, want %d", len(items), want)
	}
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.ListID] {
			t.Fatalf("item %s listed twice", it.ListID)
		}
		seen[it.ListID] = true
	}
}

func TestRefreshShowsNewItem(t *testing.T) {
	sim, url := startHTTP(t, simulator.Options{RefreshPolls: 2})
	sim.AddToQuickBooks(serviceapi.Item{ListID: "80000099-1700000000", FullName: "Retainage Payable - 2026", Type: "Service", IsActive: true})
	c := client(t, quickbooks.Config{BaseURL: url})
	before, _ := c.Items(ctx)
	var states []string
	after, err := c.RefreshAndList(ctx, time.Millisecond, "", func(s serviceapi.RefreshStatus) { states = append(states, s.State) })
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Items) != len(before.Items)+1 {
		t.Fatalf("%d items after refresh, %d before", len(after.Items), len(before.Items))
	}
	if got := strings.Join(states, ","); got != "running,running,done" {
		t.Fatalf("refresh states %s", got)
	}
}

func TestSelfSignedCertificateIsRefusedThenTrustedByFingerprint(t *testing.T) {
	url, cert := startHTTPS(t)
	_, err := client(t, quickbooks.Config{BaseURL: url}).Health(ctx)
	qe := wantKind(t, err, quickbooks.KindCertificate, "does not trust the security certificate")
	fp := quickbooks.Fingerprint(cert.Certificate[0])
	if qe.Certificate == nil || qe.Certificate.Fingerprint != fp || !qe.Certificate.SelfSigned {
		t.Fatalf("certificate shown to the user: %+v, want fingerprint %s", qe.Certificate, fp)
	}
	// Trusting exactly that certificate connects, in any fingerprint spelling.
	lower := strings.ToLower(strings.ReplaceAll(fp, ":", ""))
	if _, err := client(t, quickbooks.Config{BaseURL: url, TrustedFingerprint: lower}).Health(ctx); err != nil {
		t.Fatalf("with the certificate trusted: %v", err)
	}
}

func TestTrustDoesNotCoverAnotherCertificate(t *testing.T) {
	first, err := simulator.SelfSignedCertificate()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewTLSServer(neverReached(t))
	defer srv.Close()
	_, err = client(t, quickbooks.Config{BaseURL: srv.URL, TrustedFingerprint: quickbooks.Fingerprint(first.Certificate[0])}).Health(ctx)
	wantKind(t, err, quickbooks.KindCertificate, "does not trust")
}

func TestHTTPSAgainstPlainHTTPSaysSo(t *testing.T) {
	srv := httptest.NewServer(neverReached(t))
	defer srv.Close()
	_, err := client(t, quickbooks.Config{BaseURL: strings.Replace(srv.URL, "http://", "https://", 1)}).Health(ctx)
	wantKind(t, err, quickbooks.KindNotQuickBooks, "does not answer secure (https) connections")
}

// neverReached is a server that no request may reach: the client must
// give up before it sends one.
func neverReached(t *testing.T) http.Handler {
	return http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		t.Errorf("a request reached a server the client should not have sent it to")
	})
}

func TestRedirectsAreNotFollowed(t *testing.T) {
	var gotAuth bool
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _, gotAuth = r.BasicAuth()
	}))
	defer elsewhere.Close()
	redirector := httptest.NewServer(http.RedirectHandler(elsewhere.URL+"/v1/health", http.StatusFound))
	defer redirector.Close()
	_, err := client(t, quickbooks.Config{BaseURL: redirector.URL}).Health(ctx)
	wantKind(t, err, quickbooks.KindNotQuickBooks, "not the way a QuickBooks service does")
	if gotAuth {
		t.Fatal("the password followed a redirect to another server")
	}
}

func TestServicePathPrefixIsKept(t *testing.T) {
	sim := simulator.New(simulator.Options{User: user, Password: password})
	mux := http.NewServeMux()
	mux.Handle("/quickbooks/", http.StripPrefix("/quickbooks", sim))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	if _, err := client(t, quickbooks.Config{BaseURL: srv.URL + "/quickbooks/"}).Health(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestNormalizeFingerprint(t *testing.T) {
	fp := quickbooks.Fingerprint([]byte("x"))
	for _, in := range []string{fp, strings.ToLower(fp), strings.ReplaceAll(fp, ":", ""), strings.ReplaceAll(fp, ":", " ")} {
		if got := quickbooks.NormalizeFingerprint(in); got != fp {
			t.Errorf("NormalizeFingerprint(%q) = %q", in, got)
		}
	}
	for _, bad := range []string{"", "AB:CD", strings.Repeat("ZZ", 32)} {
		if got := quickbooks.NormalizeFingerprint(bad); got != "" {
			t.Errorf("NormalizeFingerprint(%q) = %q, want empty", bad, got)
		}
	}
}

// Reading 20,000 items from the simulator over loopback HTTP, 500 a page.
func BenchmarkItems20000(b *testing.B) {
	sim := simulator.New(simulator.Options{User: user, Password: password, Items: simulator.GeneratedItems(20000)})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	c, err := quickbooks.New(quickbooks.Config{BaseURL: srv.URL, User: user, Password: password})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Items(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
