package cli

import (
	"context"
	"fmt"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
)

// CertificateJSON is a service's certificate as certificate show --json
// and connection test --json print it.
type CertificateJSON struct {
	URL             string    `json:"url"`
	Origin          string    `json:"origin"`
	Subject         string    `json:"subject"`
	Issuer          string    `json:"issuer"`
	Fingerprint     string    `json:"fingerprint"`
	NotBefore       time.Time `json:"notBefore"`
	NotAfter        time.Time `json:"notAfter"`
	SelfSigned      bool      `json:"selfSigned"`
	TrustedBySystem bool      `json:"trustedBySystem"`
}

func certificateJSON(p quickbooks.Presented, url string) *CertificateJSON {
	cert := p.Certificate
	return &CertificateJSON{URL: url, Origin: quickbooks.Origin(url), Subject: cert.Subject, Issuer: cert.Issuer,
		Fingerprint: cert.Fingerprint, NotBefore: cert.NotBefore, NotAfter: cert.NotAfter,
		SelfSigned: cert.SelfSigned, TrustedBySystem: p.TrustedBySystem}
}

func certificateShow(ctx context.Context, c *call) int {
	if len(c.args) != 1 {
		return c.misused(locale.T("certificate show needs the service's URL, for example https://qbserver:8443"))
	}
	url := c.args[0]
	p, errs, err := c.b.Service.PresentedCertificate(ctx, url)
	if err != nil {
		return c.failAt(err, url)
	}
	if len(errs) > 0 {
		c.printFieldErrors(errs)
		return Failed
	}
	if c.json {
		return printJSON(c, certificateJSON(p, url))
	}
	cert := p.Certificate
	locale.Fprintf(c.Stdout, "Subject: %s\nIssuer: %s\nValid: %s to %s\nSHA-256 fingerprint: %s\n",
		cert.Subject, cert.Issuer, cert.NotBefore.Format(time.DateOnly), cert.NotAfter.Format(time.DateOnly), cert.Fingerprint)
	if p.TrustedBySystem {
		locale.Fprintf(c.Stdout, "This computer trusts it already.\n")
	} else {
		locale.Fprintf(c.Stdout, "This computer does not trust it by itself. If the fingerprint is the one your IT support gives for the service, trust it with:\n  qbsettings certificate trust %s --fingerprint %s\n", url, cert.Fingerprint)
	}
	return OK
}

func certificateTrust(ctx context.Context, c *call) int {
	if len(c.args) != 1 {
		return c.misused(locale.T("certificate trust needs the service's URL"))
	}
	if c.fingerprint == "" {
		return c.misused(locale.T("certificate trust needs --fingerprint with the certificate's SHA-256 fingerprint (qbsettings certificate show URL shows it)"))
	}
	url := c.args[0]
	p, errs, err := c.b.Service.TrustPresentedCertificate(ctx, c.profile, url, c.fingerprint)
	if err != nil {
		return c.failAt(err, url)
	}
	if len(errs) > 0 {
		c.printFieldErrors(errs)
		return Failed
	}
	locale.Fprintf(c.Stdout, "Trusted the certificate %s for %s.\n", p.Certificate.Fingerprint, quickbooks.Origin(url))
	return OK
}

// TrustedJSON is a trusted certificate as certificate list --json prints it.
type TrustedJSON struct {
	Origin      string    `json:"origin"`
	Fingerprint string    `json:"fingerprint"`
	Subject     string    `json:"subject"`
	TrustedAt   time.Time `json:"trustedAt"`
}

func certificateList(ctx context.Context, c *call) int {
	if len(c.args) != 0 {
		return c.misused(locale.T("certificate list takes no arguments"))
	}
	list, err := c.b.Service.TrustedCertificates(ctx, c.profile)
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		out := []TrustedJSON{}
		for _, t := range list {
			out = append(out, TrustedJSON{t.Origin, t.Fingerprint, t.Subject, t.TrustedAt})
		}
		return printJSON(c, out)
	}
	for _, t := range list {
		fmt.Fprintf(c.Stdout, "%s\t%s\t%s\n", t.Origin, t.Fingerprint, t.Subject)
	}
	return OK
}

func certificateRemove(ctx context.Context, c *call) int {
	if len(c.args) != 1 {
		return c.misused(locale.T("certificate remove needs the ORIGIN, as certificate list shows it (https://host:port)"))
	}
	origin := quickbooks.Origin(c.args[0])
	list, err := c.b.Service.TrustedCertificates(ctx, c.profile)
	if err != nil {
		return c.fail(err)
	}
	for _, t := range list {
		if t.Origin == origin {
			if err := c.b.Service.RemoveTrustedCertificate(ctx, c.profile, origin); err != nil {
				return c.fail(err)
			}
			locale.Fprintf(c.Stdout, "No longer trusting the certificate of %s.\n", origin)
			return OK
		}
	}
	locale.Fprintf(c.Stderr, "qbsettings: no certificate is trusted for %q. Run qbsettings certificate list to see the trusted ones.\n", c.args[0])
	return Failed
}
