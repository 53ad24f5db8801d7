package quickbooks

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"time"
)

// Presented is the certificate a service presents, and whether this
// computer trusts it by itself (through the system's trust store).
type Presented struct {
	Certificate     *Certificate
	TrustedBySystem bool
}

// PresentedCertificate connects to the service (https only) and describes
// the certificate it presents, trusted or not. It sends nothing else: no
// request, no password. It lets IT compare the fingerprint with the one
// they know before trusting it.
func (c *Client) PresentedCertificate(ctx context.Context) (Presented, error) {
	if c.base.Scheme != "https" {
		return Presented{}, newError(KindNotQuickBooks, "not https: "+c.base.Scheme,
			saidNoCertificate.With(c.base.Host))
	}
	var out Presented
	host := c.base.Hostname()
	cfg := &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, //nolint:gosec // nothing is sent: the certificate is only described, and verified below
		VerifyConnection: func(cs tls.ConnectionState) error {
			leaf, err := verifyPeer(cs, host)
			if leaf == nil {
				return err
			}
			out.TrustedBySystem = err == nil
			if err == nil {
				err = errors.New("trusted")
			}
			out.Certificate = describeCertificate(leaf, err)
			return nil
		},
	}
	port := c.base.Port()
	if port == "" {
		port = "443"
	}
	dialer := &tls.Dialer{NetDialer: &net.Dialer{Timeout: 10 * time.Second}, Config: cfg}
	conn, err := dialer.DialContext(ctx, "tcp", net.JoinHostPort(host, port))
	if err != nil {
		return Presented{}, c.transportError(err)
	}
	_ = conn.Close()
	return out, nil
}
