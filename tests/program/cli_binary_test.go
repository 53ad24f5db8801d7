package program

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The command line as IT runs it: the built executable, its output and its
// exit codes.
func TestBuiltExecutableCommandLine(t *testing.T) {
	exe := builtExecutable(t)
	dir := t.TempDir()
	run := func(stdin string, args ...string) (int, string, string) {
		cmd := exec.Command(exe, args...)
		cmd.Env = append(os.Environ(), "QBSETTINGS_DATA_DIR="+filepath.Join(dir, "data"))
		cmd.Stdin = strings.NewReader(stdin)
		var out, errOut strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), out.String(), errOut.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, out.String(), errOut.String()
	}

	if code, out, _ := run("", "--version"); code != 0 || out != "qbsettings 9.8.7\n" {
		t.Fatalf("--version: %d %q", code, out)
	}
	code, out, errOut := run("", "settings", "get", "--json")
	var got struct {
		Revision int64 `json:"revision"`
		Settings struct {
			VendorUpdates string `json:"vendorUpdates"`
		} `json:"settings"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got.Revision != 0 || got.Settings.VendorUpdates != "automatic" {
		t.Fatalf("settings get --json: %d %q %s", code, out, errOut)
	}
	if code, _, errOut := run("", "settings", "set", "serviceUrl=http://qbserver"); code != 1 || !strings.Contains(errOut, "Service URL: Use https://") {
		t.Fatalf("invalid set: %d %s", code, errOut)
	}
	if code, _, _ := run("", "settings", "frobnicate"); code != 2 {
		t.Fatalf("unknown command: exit %d, want 2", code)
	}
}
