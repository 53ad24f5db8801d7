package localservice

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"qbsettings/internal/testdir"
	"qbsettings/qbservice/qwc"
)

func TestBesideTheApp(t *testing.T) {
	t.Setenv(URLVariable, "")
	s := Beside(filepath.Join("programs", "qbsettings"))
	want := filepath.Join("programs", "qbservice")
	if runtime.GOOS == "windows" {
		want += ".exe"
	}
	if s.Program != want || s.URL != "http://localhost:8780" {
		t.Fatalf("%+v", s)
	}
	t.Setenv(URLVariable, "http://localhost:9900/")
	if s := Beside("qbsettings"); s.URL != "http://localhost:9900" {
		t.Fatalf("another port: %+v", s)
	}
}

func TestNotInstalled(t *testing.T) {
	s := Service{Program: filepath.Join(testdir.New(t), "qbservice"), URL: "http://localhost:1"}
	if s.Installed() {
		t.Fatal("installed")
	}
	if err := s.Ensure(context.Background()); !errors.Is(err, ErrNotInstalled) {
		t.Fatalf("ensure: %v", err)
	}
	if err := s.SetAccount(context.Background(), "procore-sync", NewPassword()); !errors.Is(err, ErrNotInstalled) {
		t.Fatalf("set account: %v", err)
	}
}

func TestNewPasswordsAreStrongAndDifferent(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		p := NewPassword()
		if len(p) != 43 || strings.ContainsAny(p, " +/=") || seen[p] {
			t.Fatalf("%q", p)
		}
		seen[p] = true
	}
}

// A .qwc written before gives its FileID back; anything else gives none.
func TestFileIDOfAFileWrittenBefore(t *testing.T) {
	dir := testdir.New(t)
	s := Service{URL: URL}
	data, err := s.QWC("Summit Ridge Builders", "procore-sync", "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "summit.qwc")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	id := FileIDOf(path)
	if !qwc.IsFileID(id) || !strings.Contains(string(data), "<FileID>"+id+"</FileID>") ||
		!strings.Contains(string(data), "<AppName>QuickBooks Integration Settings - Summit Ridge Builders</AppName>") {
		t.Fatalf("%q from\n%s", id, data)
	}
	again, _ := s.QWC("Summit Ridge Builders", "procore-sync", path)
	if FileIDOf(path) != id || !strings.Contains(string(again), id) {
		t.Fatalf("the FileID was not kept:\n%s", again)
	}
	for name, text := range map[string]string{
		"not XML":    "\xff\xfe not a file",
		"no FileID":  "<QBWCXML><AppName>x</AppName></QBWCXML>",
		"not a GUID": "<QBWCXML><FileID>{not-a-guid}</FileID></QBWCXML>",
		"a DTD":      `<!DOCTYPE x [<!ENTITY e "{57F3B9B1-86F1-4fcc-B1EE-566DE1813D20}">]><QBWCXML><FileID>&e;</FileID></QBWCXML>`,
		"huge":       "<QBWCXML><FileID>{57F3B9B1-86F1-4fcc-B1EE-566DE1813D20}</FileID>" + strings.Repeat(" ", 70<<10) + "</QBWCXML>",
	} {
		p := filepath.Join(dir, "bad.qwc")
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		if id := FileIDOf(p); id != "" {
			t.Errorf("%s: %q", name, id)
		}
	}
	if FileIDOf(filepath.Join(dir, "none.qwc")) != "" || FileIDOf("") != "" {
		t.Error("a FileID from no file")
	}
}
