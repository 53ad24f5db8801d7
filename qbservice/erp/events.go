package erp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Event is a webhook event as Procore delivers it (payload v2.0,
// plan_your_app/webhooks.md): it names the resource that changed, never
// its content, which is fetched by its id.
type Event struct {
	ID           int64  `json:"id"`
	ULID         string `json:"ulid"`
	Timestamp    string `json:"timestamp"`
	CompanyID    int64  `json:"company_id"`
	ProjectID    *int64 `json:"project_id"`
	UserID       int64  `json:"user_id"`
	APIVersion   string `json:"api_version"`
	EventType    string `json:"event_type"`
	ResourceName string `json:"resource_name"`
	ResourceID   int64  `json:"resource_id"`
}

// The resource and event type of ERP work (erp_technical_guide.md: the
// trigger the integrator creates).
const (
	ERPResource  = "ERP Requests"
	ERPEventType = "create"
)

// MaxEventBytes bounds an event's body: Procore's are a few hundred bytes.
const MaxEventBytes = 64 << 10

// ErrEvent: not an event Procore could have sent.
var ErrEvent = errors.New("erp: not a Procore event")

// DecodeEvent reads one event's JSON, refusing what Procore could not
// have sent: more than MaxEventBytes, not one JSON object, an id,
// company or resource that is not a positive number.
func DecodeEvent(data []byte) (Event, error) {
	if len(data) > MaxEventBytes {
		return Event{}, fmt.Errorf("%w: %d bytes", ErrEvent, len(data))
	}
	var ev Event
	d := json.NewDecoder(bytes.NewReader(data))
	if err := d.Decode(&ev); err != nil {
		return Event{}, fmt.Errorf("%w: %w", ErrEvent, err)
	}
	if d.More() {
		return Event{}, fmt.Errorf("%w: more than one JSON value", ErrEvent)
	}
	if err := ev.check(); err != nil {
		return Event{}, err
	}
	return ev, nil
}

func (ev Event) check() error {
	if ev.ID <= 0 || ev.CompanyID <= 0 || ev.ResourceID <= 0 || len(ev.ResourceName) > 200 || len(ev.EventType) > 50 || len(ev.ULID) > 64 {
		return fmt.Errorf("%w: id %d, company %d, resource %d", ErrEvent, ev.ID, ev.CompanyID, ev.ResourceID)
	}
	return nil
}

// IsERPRequest tells whether the event is the creation of an ERP Request:
// the only event the integrator's trigger asks for.
func (ev Event) IsERPRequest() bool {
	return ev.ResourceName == ERPResource && ev.EventType == ERPEventType
}

// Delivery is one row of a hook's deliveries (webhooks_api.md, "Useful
// delivery fields"): an attempt to deliver an event, and how it went.
type Delivery struct {
	ID             int64  `json:"id"`
	Outcome        string `json:"outcome"` // ok, discarded, retried, failed
	ResponseStatus *int   `json:"response_status"`
	Event          *Event `json:"event"`
}

// deliveredEvent is a delivery's event when it is one Procore could have
// sent; ok is false for a row without one, which is skipped.
func (d Delivery) deliveredEvent() (Event, bool) {
	if d.Event == nil || d.Event.check() != nil {
		return Event{}, false
	}
	return *d.Event, true
}
