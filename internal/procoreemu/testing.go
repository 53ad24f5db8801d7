package procoreemu

import (
	"net/http/httptest"
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
