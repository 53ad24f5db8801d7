package procoreemu

import (
	"encoding/json"
	"maps"
)

// table holds one kind of record of a company, with the identities the
// sync actions match by (tutorials/using_sync_actions.md): Procore's id,
// and the integrator's origin_id, unique within the company.
type table struct {
	next     int64
	rows     []Record
	byID     map[int64]int
	byOrigin map[string]int
}

func newTable() *table {
	return &table{next: 1000, byID: map[int64]int{}, byOrigin: map[string]int{}}
}

// insert adds r with a new id and returns it.
func (t *table) insert(r Record) Record {
	r = maps.Clone(r)
	t.next++
	r["id"] = t.next
	if _, ok := r["origin_id"]; !ok {
		r["origin_id"] = nil
	}
	t.byID[t.next] = len(t.rows)
	if o, ok := r["origin_id"].(string); ok && o != "" {
		t.byOrigin[o] = len(t.rows)
	}
	t.rows = append(t.rows, r)
	return maps.Clone(r)
}

// update sets r's fields on row i, and re-indexes its origin_id.
func (t *table) update(i int, r Record) Record {
	row := t.rows[i]
	if o, ok := row["origin_id"].(string); ok {
		delete(t.byOrigin, o)
	}
	for k, v := range r {
		if k != "id" {
			row[k] = v
		}
	}
	if o, ok := row["origin_id"].(string); ok && o != "" {
		t.byOrigin[o] = i
	}
	return maps.Clone(row)
}

func (t *table) all() []Record {
	out := make([]Record, len(t.rows))
	for i, r := range t.rows {
		out[i] = maps.Clone(r)
	}
	return out
}

// sync applies one record of a sync action as Procore documents it: an
// id finds the record (none found is an error; with an origin_id too it
// is the only way to change an origin_id); else an origin_id finds it or
// creates it; neither creates one. An origin_id another record has is
// refused, and so is a new record without each field of required. It
// returns the record as it now is, or the reasons it was refused.
func (t *table) sync(r Record, required ...string) (Record, map[string][]string) {
	origin, _ := r["origin_id"].(string)
	if id, ok := number(r["id"]); ok {
		i, found := t.byID[id]
		if !found {
			return nil, map[string][]string{"id": {"not found"}}
		}
		if j, taken := t.byOrigin[origin]; origin != "" && taken && j != i {
			return nil, map[string][]string{"origin_id": {"has already been taken"}}
		}
		return t.update(i, r), nil
	}
	if i, found := t.byOrigin[origin]; origin != "" && found {
		return t.update(i, r), nil
	}
	for _, f := range required {
		if v, _ := r[f].(string); v == "" {
			return nil, map[string][]string{f: {"can't be blank"}}
		}
	}
	return t.insert(r), nil
}

// number reads a JSON number that is a whole id.
func number(v any) (int64, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	case float64:
		return int64(n), n == float64(int64(n))
	case int64:
		return n, true
	}
	return 0, false
}
