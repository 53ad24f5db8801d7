package accounts

import (
	"testing"
	"time"
)

// Any sequence of checks begun, ended wrong or right, side by side or
// not, with any time between them (the clock set back too): a caller
// told to wait is told at most
// MaxWait and never a negative time; after a right password with nothing
// else under way, the next check starts at once; and once guessing stops,
// a check starts within MaxWait, and a right password leaves nothing kept.
func FuzzThrottle(f *testing.F) {
	f.Add([]byte{1, 2, 1, 2, 1, 2, 1, 1, 4 * 20, 1, 3})
	f.Add([]byte{1, 1, 1, 1, 1, 1, 2, 2, 2, 3})
	f.Fuzz(func(t *testing.T, ops []byte) {
		th := throttle{lanes: map[laneKey]*lane{}}
		k := laneKey{user: "u", generation: 1, caller: "addr:127.0.0.1"}
		now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
		latest := now
		var inFlight []laneKey
		cleared := false // the last check ended right, and none is under way
		for _, op := range ops {
			switch op % 5 {
			case 0:
				now = now.Add(time.Duration(op/5) * 50 * time.Millisecond)
				latest = later(latest, now)
			case 4:
				now = now.Add(-time.Duration(op/5) * 200 * time.Millisecond)
			case 1:
				lane, wait := th.begin(k, now)
				switch {
				case wait < 0 || wait > MaxWait:
					t.Fatalf("told to wait %v", wait)
				case wait > 0 && cleared:
					t.Fatalf("told to wait %v after a right password", wait)
				case wait == 0:
					inFlight = append(inFlight, lane)
				}
				cleared = false
			case 2, 3:
				if len(inFlight) == 0 {
					continue
				}
				right := op%5 == 3
				th.end(inFlight[0], right)
				inFlight = inFlight[1:]
				cleared = right && len(inFlight) == 0
			}
		}
		for _, l := range inFlight {
			th.end(l, false)
		}
		lane, wait := th.begin(k, latest.Add(MaxWait))
		if wait != 0 {
			t.Fatalf("MaxWait after the last guess, told to wait %v", wait)
		}
		th.end(lane, true)
		if len(th.lanes) != 0 {
			t.Fatalf("%d lanes kept after a right password", len(th.lanes))
		}
	})
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
