package procoreemu

import (
	"net/http"
	"strconv"
	"time"
)

// limits counts each client's calls in the two windows Procore documents
// (plan_your_app/rate_limiting.md): an hour, and a spike window of 10 s.
type limits struct {
	calls map[string][]time.Time // client → its calls in the last hour
}

// admit counts a call of client now and sets the X-Rate-Limit-* headers
// for the window nearer its end; it reports false, with the seconds to
// wait, when the call is over a limit (429 with X-Rate-Limit-Reset, as
// rate_limiting.md says, and Retry-After, as error_reference.md says).
// Called with e.mu held.
func (e *Emulator) admit(h http.Header, client string, now time.Time) (int, bool) {
	if e.limits.calls == nil {
		e.limits.calls = map[string][]time.Time{}
	}
	calls := e.limits.calls[client]
	for len(calls) > 0 && now.Sub(calls[0]) >= time.Hour {
		calls = calls[1:]
	}
	spike := 0
	for i := len(calls) - 1; i >= 0 && now.Sub(calls[i]) < e.cfg.SpikeWindow; i-- {
		spike++
	}
	type window struct {
		limit, used int
		reset       time.Time
	}
	hourly := window{e.cfg.HourlyLimit, len(calls), now.Add(time.Hour)}
	if len(calls) > 0 {
		hourly.reset = calls[0].Add(time.Hour)
	}
	short := window{e.cfg.SpikeLimit, spike, now.Add(e.cfg.SpikeWindow)}
	if spike > 0 {
		short.reset = calls[len(calls)-spike].Add(e.cfg.SpikeWindow)
	}
	// Report the limit the client is most likely to exceed first.
	shown := short
	if hourly.limit-hourly.used < short.limit-short.used {
		shown = hourly
	}
	over := hourly.used >= hourly.limit || short.used >= short.limit
	if !over {
		calls = append(calls, now)
		shown.used++
	}
	e.limits.calls[client] = calls
	h.Set("X-Rate-Limit-Limit", strconv.Itoa(shown.limit))
	h.Set("X-Rate-Limit-Remaining", strconv.Itoa(max(shown.limit-shown.used, 0)))
	h.Set("X-Rate-Limit-Reset", strconv.FormatInt(shown.reset.Unix(), 10))
	if over {
		reset := short.reset
		if hourly.used >= hourly.limit {
			reset = hourly.reset
		}
		return max(int((reset.Sub(now)+time.Second-1)/time.Second), 1), false
	}
	return 0, true
}
