package simulator

import (
	"crypto/tls"
	"net/http/httptest"
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
