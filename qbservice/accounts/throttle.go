package accounts

import (
	"sync"
	"time"
)

// The slowdown of wrong passwords (docs/sign-in.md says why these):
// three tries in a row are free, then each waits twice as long as the one
// before, from a second up to MaxWait. MaxWait is under the app's
// connection test (10 s), so that once guessing stops, the owner's right
// password gets in within one test.
const (
	freeTries = 3
	MaxWait   = 8 * time.Second
	// maxLanes bounds the memory guessers can make the service spend:
	// beyond it, new callers share one lane.
	maxLanes = 1 << 16
	// failureCeiling keeps the count of failures in a row from growing
	// without end (the wait is long capped before it).
	failureCeiling = 1 << 20
)

// lane is one caller's sign-ins to one account: failures in a row,
// checks under way, and when the next check may start.
type lane struct {
	failures int
	inFlight int
	nextAt   time.Time
}

// waitAfter is how long the next check waits after k checks in a row
// failed (or are under way, and may fail).
func waitAfter(k int) time.Duration {
	if k < freeTries {
		return 0
	}
	if k-freeTries >= 4 { // 1<<4 s is past MaxWait: no shift that could overflow
		return MaxWait
	}
	return min(time.Second<<(k-freeTries), MaxWait)
}

// throttle keeps the lanes. A check is let through only when its lane's
// time has come, and is counted as a failure from its start until it
// succeeds: guesses sent side by side wait as guesses sent one by one do.
type throttle struct {
	mu    sync.Mutex
	lanes map[laneKey]*lane
}

type laneKey struct {
	user       string // "" for every user name without an account
	generation int64  // the account's password: a new one starts afresh
	caller     string // "device:" and its hash, or "addr:" and the address
}

var overflowLane = laneKey{caller: "overflow"}

// begin starts a check in lane k at now, and returns the lane it runs in
// (k, or the shared one when there are too many); when its time has not
// come, it returns how long to wait instead, and nothing is started.
func (t *throttle) begin(k laneKey, now time.Time) (laneKey, time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	k, l := t.lane(k)
	if wait := l.nextAt.Sub(now); wait > 0 {
		// Never more than MaxWait, even when the clock was set back.
		if wait > MaxWait {
			l.nextAt, wait = now.Add(MaxWait), MaxWait
		}
		return k, wait
	}
	l.inFlight++
	if wait := waitAfter(l.failures + l.inFlight); wait > 0 {
		l.nextAt = now.Add(wait)
	}
	return k, 0
}

// end ends a check begun in lane k (as begin returned it): a success
// clears the lane, a failure stays counted.
func (t *throttle) end(k laneKey, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	l := t.lanes[k] // there while a check in it is under way
	l.inFlight--
	if ok {
		l.failures, l.nextAt = 0, time.Time{}
	} else {
		l.failures = min(l.failures+1, failureCeiling)
	}
	if l.failures == 0 && l.inFlight == 0 {
		delete(t.lanes, k)
	}
}

// lane is k's lane, made when needed, or the shared one when there are
// too many; t.mu is held.
func (t *throttle) lane(k laneKey) (laneKey, *lane) {
	if l, ok := t.lanes[k]; ok {
		return k, l
	}
	if len(t.lanes) >= maxLanes {
		k = overflowLane
		if l, ok := t.lanes[k]; ok {
			return k, l
		}
	}
	l := &lane{}
	t.lanes[k] = l
	return k, l
}
