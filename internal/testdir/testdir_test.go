package testdir

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRemovesNestedContents(t *testing.T) {
	var dir string
	t.Run("inner", func(t *testing.T) {
		dir = New(t)
		os.MkdirAll(filepath.Join(dir, "a", "b"), 0o700)
		os.WriteFile(filepath.Join(dir, "a", "b", "f.txt"), []byte("x"), 0o600)
		os.WriteFile(filepath.Join(dir, "g.txt"), []byte("y"), 0o600)
	})
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("folder still there: %v", err)
	}
}
