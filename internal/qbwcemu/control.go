package qbwcemu

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"time"
)

// Control is the state of QuickBooks that a test or a demo changes while
// the emulator runs (PUT /quickbooks on its control address): the faults
// the readiness checklist names, and the file's mode. A field left out is
// QuickBooks without that fault.
type Control struct {
	// OpenFails: the HRESULT with which the company file does not open
	// (QuickBooks not running 0x80040408, another file open 0x8004040A…).
	OpenFails string `json:"openFails,omitempty"`
	// Failing: the HRESULT with which every request fails from now on
	// (a dialog open: 0x80040414).
	Failing string `json:"failing,omitempty"`
	// AddRefused: the status code with which adding an item is refused
	// (the list in use by another user: 3175…).
	AddRefused int `json:"addRefused,omitempty"`
	// FileMode: MultiUser (when empty) or SingleUser.
	FileMode string `json:"fileMode,omitempty"`
	// Slowness is how long each answer takes, as a Go duration ("1.5s"):
	// a large company file, so that a test can change QuickBooks while a
	// session is under way. At most a minute.
	Slowness string `json:"slowness,omitempty"`
}

// maxSlowness bounds Control.Slowness: the Web Connector waits for
// QuickBooks, but not forever.
const maxSlowness = time.Minute

// slowness is c.Slowness read; ok is false when it is not a duration from
// 0 to maxSlowness.
func (c Control) slowness() (d time.Duration, ok bool) {
	if c.Slowness == "" {
		return 0, true
	}
	d, err := time.ParseDuration(c.Slowness)
	return d, err == nil && d >= 0 && d <= maxSlowness
}

var hresultPattern = regexp.MustCompile(`^0x[0-9A-F]{8}$`)

// valid tells whether QuickBooks could be in c.
func (c Control) valid() bool {
	codeOK := func(h string) bool { return h == "" || hresultPattern.MatchString(h) }
	_, slownessOK := c.slowness()
	return codeOK(c.OpenFails) && codeOK(c.Failing) && c.AddRefused >= 0 && c.AddRefused < 10000 &&
		(c.FileMode == "" || c.FileMode == "MultiUser" || c.FileMode == "SingleUser") && slownessOK
}

// Apply puts QuickBooks in c: a failing request fails from the next one.
func (q *QuickBooks) Apply(c Control) {
	q.Set(func(q *QuickBooks) {
		q.OpenFails, q.Failing, q.FailingAfter, q.AddRefused = c.OpenFails, c.Failing, len(q.received), c.AddRefused
		q.FileMode = c.FileMode
		q.Slowness, _ = c.slowness()
		if q.FileMode == "" {
			q.FileMode = "MultiUser"
		}
	})
}

// Controlled is the state Apply last set.
func (q *QuickBooks) Controlled() Control {
	q.mu.Lock()
	defer q.mu.Unlock()
	c := Control{OpenFails: q.OpenFails, Failing: q.Failing, AddRefused: q.AddRefused, FileMode: q.FileMode}
	if q.Slowness > 0 {
		c.Slowness = q.Slowness.String()
	}
	if c.FileMode == "MultiUser" {
		c.FileMode = ""
	}
	return c
}

// maxControlBytes bounds a control request's body.
const maxControlBytes = 4096

// ControlHandler serves QuickBooks' state at /quickbooks: GET says it, PUT
// sets it (400 for a state QuickBooks cannot be in, nothing changed).
// It is for loopback only: whoever reaches it can make QuickBooks fail.
func ControlHandler(q *QuickBooks) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /quickbooks", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(q.Controlled())
	})
	mux.HandleFunc("PUT /quickbooks", func(w http.ResponseWriter, r *http.Request) {
		var c Control
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxControlBytes))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil || dec.Decode(&struct{}{}) != io.EOF || !c.valid() {
			http.Error(w, `not a state of QuickBooks: {"openFails":"0x80040408","failing":"0x80040414","addRefused":3175,"fileMode":"SingleUser","slowness":"1.5s"}, each optional`, http.StatusBadRequest)
			return
		}
		q.Apply(c)
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}
