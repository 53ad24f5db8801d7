package testkeys

import (
	"context"
	"os"
	"testing"

	"qbsettings/backend/secrets"
)

// Open opens the real keychain for a test. make test runs the tests in a
// private D-Bus session with an unlocked gnome-keyring and sets
// QBSETTINGS_KEYRING_TESTS=1, so there a missing keychain is a failure; a
// bare `go test` elsewhere skips the test.
func Open(t testing.TB) *secrets.Keychain {
	t.Helper()
	keys, err := secrets.Open(context.Background())
	if err != nil {
		if os.Getenv("QBSETTINGS_KEYRING_TESTS") == "1" {
			t.Fatalf("the test keychain is not usable: %v", err)
		}
		t.Skipf("no keychain here (%v); run the tests with make test", err)
	}
	return keys
}
