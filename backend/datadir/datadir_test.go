package datadir

import (
	"os"
	"path/filepath"
	"testing"
)

func TestEnvVarWins(t *testing.T) {
	want := filepath.Join(t.TempDir(), "nested", "data")
	t.Setenv(EnvVar, want)
	got, err := Resolve()
	if err != nil || got != want {
		t.Fatalf("Resolve() = %q, %v; want %q", got, err, want)
	}
	if info, err := os.Stat(want); err != nil || !info.IsDir() || info.Mode().Perm() != 0o700 {
		t.Fatalf("data folder not created private: %v %v", info, err)
	}
}

func TestDefaultIsInUserConfigFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv(EnvVar, "")
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	got, err := Resolve()
	if err != nil || got != filepath.Join(home, "config", FolderName) {
		t.Fatalf("Resolve() = %q, %v", got, err)
	}
}

func TestUnwritableParentFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, nil, 0o600)
	t.Setenv(EnvVar, filepath.Join(file, "data"))
	if _, err := Resolve(); err == nil {
		t.Fatal("a data folder inside a file was accepted")
	}
}
