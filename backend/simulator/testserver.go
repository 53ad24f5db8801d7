package simulator

import (
	"crypto/tls"
	"net/http/httptest"
	"time"
)

// StartHTTPS serves a simulator with opts on loopback over HTTPS, with a
// fresh self-signed certificate, as tests of certificate trust need. The
// caller closes the server.
func StartHTTPS(opts Options) (*httptest.Server, tls.Certificate, error) {
	cert, err := SelfSignedCertificate()
	if err != nil {
		return nil, cert, err
	}
	srv := httptest.NewUnstartedServer(New(opts))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.StartTLS()
	return srv, cert, nil
}

// TestOptions is the simulator tests talk to: user demo, password
// demo-password, a refresh done after one poll, and a slow fault slow
// enough that only a cancel or a timeout ends it.
func TestOptions() Options {
	return Options{User: "demo", Password: "demo-password", RefreshPolls: 1, SlowDelay: 5 * time.Second}
}

// StartHTTP serves a simulator with opts on loopback over plain HTTP. The
// caller closes the server.
func StartHTTP(opts Options) (*Server, *httptest.Server) {
	sim := New(opts)
	return sim, httptest.NewServer(sim)
}
