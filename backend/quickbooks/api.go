// Package quickbooks is the client of the QuickBooks microservice, version 1
// of its contract (docs/service-api.md): the health check, the item list
// and the refresh of the service's lists from QuickBooks. Every response is
// bounded in size and time, and every failure is an *Error whose Message a
// bookkeeper can act on.
package quickbooks

// Health is the answer of GET /v1/health.
type Health struct {
	Service        string `json:"service"`
	ServiceVersion string `json:"serviceVersion"`
	CompanyFile    string `json:"companyFile"`
	QBEdition      string `json:"qbEdition"`
	QBRunning      bool   `json:"qbRunning"`
}

// ServiceName is what a QuickBooks service says it is in Health.Service.
const ServiceName = "quickbooks"

// Item is a QuickBooks item as the service lists it.
type Item struct {
	ListID       string `json:"listId"`
	FullName     string `json:"fullName"`
	Type         string `json:"type"`
	IsActive     bool   `json:"isActive"`
	EditSequence string `json:"editSequence,omitempty"`
	Description  string `json:"description,omitempty"`
}

// ItemPage is one page of GET /v1/items.
type ItemPage struct {
	Items      []Item `json:"items"`
	NextCursor string `json:"nextCursor,omitempty"`
}

// RefreshStarted is the answer of POST /v1/items/refresh.
type RefreshStarted struct {
	RefreshID string `json:"refreshId"`
}

// Refresh states of GET /v1/items/refresh/{id}.
const (
	RefreshQueued  = "queued"
	RefreshRunning = "running"
	RefreshDone    = "done"
	RefreshFailed  = "failed"
)

// RefreshStatus is the answer of GET /v1/items/refresh/{id}.
type RefreshStatus struct {
	State   string `json:"state"`
	Message string `json:"message,omitempty"`
}

// ErrorBody is the body of every 4xx and 5xx answer.
type ErrorBody struct {
	Error struct {
		Code              string `json:"code"`
		Message           string `json:"message"`
		UserFacingMessage string `json:"userFacingMessage,omitempty"`
	} `json:"error"`
}

// Item types the Invoice Retainage Item is chosen from.
var RetainageItemTypes = []string{"Service", "OtherCharge"}

// Limits that keep a broken or hostile service from hanging or exhausting the app.
const (
	MaxBodyBytes = 32 << 20 // any one response
	PageSize     = 500
	MaxPages     = 1000 // 500,000 items: far beyond any company file
)
