// Package testdir gives tests a temporary folder that can also be removed
// under Wine, where the project's Windows tests run.
package testdir

import (
	"os"
	"testing"

	"qbsettings/backend/datadir"
)

// New returns a new empty folder, removed when the test ends. t.TempDir's
// own removal fails under Wine 8; datadir.RemoveTree works there.
func New(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "qbsettings-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := datadir.RemoveTree(dir); err != nil {
			t.Errorf("remove test folder: %v", err)
		}
	})
	return dir
}
