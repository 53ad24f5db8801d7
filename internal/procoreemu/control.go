package procoreemu

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// ControlHandler is the emulator's controls over HTTP, for the tests and
// the demo that run it as a program of its own (internal/cmd/procoreemu):
// what a user does in Procore, and what Procore does at its worst. It is
// served on an address of its own, never beside the API.
//
//	POST /send-to-erp {"company", "name", "data", "detail"}  → {"requestId", "detailId"}
//	POST /add-staged-vendor {"company", "originId"}             → {"vendorId"}
//	POST /export-project {"company", "project"}                 → {"requestId", "detailId", "projectId"}
//	POST /export-budget {"company", "budget"}                   → {"requestId", "detailId", "budgetId"}
//	POST /sync-single-job {"company", "project"}                → {"requestId"}
//	POST /export-commitment {"company", "commitment"}           → {"requestId", "detailId", "commitmentId"}
//	POST /export-requisition {"company", "requisition"}         → {"requestId", "detailId", "requisitionId"}
//	GET  /detail/{id}                                           → {"status", "messages", "closings"}
//	POST /expire-tokens, /refuse-tokens {"on"}
//	POST /throttle, /unavailable {"n", "seconds"}; /garble {"n"}; /slow {"ms"}
//	POST /duplicate-events, /drop-deliveries {"n"}; /advance {"seconds"}
//	GET  /calls                                                 → [{"method", "path", "query", "status"}]
func (e *Emulator) ControlHandler() http.Handler {
	m := http.NewServeMux()
	m.HandleFunc("POST /send-to-erp", func(w http.ResponseWriter, r *http.Request) {
		var b struct {
			Company int64  `json:"company"`
			Name    string `json:"name"`
			Data    Record `json:"data"`
			Detail  bool   `json:"detail"`
		}
		if !decode(w, r, &b) {
			return
		}
		req, detail := e.SendToERP(b.Company, b.Name, b.Data, b.Detail)
		writeJSON(w, http.StatusOK, map[string]int64{"requestId": req, "detailId": detail})
	})
	m.HandleFunc("POST /add-staged-vendor", func(w http.ResponseWriter, r *http.Request) {
		var b struct {
			Company  int64  `json:"company"`
			OriginID string `json:"originId"`
		}
		if !decode(w, r, &b) {
			return
		}
		id, ok := e.AddStagedVendor(b.Company, b.OriginID)
		if !ok {
			http.Error(w, "no vendor of that origin_id is staged", http.StatusNotFound)
			return
		}
		writeJSON(w, http.StatusOK, map[string]int64{"vendorId": id})
	})
	m.HandleFunc("POST /export-project", playing("project", func(company int64, x ExportedProject) map[string]int64 {
		req, detail, project, _ := e.ExportProject(company, x)
		return map[string]int64{"requestId": req, "detailId": detail, "projectId": project}
	}))
	m.HandleFunc("POST /export-budget", playing("budget", func(company int64, x ExportedBudget) map[string]int64 {
		req, detail, budget := e.ExportBudget(company, x)
		return map[string]int64{"requestId": req, "detailId": detail, "budgetId": budget}
	}))
	m.HandleFunc("POST /sync-single-job", playing("project", func(company, project int64) map[string]int64 {
		return map[string]int64{"requestId": e.SyncSingleJob(company, project)}
	}))
	m.HandleFunc("POST /export-commitment", playing("commitment", func(company int64, x ExportedCommitment) map[string]int64 {
		req, detail, commitment, _ := e.ExportCommitment(company, x)
		return map[string]int64{"requestId": req, "detailId": detail, "commitmentId": commitment}
	}))
	m.HandleFunc("POST /export-requisition", playing("requisition", func(company int64, x ExportedRequisition) map[string]int64 {
		req, detail, requisition, _ := e.ExportRequisition(company, x)
		return map[string]int64{"requestId": req, "detailId": detail, "requisitionId": requisition}
	}))
	m.HandleFunc("GET /detail/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
		d, ok := e.RequestDetail(id)
		if !ok {
			http.NotFound(w, r)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"status": d.Status, "messages": d.Messages, "closings": d.Closings})
	})
	m.HandleFunc("POST /expire-tokens", func(w http.ResponseWriter, _ *http.Request) {
		e.ExpireTokens()
		w.WriteHeader(http.StatusNoContent)
	})
	on := func(set func(bool)) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			var b struct {
				On bool `json:"on"`
			}
			if decode(w, r, &b) {
				set(b.On)
				w.WriteHeader(http.StatusNoContent)
			}
		}
	}
	count := func(set func(n int, wait time.Duration)) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			var b struct {
				N       int     `json:"n"`
				Seconds float64 `json:"seconds"`
				MS      int     `json:"ms"`
			}
			if decode(w, r, &b) {
				set(b.N, time.Duration(b.Seconds*float64(time.Second))+time.Duration(b.MS)*time.Millisecond)
				w.WriteHeader(http.StatusNoContent)
			}
		}
	}
	m.HandleFunc("POST /refuse-tokens", on(e.RefuseTokens))
	m.HandleFunc("POST /link-loop", on(e.LinkLoop))
	m.HandleFunc("POST /throttle", count(e.Throttle))
	m.HandleFunc("POST /unavailable", count(e.Unavailable))
	m.HandleFunc("POST /garble", count(func(n int, _ time.Duration) { e.Garble(n) }))
	m.HandleFunc("POST /slow", count(func(_ int, d time.Duration) { e.Slow(d) }))
	m.HandleFunc("POST /duplicate-events", count(func(n int, _ time.Duration) { e.DuplicateEvents(n) }))
	m.HandleFunc("POST /drop-deliveries", count(func(n int, _ time.Duration) { e.DropDeliveries(n) }))
	m.HandleFunc("POST /advance", count(func(_ int, d time.Duration) { e.Advance(d) }))
	m.HandleFunc("GET /calls", func(w http.ResponseWriter, _ *http.Request) {
		type call struct {
			Method string `json:"method"`
			Path   string `json:"path"`
			Query  string `json:"query"`
			Status int    `json:"status"`
		}
		out := []call{}
		for _, c := range e.Calls() {
			out = append(out, call{c.Method, c.Path, c.Query, c.Status})
		}
		writeJSON(w, http.StatusOK, out)
	})
	return m
}

// playing is a control that plays a user's action on a record of
// Procore: the body's "company" and its key, what play made of them as
// the answer, or 404 when it made no request (a company, project or
// commitment the emulator does not have).
func playing[T any](key string, play func(company int64, x T) map[string]int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var b map[string]json.RawMessage
		if !decode(w, r, &b) {
			return
		}
		var company int64
		var x T
		if json.Unmarshal(b["company"], &company) != nil || json.Unmarshal(b[key], &x) != nil {
			http.Error(w, "the body needs company and "+key, http.StatusBadRequest)
			return
		}
		out := play(company, x)
		if out["requestId"] == 0 {
			http.Error(w, "no such company or record", http.StatusNotFound)
			return
		}
		writeJSON(w, http.StatusOK, out)
	}
}

func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(v); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return false
	}
	return true
}
