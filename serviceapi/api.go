// Package serviceapi is the contract between the app and the QuickBooks
// service, version 1.5 (docs/service-api.md, docs/openapi.yaml): the
// shapes of its requests and answers, their codes and QuickBooks' own
// limits that both sides check. The service answers in these shapes and
// the app's client (backend/quickbooks) reads them, so neither side
// reaches into the other's packages. It holds values and codes, never
// words: each side words them at its edge.
package serviceapi

import (
	"slices"
	"time"

	"qbsettings/backend/settings"
)

// Health is the answer of GET /v1/health.
type Health struct {
	Service        string `json:"service"`
	ServiceVersion string `json:"serviceVersion"`
	CompanyFile    string `json:"companyFile"`
	QBEdition      string `json:"qbEdition"`
	QBRunning      bool   `json:"qbRunning"`

	// Since 1.1; empty from a 1.0 service.

	// CompanyFileID is the open company file's stable identifier (the one
	// the integration stores in it, as Web Connector's FileID).
	CompanyFileID string `json:"companyFileId,omitempty"`
	CompanyName   string `json:"companyName,omitempty"`
	QBCountry     string `json:"qbCountry,omitempty"`  // US, CA, UK, AU…
	QBFileMode    string `json:"qbFileMode,omitempty"` // FileModeSingleUser or FileModeMultiUser
	// Capabilities lists what the service can do beyond version 1.0.
	Capabilities []string `json:"capabilities,omitempty"`
	// WebConnector (1.3) is what a service that QuickBooks reaches
	// through the QuickBooks Web Connector knows of its calls; nil from
	// any other service.
	WebConnector *WebConnector `json:"webConnector,omitempty"`
	// QBPreferences (1.7) are the company file's preferences the sync's
	// transactions need, as QuickBooks last said them; nil when it has not.
	QBPreferences *QBPreferences `json:"qbPreferences,omitempty"`
}

// QBPreferences are company file preferences the sync needs on (each nil
// when QuickBooks did not say it).
type QBPreferences struct {
	// PurchaseOrders: Inventory and purchase orders are active (the
	// purchase orders and bills of commitments and invoices).
	PurchaseOrders *bool `json:"purchaseOrders,omitempty"`
	// Estimates: estimates are used (the estimates of budgets).
	Estimates *bool `json:"estimates,omitempty"`
}

// WebConnector is what the service knows of the QuickBooks Web
// Connector's calls (contract 1.3), in health's answer and in its errors.
type WebConnector struct {
	// LastCallAt is its last call; zero when it never called.
	LastCallAt time.Time `json:"lastCallAt,omitzero"`
	// SignInRefusedAt is when it was last turned away at sign-in, when
	// that was after LastCallAt: the password typed in it is not the
	// service's.
	SignInRefusedAt time.Time `json:"signInRefusedAt,omitzero"`
	// LastError is how the service ended its last session, as it told the
	// Web Connector (getLastError): one of the WebConnectorError codes,
	// or "" when the session was not ended by the service.
	LastError string `json:"lastError,omitempty"`
	// CallsEverySeconds (1.4) is how often it calls, as the service saw
	// its last sessions begin (0: not known yet). The service calls it
	// quiet only well past it.
	CallsEverySeconds int `json:"callsEverySeconds,omitempty"`
}

// Codes of WebConnector.LastError: QuickBooks answered in a way the
// service could not use, so it stopped the session, nothing changed.
const (
	WebConnectorUnreadable = "unreadableResponse" // an answer it could not read
	WebConnectorUnexpected = "unexpectedResponse" // an answer to a request it did not send
	// WebConnectorInvalid (1.4): an answer QuickBooks could not have sent
	// (a value beyond its own limits); nothing of it was kept.
	WebConnectorInvalid = "invalidResponse"
)

// Codes of health's 503 answers for the Web Connector (contract 1.3; the
// error body also carries WebConnector).
const (
	CodeWebConnectorNeverCalled   = "webConnectorNeverCalled"
	CodeWebConnectorQuiet         = "webConnectorQuiet"
	CodeWebConnectorSignInRefused = "webConnectorSignInRefused"
)

// CodeSignInSlowedDown is the code of a 429 answer (contract 1.4): the
// service slowed sign-ins down after wrong passwords in a row, and checked
// nothing; Retry-After says in how many seconds to try again.
const CodeSignInSlowedDown = "signInSlowedDown"

// CodeItemsChanged is the code of a 409 answer to GET /v1/items (contract
// 1.4): the list changed since the cursor's first page; read it anew.
const CodeItemsChanged = "itemsChanged"

// DeviceHeader (contract 1.4) carries the app's device token: a random
// value of the app's installation, the same for every call. A device that
// signed in with the right password is slowed down on its own after wrong
// passwords, so guesses from elsewhere never hold the owner's app up.
const DeviceHeader = "QBService-Device"

// Values of Health's fields.
const (
	FileModeSingleUser = "SingleUser"
	FileModeMultiUser  = "MultiUser"
	// CapabilityItemsCreate: POST /v1/items creates a Service item.
	CapabilityItemsCreate = "items.create"
	// CapabilityItemsCreateQueued (1.2): POST /v1/items queues the
	// creation, to be followed at GET /v1/items/create/{id}; the item made
	// joins the service's list without a refresh. (A service whose
	// QuickBooks is reached on a schedule, as through the Web Connector.)
	CapabilityItemsCreateQueued = "items.create.queued"
	// CapabilitySettings: the service keeps the sync's settings.
	CapabilitySettings = "settings"
	// CapabilitySync (1.2): the service runs the sync between QuickBooks
	// and Procore with the settings it keeps. A service without it keeps
	// them for a sync to come; nothing says they are in effect.
	CapabilitySync = "sync"
	// CapabilityProcore (1.5): the service keeps a Procore connection
	// (GET, PUT and DELETE /v1/procore, POST /v1/procore/test) and says
	// what came of Procore's requests (GET /v1/activity).
	CapabilityProcore = "procore"
	// CapabilityRulePrefix (1.7) and a setting's key ("rule.vendorUpdates")
	// say that the sync applies that setting to the records it writes
	// today; said only with sync. A setting without one is kept for work
	// the service does not do yet.
	CapabilityRulePrefix = "rule."
)

// Applies tells whether the service says the sync applies the setting
// named key (capability rule.<key>, contract 1.7).
func (h Health) Applies(key string) bool {
	return h.Can(CapabilitySync) && h.Can(CapabilityRulePrefix+key)
}

// CreatesItems tells whether capabilities include creating items, at once
// or queued.
func CreatesItems(capabilities []string) bool {
	return slices.Contains(capabilities, CapabilityItemsCreate) || slices.Contains(capabilities, CapabilityItemsCreateQueued)
}

// Can tells whether the service says it has the capability.
func (h Health) Can(capability string) bool {
	for _, c := range h.Capabilities {
		if c == capability {
			return true
		}
	}
	return false
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

// CreateQueued is the answer of POST /v1/items when the creation is
// queued (1.2, capability items.create.queued).
type CreateQueued struct {
	CreateID string `json:"createId"`
}

// CreateStatus is the answer of GET /v1/items/create/{id} while the item
// is not made yet (State queued or running), or once it is (done, with
// Item). A create QuickBooks refused answers with the error POST would
// have given (409 for a name in use).
type CreateStatus struct {
	State string `json:"state"`
	Item  *Item  `json:"item,omitempty"`
	// QuickBooks (1.2), while queued: QuickBooks failed at a Web
	// Connector call since the create was queued, with this code; the
	// create stays queued for the next call.
	QuickBooks *Code `json:"quickbooks,omitempty"`
}

// RefreshStatus is the answer of GET /v1/items/refresh/{id}.
type RefreshStatus struct {
	State   string `json:"state"`
	Message string `json:"message,omitempty"`
	// QuickBooks (1.2), while queued: as CreateStatus's.
	QuickBooks *Code `json:"quickbooks,omitempty"`
}

// ErrorBody is the body of every 4xx and 5xx answer.
type ErrorBody struct {
	Error struct {
		Code              string `json:"code"`
		Message           string `json:"message"`
		UserFacingMessage string `json:"userFacingMessage,omitempty"`
		// QuickBooks, since 1.1, is what QuickBooks itself answered when
		// the failure is QuickBooks'.
		QuickBooks *Code `json:"quickbooks,omitempty"`
		// FieldErrors, for PUT /v1/settings, are the values the service
		// refused, field by field, in the settings' keys.
		FieldErrors []settings.FieldError `json:"fieldErrors,omitempty"`
		// WebConnector (1.3), in health's errors: the Web Connector's calls.
		WebConnector *WebConnector `json:"webConnector,omitempty"`
		// ProcoreProblem (1.5), with CodeProcoreCheckFailed: one of the
		// ProcoreProblem codes.
		ProcoreProblem string `json:"procoreProblem,omitempty"`
	} `json:"error"`
}

// Code is QuickBooks' own answer: an HRESULT when it could not
// serve the integration at all (not started, a dialog open, the company
// file not authorized…), or a request's statusCode and statusMessage
// (0–499 information, 500–999 warning, 1000 and up error).
type Code struct {
	HResult       string `json:"hresult,omitempty"` // "0x80040414"
	StatusCode    int    `json:"statusCode,omitempty"`
	StatusMessage string `json:"statusMessage,omitempty"`
}

// NewItem is the body of POST /v1/items: an item to create in QuickBooks.
type NewItem struct {
	Type        string `json:"type"` // "Service"
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// MaxItemNameRunes is QuickBooks' limit on one item name (a level of a
// full name).
const MaxItemNameRunes = 31

// Item types the Invoice Retainage Item is chosen from.
var RetainageItemTypes = []string{"Service", "OtherCharge"}
