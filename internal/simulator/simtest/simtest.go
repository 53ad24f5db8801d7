// Package simtest starts the project's QuickBooks service simulator for
// tests, on loopback, with the contract (docs/openapi.yaml) checked on
// every exchange: a request of the client's or an answer of the
// simulator's that the document does not allow fails the test, so the
// document, the client and the simulator stay in step. The faults that
// break the contract on purpose are exempt (simulator.BreaksContract).
package simtest

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"qbsettings/internal/contract"
	"qbsettings/internal/simulator"
)

// User and Password are the simulator's account in Options.
const (
	User     = "demo"
	Password = "demo-password"
)

// Options is the simulator tests talk to: the account above, a refresh
// done after one poll, and a slow fault slow enough that only a cancel or
// a timeout ends it.
func Options() simulator.Options {
	return simulator.Options{User: User, Password: Password, RefreshPolls: 1, SlowDelay: 5 * time.Second}
}

// Start serves a simulator over plain HTTP until the test ends.
func Start(t testing.TB, opts simulator.Options) (*simulator.Server, string) {
	t.Helper()
	sim := simulator.New(opts)
	srv := httptest.NewServer(Checked(t, sim))
	t.Cleanup(srv.Close)
	return sim, srv.URL
}

// StartTLS serves a simulator over HTTPS with a fresh self-signed
// certificate until the test ends.
func StartTLS(t testing.TB, opts simulator.Options) (*simulator.Server, string, tls.Certificate) {
	t.Helper()
	cert, err := simulator.SelfSignedCertificate()
	if err != nil {
		t.Fatal(err)
	}
	sim := simulator.New(opts)
	srv := httptest.NewUnstartedServer(Checked(t, sim))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return sim, srv.URL, cert
}

// Checked puts the contract check in front of sim; the test fails at its
// end for every exchange the contract does not allow.
func Checked(t testing.TB, sim *simulator.Server) http.Handler {
	t.Helper()
	spec, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	checker := spec.Checking(sim)
	checker.SkipAnswer = func(*http.Request) bool { return simulator.BreaksContract(sim.CurrentFault()) }
	t.Cleanup(func() {
		problems, checked := checker.Problems()
		for _, p := range problems {
			t.Errorf("contract (%s): %v", contract.Document, p)
		}
		// A test that started a service and never reached it checked
		// nothing against the contract, whatever it claims.
		if checked == 0 {
			t.Errorf("contract (%s): no exchange reached the simulator, so none was checked", contract.Document)
		}
	})
	return checker
}
