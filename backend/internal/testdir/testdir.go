// Package testdir gives tests a temporary folder that can also be removed
// under Wine, where the project's Windows tests run.
package testdir

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// New returns a new empty folder, removed when the test ends.
//
// t.TempDir's removal fails under Wine 8: os.RemoveAll deletes with
// FileDispositionInformationEx, which Wine does not implement ("Invalid
// function"). Removing entries one by one, deepest first, works there.
func New(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "qbsettings-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if os.RemoveAll(dir) == nil {
			return
		}
		if err := removeOneByOne(dir); err != nil {
			t.Errorf("remove test folder: %v", err)
		}
	})
	return dir
}

func removeOneByOne(dir string) error {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	// WalkDir lists a folder before what it holds: reversed, contents first.
	slices.Reverse(paths)
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}
