package erp

import (
	"encoding/json"
	"testing"
)

// FuzzDecodeEvent feeds the receiver's decoder anything a caller could
// post: it never panics, and an event it takes is one Procore could have
// sent, the same once written and read again.
func FuzzDecodeEvent(f *testing.F) {
	f.Add([]byte(`{"id":123456789,"ulid":"01JKAB","timestamp":"2025-02-06T23:34:12.246562Z","metadata":{},"user_id":1,"company_id":1357908642,"project_id":null,"api_version":"v2.0","event_type":"create","resource_name":"ERP Requests","resource_id":42}`))
	f.Add([]byte(`{"id":-1,"company_id":1,"resource_id":1}`))
	f.Add([]byte(`{"id":1,"company_id":1,"resource_id":1}{"id":2}`))
	f.Add([]byte(`{"id":1e300,"company_id":1,"resource_id":1}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, err := DecodeEvent(data)
		if err != nil {
			return
		}
		if ev.ID <= 0 || ev.CompanyID <= 0 || ev.ResourceID <= 0 {
			t.Fatalf("took %+v", ev)
		}
		again, _ := json.Marshal(ev)
		ev2, err := DecodeEvent(again)
		if err != nil || ev2.ID != ev.ID || ev2.ResourceID != ev.ResourceID || ev2.IsERPRequest() != ev.IsERPRequest() {
			t.Fatalf("%+v read again as %+v, %v", ev, ev2, err)
		}
	})
}

// FuzzDeliveries feeds the poller's reading of a deliveries page anything
// Procore, or something in its place, could answer: a row is used only
// with an event Procore could have sent.
func FuzzDeliveries(f *testing.F) {
	f.Add([]byte(`[{"id":1,"outcome":"retried","response_status":null,"event":{"id":5,"company_id":9,"resource_name":"ERP Requests","event_type":"create","resource_id":7}}]`))
	f.Add([]byte(`[{"id":1,"event":null},{"event":{"id":0}}]`))
	f.Add([]byte(`[{"event":{"id":9223372036854775807,"company_id":1,"resource_id":1}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var page []Delivery
		if json.Unmarshal(data, &page) != nil {
			return
		}
		for _, d := range page {
			ev, ok := d.deliveredEvent()
			if ok && (ev.ID <= 0 || ev.CompanyID <= 0 || ev.ResourceID <= 0) {
				t.Fatalf("used %+v", ev)
			}
		}
	})
}
