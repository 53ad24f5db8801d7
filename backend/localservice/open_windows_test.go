package localservice

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/windows/registry"

	"qbsettings/internal/testdir"
)

// The .qwc file is handed to the program Windows opens .qwc files with:
// the QuickBooks Web Connector, once installed. Here a stand-in registered
// for .qwc in the user's classes copies the file it is given, which proves
// the path reached it whole, spaces and all.
func TestOpenHandsTheFileToItsProgram(t *testing.T) {
	dir := filepath.Join(testdir.New(t), "Company Files")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	qwc := filepath.Join(dir, "QuickBooks Integration Settings - Summit Ridge.qwc")
	content := []byte("<?xml version=\"1.0\"?><QBWCXML><AppName>Summit Ridge</AppName></QBWCXML>")
	if err := os.WriteFile(qwc, content, 0o600); err != nil {
		t.Fatal(err)
	}
	opened := filepath.Join(dir, "opened.qwc")
	associate(t, ".qwc", "QBSettingsTest.qwc", `cmd.exe /c copy /y "%1" "`+opened+`"`)

	if err := Open(qwc); err != nil {
		t.Fatalf("Open: %v", err)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		got, err := os.ReadFile(opened)
		if err == nil && bytes.Equal(got, content) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the program registered for .qwc was not given the file: %q %v", got, err)
		}
	}
	// The program runs in the file's folder (Open says so): wait until it
	// has ended, so that the folder can be removed.
	for deadline := time.Now().Add(20 * time.Second); os.Rename(dir, dir+" (done)") != nil; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the program given the file did not end")
		}
	}
}

// associate registers command as the way to open files of ext, until the
// test ends (the association before it put back). It writes the merged
// classes (HKEY_CLASSES_ROOT): Windows keeps what a user without
// administrator rights writes there in the user's own classes, and it is
// what Wine's ShellExecute reads (a key under the user's classes alone is
// not seen there).
func associate(t *testing.T, ext, progID, command string) {
	t.Helper()
	classes, _, err := registry.CreateKey(registry.CLASSES_ROOT, ``, registry.ALL_ACCESS)
	if err != nil {
		t.Fatal(err)
	}
	defer classes.Close()
	extKey, _, err := registry.CreateKey(classes, ext, registry.ALL_ACCESS)
	if err != nil {
		t.Fatal(err)
	}
	before, _, beforeErr := extKey.GetStringValue("")
	if err := extKey.SetStringValue("", progID); err != nil {
		t.Fatal(err)
	}
	extKey.Close()
	open, _, err := registry.CreateKey(classes, progID+`\shell\open\command`, registry.ALL_ACCESS)
	if err != nil {
		t.Fatal(err)
	}
	defer open.Close()
	if err := open.SetStringValue("", command); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, k := range []string{progID + `\shell\open\command`, progID + `\shell\open`, progID + `\shell`, progID} {
			_ = registry.DeleteKey(classes, k)
		}
		if k, err := registry.OpenKey(classes, ext, registry.SET_VALUE); err == nil {
			if beforeErr == nil {
				_ = k.SetStringValue("", before)
			} else {
				_ = k.DeleteValue("")
			}
			k.Close()
		}
	})
}
