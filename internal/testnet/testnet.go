// Package testnet gives tests what they need of the network: a loopback
// port nobody listens at, for a program the test starts.
package testnet

import (
	"net"
	"testing"
)

// FreePort is a loopback port free a moment ago: the test hands it to a
// program that listens there (a port taken in between fails that start).
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
