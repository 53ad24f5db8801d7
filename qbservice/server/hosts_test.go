package server

import "testing"

// The names it answers to: localhost and loopback always, the names it was
// given, and never where it listens when that is every address.
func TestIsOwnName(t *testing.T) {
	hosts := []string{"qbserver", "0.0.0.0:8780", ":8780", "[::]:8780", "QB-PC.office.lan:8443"}
	for name, want := range map[string]bool{
		"localhost": true, "127.0.0.1": true, "127.0.0.2": true, "::1": true,
		"qbserver": true, "QBSERVER": true, "qb-pc.office.lan": true,
		"0.0.0.0": false, "::": false, "": false, "evil.example": false, "qbserver.evil.example": false, "192.168.1.20": false,
	} {
		if got := isOwnName(name, hosts); got != want {
			t.Errorf("%q: %v", name, got)
		}
	}
}
