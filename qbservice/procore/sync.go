package procore

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// MaxSyncRecords is the most records one sync call may carry
// (tutorials/using_sync_actions.md).
const MaxSyncRecords = 1000

// SyncCall names a sync endpoint and the shape of its body.
type SyncCall struct {
	Method string // http.MethodPatch when ""
	Target string // path from "/rest/", with its query
	// Fields are the body's other members (company_id, project_id,
	// standard_cost_code_list_id…), sent with every chunk.
	Fields map[string]any
	// Key names the body's list of records: "updates" when "".
	Key string
	// Bare: the body is the list itself, with no Fields
	// (erp_request_details/sync as ED22 shows it).
	Bare bool
}

// Synced is what a sync call did: the records Procore created or
// updated, and each record it refused with why.
type Synced struct {
	Entities []Raw
	Errors   []RecordError
}

// RecordError is a record Procore refused: the record as sent (in it, its
// id or origin_id says which one) and Procore's reasons.
type RecordError struct {
	Record  Raw
	Reasons []string // "name: can't be blank", or Procore's text as it came
}

// OriginID is the refused record's origin_id, or "".
func (e RecordError) OriginID() string {
	var r struct {
		OriginID json.RawMessage `json:"origin_id"`
	}
	_ = json.Unmarshal(e.Record, &r)
	var s string
	if json.Unmarshal(r.OriginID, &s) == nil {
		return s
	}
	return strings.Trim(string(r.OriginID), `"`)
}

// Sync sends records to a sync endpoint in chunks of at most
// MaxSyncRecords, and gathers what every chunk did. Procore answers each
// with 200 and per-record errors, which are returned, never dropped; an
// error is returned only when a chunk was not done at all, with what the
// chunks before it did.
func Sync[T any](ctx context.Context, c *Client, call SyncCall, records []T) (Synced, error) {
	var done Synced
	method, key := call.Method, call.Key
	if method == "" {
		method = http.MethodPatch
	}
	if key == "" {
		key = "updates"
	}
	for start := 0; start < len(records); start += MaxSyncRecords {
		chunk := records[start:min(start+MaxSyncRecords, len(records))]
		var body any = chunk
		if !call.Bare {
			fields := make(map[string]any, len(call.Fields)+1)
			for k, v := range call.Fields {
				fields[k] = v
			}
			fields[key] = chunk
			body = fields
		}
		var answer struct {
			Entities []Raw `json:"entities"`
			Errors   []Raw `json:"errors"`
		}
		if _, err := c.Do(ctx, method, call.Target, body, &answer); err != nil {
			return done, err
		}
		if answer.Entities == nil && answer.Errors == nil {
			path, _, _ := strings.Cut(call.Target, "?")
			return done, &Error{Kind: KindBadAnswer, Method: method, Path: path, Status: http.StatusOK, Detail: "sync answer without entities or errors"}
		}
		done.Entities = append(done.Entities, answer.Entities...)
		for _, e := range answer.Errors {
			done.Errors = append(done.Errors, recordError(e))
		}
	}
	return done, nil
}

// recordError reads one member of a sync answer's errors: the record as
// sent, with an "errors" member that is an object of field → messages, a
// list, or text.
func recordError(raw Raw) RecordError {
	// No reasons (an empty errors member) is still a refusal: the record
	// is not done, and its words say Procore gave no reason.
	e := RecordError{Record: raw, Reasons: []string{}}
	var r struct {
		Errors json.RawMessage `json:"errors"`
	}
	if json.Unmarshal(raw, &r) == nil && len(r.Errors) > 0 {
		e.Reasons = append(e.Reasons, reasons(r.Errors)...)
	}
	return e
}

func reasons(raw json.RawMessage) []string {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return []string{cleanDetail(text)}
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		var out []string
		for _, item := range list {
			out = append(out, reasons(item)...)
		}
		return out
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) == nil {
		keys := make([]string, 0, len(fields))
		for k := range fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []string
		for _, k := range keys {
			for _, why := range reasons(fields[k]) {
				if k == "base" {
					// An error of the record as a whole, not of a field:
					// Rails' errors[:base] [I] (Procore's documents show
					// field errors only; its API is a Rails application's).
					out = append(out, why)
					continue
				}
				out = append(out, fmt.Sprintf("%s: %s", cleanDetail(k), why))
			}
		}
		return out
	}
	return []string{cleanDetail(string(raw))}
}
