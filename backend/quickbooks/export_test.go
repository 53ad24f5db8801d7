package quickbooks

import "time"

// HResults and StatusCodes list the QuickBooks codes with their own next
// step, for the tests that walk every one of them.
func HResults() []string {
	out := make([]string, 0, len(hresults))
	for h := range hresults {
		out = append(out, h)
	}
	return out
}

// StatusCodes lists the request status codes with their own next step.
func StatusCodes() []int {
	out := make([]int, 0, len(statusCodes))
	for c := range statusCodes {
		out = append(out, c)
	}
	return out
}

// AskHealthEvery makes waits for queued work ask health every d, until the
// test ends.
func AskHealthEvery(t interface{ Cleanup(func()) }, d time.Duration) {
	old := quietEvery
	quietEvery = d
	t.Cleanup(func() { quietEvery = old })
}

// HowLong is howLong, worded.
func HowLong(d time.Duration) string { return howLong(d).Text() }
