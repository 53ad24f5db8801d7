// Package procore is the service's client of Procore's REST API, signed in
// as a Developer Managed Service Account (OAuth 2.0 client credentials).
// It carries what every call needs and nothing of the sync's meaning: the
// token, fetched again before it expires and once more on a 401; the
// Procore-Company-Id header on every call; pages followed by their Link
// header; the rate limits, paced by the X-Rate-Limit-* headers and by
// Retry-After on 429 and 503 so that one refusal never becomes a storm;
// sync calls cut into chunks of at most 1,000 records with each record's
// errors read. Sources: procore/documentation (oauth/,
// plan_your_app/pagination.md, plan_your_app/rate_limiting.md,
// tutorials/tutorial_mpz.md, tutorials/using_sync_actions.md).
package procore

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"qbsettings/serviceapi"
)

// Environment is which Procore a company is in.
type Environment string

// The environments Procore documents
// (platform_concepts/development_environments.md), and Custom: any other
// base URL (another region's, or an emulator's).
const (
	Production Environment = "production"
	Sandbox    Environment = "sandbox"
	Custom     Environment = "custom"
)

// Endpoints are where a company's Procore signs in and answers.
type Endpoints struct {
	Login string // the OAuth server: Login + "/oauth/token"
	API   string // Procore's REST API: API + "/rest/v1.0/…"
}

// EndpointsOf gives env's endpoints; base is the URL of a Custom one
// (its sign-in and API at the same address) and must be empty otherwise.
func EndpointsOf(env Environment, base string) (Endpoints, error) {
	switch env {
	case Production:
		return Endpoints{Login: "https://login.procore.com", API: "https://api.procore.com"}, nil
	case Sandbox:
		return Endpoints{Login: "https://login-sandbox.procore.com", API: "https://sandbox.procore.com"}, nil
	case Custom:
		if err := CheckBaseURL(base); err != nil {
			return Endpoints{}, err
		}
		base = strings.TrimRight(base, "/")
		return Endpoints{Login: base, API: base}, nil
	}
	return Endpoints{}, ErrUnknownEnvironment
}

// Errors of a Config that cannot be used; each is checked with errors.Is.
var (
	ErrUnknownEnvironment = errors.New("procore: unknown environment")
	// ErrBaseURL: a Custom base URL that is not https, nor http to this
	// computer; the Client Secret never crosses a network in clear.
	ErrBaseURL   = errors.New("procore: base URL must be https, or http to this computer")
	ErrCompanyID = errors.New("procore: company ID must be a positive number")
	ErrClientID  = errors.New("procore: client ID must be printable text of at most 256 characters")
	ErrSecret    = errors.New("procore: client secret must be printable text of at most 256 characters")
)

// CheckBaseURL refuses a base URL the secret must not be sent to
// (serviceapi.ProcoreBaseURL: https, or http to this computer).
func CheckBaseURL(base string) error {
	if !serviceapi.ProcoreBaseURL(base) {
		return ErrBaseURL
	}
	return nil
}

// Credentials are a Developer Managed Service Account's, for one company.
type Credentials struct {
	CompanyID    int64
	ClientID     string
	ClientSecret string
}

// Check refuses credentials no Procore could accept, before they are
// sent (serviceapi.ProcoreCredential's rule).
func (c Credentials) Check() error {
	switch {
	case c.CompanyID <= 0:
		return ErrCompanyID
	case !serviceapi.ProcoreCredential(c.ClientID):
		return ErrClientID
	case !serviceapi.ProcoreCredential(c.ClientSecret):
		return ErrSecret
	}
	return nil
}

// Config is what a Client needs.
type Config struct {
	Endpoints   Endpoints
	Credentials Credentials
	// HTTP makes the calls; nil means one with timeouts that goes through
	// the system's proxy (an office PC often reaches the Internet only so).
	HTTP *http.Client
	// Log receives a line for each wait Procore asked for; nil discards.
	Log func(msg string, args ...any)
}

// Client calls one company's Procore. It is safe for concurrent use: the
// calls share one token and one pace.
type Client struct {
	ends  Endpoints
	creds Credentials
	http  *http.Client
	log   func(msg string, args ...any)
	pace  pace

	tokenMu sync.Mutex // held while a token is fetched, so one is
	mu      sync.Mutex // guards tok
	tok     token
}

// New returns a client for cfg, or why cfg cannot be used.
func New(cfg Config) (*Client, error) {
	if err := cfg.Credentials.Check(); err != nil {
		return nil, err
	}
	for _, u := range []string{cfg.Endpoints.Login, cfg.Endpoints.API} {
		if err := CheckBaseURL(u); err != nil {
			return nil, fmt.Errorf("%w: %q", err, u)
		}
	}
	c := &Client{ends: cfg.Endpoints, creds: cfg.Credentials, http: cfg.HTTP, log: cfg.Log}
	c.ends.Login = strings.TrimRight(c.ends.Login, "/")
	c.ends.API = strings.TrimRight(c.ends.API, "/")
	if c.http == nil {
		c.http = defaultHTTP()
	} else {
		hc := *c.http
		c.http = &hc
	}
	// A redirect would carry the token, or the secret, wherever it points.
	c.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	if c.log == nil {
		c.log = func(string, ...any) {}
	}
	return c, nil
}

// CompanyID is the company every call is made for.
func (c *Client) CompanyID() int64 { return c.creds.CompanyID }

func defaultHTTP() *http.Client {
	return &http.Client{
		Timeout: 60 * time.Second,
		Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 15 * time.Second}).DialContext,
			TLSHandshakeTimeout:   15 * time.Second,
			ResponseHeaderTimeout: 45 * time.Second,
			MaxIdleConnsPerHost:   4,
			IdleConnTimeout:       90 * time.Second,
		},
	}
}
