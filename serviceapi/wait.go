package serviceapi

import "time"

// WaitSeconds is a wait in whole seconds, rounded up (as Retry-After says
// it): a caller told to wait must not come back before its time.
func WaitSeconds(wait time.Duration) int {
	return int((wait + time.Second - 1) / time.Second)
}
