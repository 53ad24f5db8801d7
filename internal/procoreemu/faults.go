package procoreemu

import (
	"net/http"
	"strconv"
	"time"
)

// faults are what a test asks the emulator to play next.
type faults struct {
	throttle    int // the next n calls: 429
	throttleFor time.Duration
	unavailable int // the next n calls: 503
	unavailFor  time.Duration
	garble      int // the next n good answers: not JSON
	slow        time.Duration
	linkLoop    bool // a list's next link points back to its first page
	duplicate   int  // the next n events are queued twice on their hooks
	drop        int  // the next n deliveries fail as a reset connection
	// the job costs of these cost codes are refused, for the reason given
	refuseJobCosts map[int64]string
}

// DuplicateEvents queues each of the next n events twice on its hooks:
// "A delivery for the same event can arrive more than once"
// (plan_your_app/webhooks.md).
func (e *Emulator) DuplicateEvents(n int) {
	e.setFaults(func(f *faults) { f.duplicate = n })
}

// DropDeliveries makes the next n delivery attempts fail on the way, as
// a connection reset; each is retried as any failure is.
func (e *Emulator) DropDeliveries(n int) {
	e.setFaults(func(f *faults) { f.drop = n })
}

// Throttle answers the next n API calls 429 with Retry-After wait, as a
// storm of them (plan_your_app/rate_limiting.md).
func (e *Emulator) Throttle(n int, wait time.Duration) {
	e.setFaults(func(f *faults) { f.throttle, f.throttleFor = n, wait })
}

// Unavailable answers the next n API calls 503; with Retry-After wait
// when wait > 0 (rate_limiting.md, "Heavy Load Throttling").
func (e *Emulator) Unavailable(n int, wait time.Duration) {
	e.setFaults(func(f *faults) { f.unavailable, f.unavailFor = n, wait })
}

// Garble answers the next n successful API calls with text that is not
// JSON.
func (e *Emulator) Garble(n int) {
	e.setFaults(func(f *faults) { f.garble = n })
}

// Slow delays every answer by d (0 stops it).
func (e *Emulator) Slow(d time.Duration) {
	e.setFaults(func(f *faults) { f.slow = d })
}

// LinkLoop makes every list's next link point back to its first page.
func (e *Emulator) LinkLoop(on bool) {
	e.setFaults(func(f *faults) { f.linkLoop = on })
}

// RefuseJobCosts refuses the job costs of the project cost code
// costCode from now on, as a record of a sync Procore did not take:
// in the answer's errors, with reason (0 stops every refusal).
func (e *Emulator) RefuseJobCosts(costCode int64, reason string) {
	e.setFaults(func(f *faults) {
		if costCode == 0 {
			f.refuseJobCosts = nil
			return
		}
		if f.refuseJobCosts == nil {
			f.refuseJobCosts = map[int64]string{}
		}
		f.refuseJobCosts[costCode] = reason
	})
}

// setFaults changes the faults under the emulator's lock.
func (e *Emulator) setFaults(set func(*faults)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	set(&e.faults)
}

// fault answers r as the faults asked, and reports whether it did.
// Called with e.mu held.
func (e *Emulator) fault(w http.ResponseWriter) bool {
	f := &e.faults
	switch {
	case f.throttle > 0:
		f.throttle--
		w.Header().Set("Retry-After", strconv.Itoa(int(f.throttleFor/time.Second)))
		writeJSON(w, http.StatusTooManyRequests, map[string]string{"errors": "Too Many Requests"})
		return true
	case f.unavailable > 0:
		f.unavailable--
		if f.unavailFor > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int(f.unavailFor/time.Second)))
		}
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"errors": "Service Unavailable"})
		return true
	}
	return false
}
