package procoreemu

import "time"

// now is the emulator's clock: the real one, moved on by Advance, so a
// test plays Procore's 12 hours of delivery retries in no time.
// Called with e.mu held.
func (e *Emulator) now() time.Time { return time.Now().Add(e.skew) }

// Advance moves the emulator's clock on by d, then makes the deliveries
// that are due by then.
func (e *Emulator) Advance(d time.Duration) {
	e.mu.Lock()
	e.skew += d
	e.mu.Unlock()
	e.RunDeliveries()
}
