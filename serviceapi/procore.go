package serviceapi

import "time"

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
	// ProcoreProblem codes; "" when it passed.
	Problem string `json:"problem,omitempty"`
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
