package serviceapi

import (
	"net"
	"net/url"
	"time"
)

// The Procore connection (contract 1.5, capability CapabilityProcore):
// the Procore company the service is the ERP integrator of, and the
// Developer Managed Service Account it signs in as. The Client Secret is
// sent to the service once, in PutProcore, and kept only in the keychain
// of the user the service runs as; no answer carries it.

// Procore environments (PutProcore.Environment).
const (
	ProcoreProduction = "production"
	ProcoreSandbox    = "sandbox"
	// ProcoreCustom: another base URL (another of Procore's regions, or
	// an emulator), https, or http to the service's own computer.
	ProcoreCustom = "custom"
)

// PutProcore is the body of PUT /v1/procore. ClientSecret "" keeps the
// secret kept for the same company, Client ID and environment.
type PutProcore struct {
	CompanyID    int64  `json:"companyId"`
	ClientID     string `json:"clientId"`
	ClientSecret string `json:"clientSecret,omitempty"`
	Environment  string `json:"environment"`
	BaseURL      string `json:"baseUrl,omitempty"`
}

// ProcoreStatus is the answer of GET and PUT /v1/procore and of POST
// /v1/procore/test. Connection is nil while none is set.
type ProcoreStatus struct {
	Connection *ProcoreConnection `json:"connection"`
}

// ProcoreConnection is the connection the service keeps.
type ProcoreConnection struct {
	CompanyID   int64     `json:"companyId"`
	ClientID    string    `json:"clientId"`
	Environment string    `json:"environment"`
	BaseURL     string    `json:"baseUrl,omitempty"`
	SetAt       time.Time `json:"setAt"`
	// CompanyName is the company as Procore named it at the last check
	// that passed.
	CompanyName string    `json:"companyName,omitempty"`
	CheckedAt   time.Time `json:"checkedAt,omitzero"`
	// Problem is what the last check found wrong, one of the
	// ProcoreProblem codes; "" when it passed. The service checks at
	// every round of its work with Procore (every 30 s), besides the tests.
	Problem string `json:"problem,omitempty"`
	// RegisteredAt is when the service registered in Procore's ERP
	// Integrations (its ERP connection and webhook); zero until it has.
	RegisteredAt time.Time `json:"registeredAt,omitzero"`
	// PolledAt is when it last read Procore's deliveries of events, and
	// LastEventAt when it last saw a new one; zero until then.
	PolledAt    time.Time `json:"polledAt,omitzero"`
	LastEventAt time.Time `json:"lastEventAt,omitzero"`
	// Receives (1.6): Procore delivers its events to the service, through
	// the public address IT relays to it; false, the service only reads
	// them, and Procore holds back the ones sent together behind the
	// first (docs/procore.md).
	Receives bool `json:"receives,omitempty"`
}

// Codes of what a check of the Procore connection found wrong: in
// ProcoreConnection.Problem, and in the error body's procoreProblem when
// PUT /v1/procore was refused for it (code CodeProcoreCheckFailed).
const (
	ProcoreSignInRefused = "signInRefused" // the Client ID and Secret were refused
	ProcoreUnauthorized  = "unauthorized"  // a token was refused at once: the account's access
	ProcoreNotAllowed    = "notAllowed"    // the account cannot reach the company, or lacks a permission
	ProcoreThrottled     = "throttled"     // Procore asked for a longer wait than the check had
	ProcoreUnavailable   = "unavailable"   // Procore answered 5xx
	ProcoreUnreachable   = "unreachable"   // no answer: the network, a proxy, a firewall
	ProcoreBadAnswer     = "badAnswer"     // an answer no Procore would give: a wrong base URL?
	ProcoreSecretMissing = "secretMissing" // the keychain no longer holds the Client Secret
)

// Error codes of the Procore connection's calls.
const (
	// CodeInvalidProcore: PUT /v1/procore with fields CheckProcore
	// refuses (error.fieldErrors names them); nothing was sent or kept.
	CodeInvalidProcore = "invalidProcore"
	// CodeProcoreCheckFailed: PUT /v1/procore signed in to Procore with
	// the connection asked for, and that failed (procoreProblem says
	// how); nothing was changed.
	CodeProcoreCheckFailed = "procoreCheckFailed"
	// CodeProcoreNotConnected: no connection is set.
	CodeProcoreNotConnected = "procoreNotConnected"
	// CodeKeychainUnavailable: the keychain of the service's user could
	// not be used (none, locked, or not answering); nothing was changed.
	CodeKeychainUnavailable = "keychainUnavailable"
)

// Field codes of a PutProcore refused (error.fieldErrors[].code).
const (
	ProcoreFieldRequired = "required"
	ProcoreFieldInvalid  = "invalid"
)

// Longest Client ID or Secret taken: Procore's are 64 hex digits.
const maxProcoreCredential = 256

// CheckProcore names each field of p no Procore could take, with a
// ProcoreField code; none when p may be tried. It is the one rule, which
// the app applies as the bookkeeper types and the service before it
// sends anything. A Client ID or Secret is printable ASCII without
// spaces: a pasted newline or tab is refused, not trimmed, since a
// secret trimmed in silence is another secret. ClientSecret "" is taken
// (the one kept).
func CheckProcore(p PutProcore) map[string]string {
	bad := map[string]string{}
	if p.CompanyID <= 0 {
		bad["companyId"] = requiredOr(p.CompanyID == 0)
	}
	if !ProcoreCredential(p.ClientID) {
		bad["clientId"] = requiredOr(p.ClientID == "")
	}
	if p.ClientSecret != "" && !ProcoreCredential(p.ClientSecret) {
		bad["clientSecret"] = ProcoreFieldInvalid
	}
	switch p.Environment {
	case ProcoreProduction, ProcoreSandbox:
		if p.BaseURL != "" {
			bad["baseUrl"] = ProcoreFieldInvalid
		}
	case ProcoreCustom:
		if !ProcoreBaseURL(p.BaseURL) {
			bad["baseUrl"] = requiredOr(p.BaseURL == "")
		}
	default:
		bad["environment"] = requiredOr(p.Environment == "")
	}
	return bad
}

// ProcoreBaseURL tells whether base may be a custom environment's
// address: https, or http to this computer only, so the Client Secret
// never crosses a network in clear; no user, query or fragment.
func ProcoreBaseURL(base string) bool {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" || len(base) > 2048 {
		return false
	}
	switch u.Scheme {
	case "https":
		return true
	case "http":
		ip := net.ParseIP(u.Hostname())
		return (ip != nil && ip.IsLoopback()) || u.Hostname() == "localhost"
	}
	return false
}

// ProcoreCredential tells whether s may be a Client ID or Secret:
// printable ASCII without spaces, 1 to 256 characters.
func ProcoreCredential(s string) bool {
	if s == "" || len(s) > maxProcoreCredential {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

func requiredOr(empty bool) string {
	if empty {
		return ProcoreFieldRequired
	}
	return ProcoreFieldInvalid
}
