package datadir

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// RemoveTree deletes dir and everything in it. When os.RemoveAll fails it
// removes the entries one by one, deepest first: under Wine 8, RemoveAll's
// FileDispositionInformationEx call is not implemented ("Invalid function"),
// while plain deletes work.
func RemoveTree(dir string) error {
	if err := os.RemoveAll(dir); err == nil {
		return nil
	}
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
