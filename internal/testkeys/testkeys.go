// Package testkeys keeps the keychain entries of one test process apart
// from every other's: `go test ./...` runs packages in parallel against one
// shared test keychain, and two packages that each store "profile default,
// user demo" would otherwise read, overwrite and remove each other's.
package testkeys

import (
	"fmt"
	"os"

	"qbsettings/backend/secrets"
)

// Isolate gives this process a keychain scope of its own (unless the
// environment already names one), for its tests and the programs they
// start. Call it from TestMain.
func Isolate() {
	if os.Getenv(secrets.ScopeEnv) != "" {
		return
	}
	os.Setenv(secrets.ScopeEnv, fmt.Sprintf("test process %d ", os.Getpid()))
}

// Main runs a package's tests with a keychain scope of their own: the
// TestMain of a package whose tests use the keychain.
func Main(m interface{ Run() int }) {
	Isolate()
	os.Exit(m.Run())
}
