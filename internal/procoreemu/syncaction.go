package procoreemu

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
)

// syncAction applies a sync call's updates to t, as
// tutorials/using_sync_actions.md describes the action: at most 1,000
// records (more is 413, as the OpenAPI says of the sync endpoints),
// always 200 with entities and errors, each refused record given back as
// sent with an errors member.
func syncAction(body []byte, t *table, required ...string) (int, any) {
	var b map[string]json.RawMessage
	if json.Unmarshal(body, &b) != nil {
		return http.StatusBadRequest, map[string]string{"errors": "the body is not JSON"}
	}
	var records []Record
	d := json.NewDecoder(bytes.NewReader(b["updates"]))
	d.UseNumber()
	if err := d.Decode(&records); err != nil {
		return http.StatusBadRequest, map[string]string{"errors": "updates must be a list of records"}
	}
	if len(records) > 1000 {
		return http.StatusRequestEntityTooLarge, map[string]string{"errors": "at most 1000 records may be synced at once"}
	}
	entities, errs := []Record{}, []Record{}
	for _, r := range records {
		if r == nil {
			errs = append(errs, Record{"errors": map[string][]string{"base": {"is not a record"}}})
			continue
		}
		got, reasons := t.sync(r, required...)
		if reasons != nil {
			refused := maps.Clone(r)
			refused["errors"] = reasons
			errs = append(errs, refused)
			continue
		}
		entities = append(entities, got)
	}
	return http.StatusOK, map[string]any{"entities": entities, "errors": errs}
}

// readUpdates reads a sync call's body's list of records (updates, as
// tutorials/using_sync_actions.md shows it, numbers kept exact), or the
// answer for a body that has none or has more than 1,000 (413, as the
// OpenAPI says of the sync endpoints).
func readUpdates(body []byte) ([]Record, int, any, bool) {
	var b struct {
		Updates []Record `json:"updates"`
	}
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	if d.Decode(&b) != nil {
		return nil, http.StatusBadRequest, map[string]string{"errors": "updates must be a list of records"}, false
	}
	if len(b.Updates) > 1000 {
		return nil, http.StatusRequestEntityTooLarge, map[string]string{"errors": "at most 1000 records may be synced at once"}, false
	}
	return b.Updates, 0, nil, true
}
