package datadir_test

import (
	"os"
	"path/filepath"
	"qbsettings/backend/datadir"
	"qbsettings/internal/testdir"
	"runtime"
	"testing"
)

func TestEnvVarWins(t *testing.T) {
	want := filepath.Join(testdir.New(t), "nested", "data")
	t.Setenv(datadir.EnvVar, want)
	got, err := datadir.Resolve()
	if err != nil || got != want {
		t.Fatalf("datadir.Resolve() = %q, %v; want %q", got, err, want)
	}
	info, err := os.Stat(want)
	if err != nil || !info.IsDir() {
		t.Fatalf("data folder not created: %v %v", info, err)
	}
	// Windows has no permission bits: the folder inherits %APPDATA%'s ACL,
	// which is the user's own.
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o700 {
		t.Fatalf("data folder mode %v, want 0700", info.Mode().Perm())
	}
}

func TestDefaultIsInUserConfigFolder(t *testing.T) {
	home := testdir.New(t)
	t.Setenv(datadir.EnvVar, "")
	// %APPDATA% on Windows; $XDG_CONFIG_HOME elsewhere (macOS ignores it and
	// uses ~/Library/Application Support).
	t.Setenv("APPDATA", filepath.Join(home, "config"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	if runtime.GOOS == "darwin" {
		t.Setenv("HOME", home)
	}
	want := filepath.Join(home, "config", datadir.FolderName)
	if runtime.GOOS == "darwin" {
		want = filepath.Join(home, "Library", "Application Support", datadir.FolderName)
	}
	got, err := datadir.Resolve()
	if err != nil || got != want {
		t.Fatalf("datadir.Resolve() = %q, %v; want %q", got, err, want)
	}
}

func TestUnwritableParentFails(t *testing.T) {
	file := filepath.Join(testdir.New(t), "a-file")
	os.WriteFile(file, nil, 0o600)
	t.Setenv(datadir.EnvVar, filepath.Join(file, "data"))
	if _, err := datadir.Resolve(); err == nil {
		t.Fatal("a data folder inside a file was accepted")
	}
}

func TestRemoveTree(t *testing.T) {
	dir, _ := os.MkdirTemp("", "qbsettings-test-")
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o700)
	os.WriteFile(filepath.Join(dir, "a", "b", "settings.db"), []byte("x"), 0o600)
	if err := datadir.RemoveTree(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("folder still there: %v", err)
	}
	if err := datadir.RemoveTree(dir); err != nil {
		t.Fatalf("removing a missing folder: %v", err)
	}
}
