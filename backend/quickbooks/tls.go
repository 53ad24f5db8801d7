package quickbooks

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"strings"
)

// Fingerprint is the SHA-256 of a certificate's DER bytes, written as
// upper-case hex pairs joined by ':', the way Windows and browsers show it.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

// NormalizeFingerprint accepts a fingerprint with or without separators, in
// either case, and returns it in Fingerprint's form, or "" if it is not one.
func NormalizeFingerprint(s string) string {
	hex := strings.ToUpper(strings.NewReplacer(":", "", " ", "", "-", "").Replace(s))
	if len(hex) != sha256.Size*2 || strings.Trim(hex, "0123456789ABCDEF") != "" {
		return ""
	}
	parts := make([]string, sha256.Size)
	for i := range parts {
		parts[i] = hex[2*i : 2*i+2]
	}
	return strings.Join(parts, ":")
}

// certificateError is a certificate that neither the system nor the user trusts.
type certificateError struct {
	cert *Certificate
}

func (e *certificateError) Error() string {
	return "certificate not trusted: " + e.cert.Reason + " (SHA-256 " + e.cert.Fingerprint + ")"
}

// verifyPeer verifies the certificate the peer presented against the
// system's trust store and host, as Go does by default. It returns the
// leaf (nil if there is none) and why it is not trusted, if it is not.
func verifyPeer(cs tls.ConnectionState, host string) (*x509.Certificate, error) {
	if len(cs.PeerCertificates) == 0 {
		return nil, errors.New("the service presented no certificate")
	}
	leaf := cs.PeerCertificates[0]
	opts := x509.VerifyOptions{DNSName: host, Intermediates: x509.NewCertPool()}
	for _, c := range cs.PeerCertificates[1:] {
		opts.Intermediates.AddCert(c)
	}
	_, err := leaf.Verify(opts)
	return leaf, err
}

// tlsConfig verifies the service's certificate against the system's trust
// store and host name, as Go does by default, and also accepts exactly the
// one certificate the user chose to trust for this URL, if any.
//
// Go offers no hook to add such an exception to its own verification, so
// InsecureSkipVerify only hands verification to VerifyConnection, which
// always runs and always verifies: nothing is accepted unchecked.
func tlsConfig(host, trusted string) *tls.Config {
	trusted = NormalizeFingerprint(trusted)
	return &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, //nolint:gosec // verification is VerifyConnection's, which always verifies (see above)
		VerifyConnection: func(cs tls.ConnectionState) error {
			leaf, err := verifyPeer(cs, host)
			if leaf == nil {
				return err
			}
			if err == nil {
				return nil
			}
			if trusted != "" && Fingerprint(leaf.Raw) == trusted {
				return nil
			}
			return &certificateError{cert: describeCertificate(leaf, err)}
		},
	}
}
