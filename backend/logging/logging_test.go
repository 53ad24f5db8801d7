package logging

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qbsettings/internal/testdir"
)

func TestLogStaysUnderItsCap(t *testing.T) {
	dir := testdir.New(t)
	const maxBytes = 4096
	log, closer, err := New(dir, maxBytes)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 500; i++ {
		log.Info("settings saved", "revision", i)
	}
	log.Info("last line")
	closer.Close()

	cur, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	old, err := os.ReadFile(filepath.Join(dir, FileName+".1"))
	if err != nil {
		t.Fatalf("no rotated log: %v", err)
	}
	if len(cur) > maxBytes || len(old) > maxBytes {
		t.Fatalf("log sizes %d and %d, cap %d", len(cur), len(old), maxBytes)
	}
	if !strings.Contains(string(cur), "last line") {
		t.Fatal("the newest line is not in the current log")
	}
}

func TestReopenAppends(t *testing.T) {
	dir := testdir.New(t)
	for _, msg := range []string{"first run", "second run"} {
		log, closer, err := New(dir, DefaultMaxBytes)
		if err != nil {
			t.Fatal(err)
		}
		log.Info(msg)
		closer.Close()
	}
	b, _ := os.ReadFile(filepath.Join(dir, FileName))
	if !strings.Contains(string(b), "first run") || !strings.Contains(string(b), "second run") {
		t.Fatalf("log = %q", b)
	}
}
