package procoreemu

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Start serves an emulator of one company, reached by one service
// account, over loopback for a test, and returns it with its address
// (the base URL of a Custom environment). It stops with the test.
func Start(t testing.TB, company CompanySeed, client Client) (*Emulator, string) {
	t.Helper()
	client.Companies = append(client.Companies, company.ID)
	emu := New(Config{Clients: []Client{client}, Companies: []CompanySeed{company}})
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	return emu, srv.URL
}

// Relay is how deliveries reach a service behind IT's relay: a delivery
// to any https address arrives over plain http at addr (a service on this
// computer), with host as its Host, as a relay forwards it
// (Config.Deliveries).
func Relay(addr, host string) *http.Client {
	return &http.Client{Timeout: deliverTime, Transport: relay{addr: addr, host: host}}
}

type relay struct{ addr, host string }

func (r relay) RoundTrip(req *http.Request) (*http.Response, error) {
	out := req.Clone(req.Context())
	out.URL.Scheme, out.URL.Host, out.Host = "http", r.addr, r.host
	return http.DefaultTransport.RoundTrip(out)
}

// Answered tells whether the emulator answered with success a call whose
// path contains part.
func (e *Emulator) Answered(part string) bool {
	for _, c := range e.Calls() {
		if strings.Contains(c.Path, part) && c.Status/100 == 2 {
			return true
		}
	}
	return false
}
