package serviceapi

import "time"

// Activity is the answer of GET /v1/activity (contract 1.5, capability
// procore): the ERP Requests the service has seen from Procore, newest
// first, each with where its work stands. The service keeps codes; the
// app words them.
type Activity struct {
	Requests []ActivityRequest `json:"requests"`
}

// ActivityRequest is one ERP Request, as the service keeps it.
type ActivityRequest struct {
	ID int64 `json:"id"` // Procore's ERP Request ID
	// Name is its request_name (sync_vendors, create_vendor…), "" until
	// its payload was fetched.
	Name      string    `json:"name,omitempty"`
	State     string    `json:"state"`             // one of the ActivityState values
	Outcome   string    `json:"outcome,omitempty"` // ActivitySuccess or ActivityFailed, once decided
	Problem   string    `json:"problem,omitempty"` // one of the ActivityProblem codes, when failed
	SeenAt    time.Time `json:"seenAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// States of an ERP Request's work.
const (
	ActivityNew     = "new"     // seen; its payload not yet fetched from Procore
	ActivityFetched = "fetched" // its work under way
	ActivityClosing = "closing" // its outcome decided; being told to Procore
	ActivityClosed  = "closed"  // told to Procore (its Request Detail closed)
)

// Outcomes of an ERP Request, as Procore's Request Detail has them.
const (
	ActivitySuccess = "success"
	ActivityFailed  = "failed"
)

// Codes of why an ERP Request failed.
const (
	// ActivityUnsupported: the service does no work of that name yet.
	ActivityUnsupported = "unsupported"
	// ActivityNotReturned: Procore did not return the request an event named.
	ActivityNotReturned = "notReturned"
)

// MaxActivity is the most requests GET /v1/activity answers (?limit=).
const MaxActivity = 500
