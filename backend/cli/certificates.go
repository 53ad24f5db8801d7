package cli

import (
	"context"
	"flag"
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

type certificateShow struct{ jsonOption }

func (in *certificateShow) run(ctx context.Context, c *call) error {
	if len(c.args) != 1 {
		return misused(locale.T("certificate show needs the service's URL, for example https://qbserver:8443"))
	}
	url := c.args[0]
	p, errs, err := c.b.Service.PresentedCertificate(ctx, url)
	if err != nil {
		return atService(err, url)
	}
	if len(errs) > 0 {
		return c.refused(errs, "")
	}
	if in.json {
		return c.printJSON(certificateJSON(p, url))
	}
	cert := p.Certificate
	locale.Fprintf(c.Stdout, "Subject: %s\nIssuer: %s\nValid: %s to %s\nSHA-256 fingerprint: %s\n",
		cert.Subject, cert.Issuer, cert.NotBefore.Format(time.DateOnly), cert.NotAfter.Format(time.DateOnly), cert.Fingerprint)
	if p.TrustedBySystem {
		locale.Fprintf(c.Stdout, "This computer trusts it already.\n")
	} else {
		locale.Fprintf(c.Stdout, "This computer does not trust it by itself. If the fingerprint is the one your IT support gives for the service, trust it with:\n  qbsettings certificate trust %s --fingerprint %s\n", url, cert.Fingerprint)
	}
	return nil
}

type certificateTrust struct {
	profileOption
	fingerprint string
}

func (in *certificateTrust) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	fs.StringVar(&in.fingerprint, "fingerprint", "", "the certificate's SHA-256 fingerprint")
}

func (in *certificateTrust) run(ctx context.Context, c *call) error {
	if len(c.args) != 1 {
		return misused(locale.T("certificate trust needs the service's URL"))
	}
	if in.fingerprint == "" {
		return misused(locale.T("certificate trust needs --fingerprint with the certificate's SHA-256 fingerprint (qbsettings certificate show URL shows it)"))
	}
	url := c.args[0]
	p, errs, err := c.b.Service.TrustPresentedCertificate(ctx, in.profile, url, in.fingerprint)
	if err != nil {
		return atService(err, url)
	}
	if len(errs) > 0 {
		return c.refused(errs, "")
	}
	locale.Fprintf(c.Stdout, "Trusted the certificate %s for %s.\n", p.Certificate.Fingerprint, quickbooks.Origin(url))
	return nil
}

// TrustedJSON is a trusted certificate as certificate list --json prints it.
type TrustedJSON struct {
	Origin      string    `json:"origin"`
	Fingerprint string    `json:"fingerprint"`
	Subject     string    `json:"subject"`
	TrustedAt   time.Time `json:"trustedAt"`
}

type certificateList struct {
	profileOption
	jsonOption
}

func (in *certificateList) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.jsonOption.declare(fs)
}

func (in *certificateList) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("certificate list takes no arguments"))
	}
	list, err := c.b.Service.TrustedCertificates(ctx, in.profile)
	if err != nil {
		return err
	}
	if in.json {
		out := []TrustedJSON{}
		for _, t := range list {
			out = append(out, TrustedJSON{t.Origin, t.Fingerprint, t.Subject, t.TrustedAt})
		}
		return c.printJSON(out)
	}
	for _, t := range list {
		fmt.Fprintf(c.Stdout, "%s\t%s\t%s\n", t.Origin, t.Fingerprint, t.Subject)
	}
	return nil
}

type certificateRemove struct{ profileOption }

func (in *certificateRemove) run(ctx context.Context, c *call) error {
	if len(c.args) != 1 {
		return misused(locale.T("certificate remove needs the ORIGIN, as certificate list shows it (https://host:port)"))
	}
	origin := quickbooks.Origin(c.args[0])
	list, err := c.b.Service.TrustedCertificates(ctx, in.profile)
	if err != nil {
		return err
	}
	for _, t := range list {
		if t.Origin == origin {
			if err := c.b.Service.RemoveTrustedCertificate(ctx, in.profile, origin); err != nil {
				return err
			}
			locale.Fprintf(c.Stdout, "No longer trusting the certificate of %s.\n", origin)
			return nil
		}
	}
	return failed(locale.T("no certificate is trusted for %q. Run qbsettings certificate list to see the trusted ones.", c.args[0]))
}
