package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/simulator/simtest"
)

// Every command of the built executable, with its exit codes, as IT meets
// them: an empty data folder (never one the window prepared), the project's
// simulator on loopback, one step after another.
func TestEveryCommandOnTheBuiltExecutable(t *testing.T) {
	exe := builtExecutable(t)
	data := filepath.Join(t.TempDir(), "data")
	_, url := simtest.Start(t, simtest.Options())
	_, tlsURL, cert := simtest.StartTLS(t, simtest.Options())
	fingerprint := quickbooks.Fingerprint(cert.Certificate[0])
	file := filepath.Join(t.TempDir(), "settings.json")
	var profileID string

	type step struct {
		stdin string
		args  []string
		code  int
		want  string // a regular expression that stdout and stderr together match
	}
	steps := []step{
		{"", []string{"--version"}, 0, `^qbsettings 9\.8\.7\n$`},
		{"", []string{"--help"}, 0, `items refresh \[KEY=VALUE\.\.\.\] \[--password-stdin\]`},
		{"", []string{"itmes", "list"}, 2, `"itmes list" is not a command`},
		{"", []string{"items"}, 2, `Did you mean one of:\n  qbsettings items refresh`},
		{"", []string{"settings", "get", "--bogus"}, 2, `flag provided but not defined: -bogus\nUsage: qbsettings settings get \[--profile ID\] \[--json\]`},
		{"", []string{"profiles", "list", "--profile", "x"}, 2, `not defined: -profile`},
		{"", []string{"settings", "get", "--json"}, 0, `"revision": 0`},
		{"", []string{"settings", "get", "--profile", "typo"}, 1, `there is no company profile "typo"`},
		{"", []string{"settings", "set", "vendorUpdates=none"}, 1, `Service URL: Enter the address(?s:.*)Service Password: No password is stored for this Service User\. Give it as one line on standard input with --password-stdin\.(?s:.*)Invoice Retainage Item: The stored item list is empty(?s:.*)qbsettings items refresh(?s:.*)Nothing was saved\.`},
		{"", []string{"settings", "set", "paint=blue"}, 2, `unknown key "paint"; the keys are serviceUrl, serviceUser`},
		{"", []string{"settings", "set", "serviceUrl"}, 2, `"serviceUrl" is not KEY=VALUE`},
		{"", []string{"settings", "set"}, 2, `needs KEY=VALUE pairs`},
		{"wrong\n", []string{"connection", "test", "serviceUrl=" + url, "serviceUser=demo", "--password-stdin"}, 1, `Not Connected\. The QuickBooks service did not accept(?s:.*)--password-stdin`},
		{"", []string{"connection", "test", "serviceUrl=" + url, "serviceUser=demo", "--password-stdin"}, 1, `no password on standard input`},
		{"demo-password\n", []string{"connection", "test", "serviceUrl=" + url, "serviceUser=demo", "--password-stdin", "--json"}, 0, `"connected": true`},
		{"demo-password\n", []string{"items", "refresh", "serviceUrl=" + url, "serviceUser=demo", "--password-stdin"}, 0, `refreshed from QuickBooks: \d+ items`},
		{"", []string{"items", "list", "--search", "retainage", "--json"}, 0, `"fullName": "Retainage Payable"`},
		{"", []string{"items", "list"}, 0, `Retainage Payable\tService\tactive`},
		{"", []string{"settings", "set", "retainageItem=Nope"}, 1, `no item "Nope" in the stored item list\. Run qbsettings items refresh`},
		{"demo-password\n", []string{"settings", "set", "serviceUrl=" + url, "serviceUser=demo", "retainageItem=Retainage Payable", "--password-stdin"}, 0, `^Saved revision 1\.\n$`},
		{"", []string{"connection", "test"}, 0, `^Connected\. Company file .*Summit Ridge Builders\.qbw`},
		{"", []string{"connection", "test"}, 0, `\[ok\]   retainageItem: The Invoice Retainage Item "Retainage Payable" is an active Service item\.`},
		{"", []string{"connection", "test", "--json"}, 0, `"id": "fileMode",\s*"status": "pass"(?s:.*)"id": "retainageItem",\s*"status": "pass"`},
		{"", []string{"settings", "set", "vendorUpdates=none", "useProcoreContractNumber=yes"}, 0, `^Saved revision 2\.\n$`},
		{"", []string{"settings", "set", "hideJobToDateCosts=perhaps"}, 1, `"perhaps" is not a value of hideJobToDateCosts: use true or false`},
		{"", []string{"settings", "set", "serviceUser=someone-else"}, 1, `No password is stored for this Service User\. Give it`},
		{"new-password\n", []string{"password", "set"}, 0, `The password is stored in the keychain \(revision 3\)`},
		{"", []string{"password", "set"}, 1, `no password on standard input`},
		{"", []string{"password", "set", "secret"}, 2, `not as an argument`},
		{"", []string{"connection", "test"}, 1, `did not accept the Service User and Service Password`},
		{"demo-password\n", []string{"password", "set"}, 0, `revision 4`},
		{"", []string{"history", "--json"}, 0, `"revision": 4`},
		{"", []string{"history"}, 0, `Revision 1, .*\n(?s:.*)Service Password: password changed`},
		{"", []string{"settings", "export", file}, 0, `without the password`},
		{"", []string{"settings", "validate", file}, 0, `The file is valid\.\nNothing would change\.`},
		{"", []string{"settings", "import", file, "--yes"}, 0, `Nothing would change\.`},
		{"", []string{"settings", "import"}, 2, `needs one FILE`},
		{"", []string{"profiles", "add", "Summit Ridge Builders", "--json"}, 0, `"id": "company-[0-9a-f]+"`},
		{"", []string{"profiles", "add", "summit ridge builders"}, 1, `already a company named "Summit Ridge Builders"`},
		{"", []string{"profiles", "add"}, 2, `needs the company's NAME`},
		{"", []string{"certificate", "show", tlsURL}, 0, `SHA-256 fingerprint: ` + regexp.QuoteMeta(fingerprint) + `\nThis computer does not trust it`},
		{"", []string{"certificate", "show", tlsURL, "--json"}, 0, `"trustedBySystem": false`},
		{"", []string{"certificate", "show", "http://127.0.0.1:1"}, 1, `is not an https:// address`},
		{"", []string{"certificate", "show", "https://qb\u200bserver"}, 1, `Service URL: The Service URL contains a hidden character`},
		{"", []string{"certificate", "trust", tlsURL}, 2, `needs --fingerprint`},
		{"", []string{"certificate", "trust", tlsURL, "--fingerprint", strings.Repeat("AB:", 31) + "AB"}, 1, `not ` + strings.Repeat("AB:", 31) + `AB, so nothing was trusted`},
		{"", []string{"certificate", "trust", tlsURL, "--fingerprint", "nonsense"}, 1, `not a SHA-256 fingerprint`},
		{"", []string{"certificate", "trust", tlsURL, "--fingerprint", strings.ToLower(strings.ReplaceAll(fingerprint, ":", ""))}, 0, `Trusted the certificate ` + regexp.QuoteMeta(fingerprint)},
		{"", []string{"certificate", "list", "--json"}, 0, `"fingerprint": "` + regexp.QuoteMeta(fingerprint) + `"`},
		{"demo-password\n", []string{"connection", "test", "serviceUrl=" + tlsURL, "--password-stdin"}, 0, `^Connected\.`},
		{"", []string{"certificate", "remove", tlsURL}, 0, `No longer trusting`},
		{"", []string{"certificate", "remove", tlsURL}, 1, `no certificate is trusted for`},
		{"demo-password\n", []string{"connection", "test", "serviceUrl=" + tlsURL, "--password-stdin"}, 1, `certificate trust ` + regexp.QuoteMeta(tlsURL) + ` --fingerprint ` + regexp.QuoteMeta(fingerprint)},
	}
	run := func(s step) (int, string) {
		cmd := exec.Command(exe, s.args...)
		cmd.Env = append(os.Environ(), "QBSETTINGS_DATA_DIR="+data)
		cmd.Stdin = strings.NewReader(s.stdin)
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), string(out)
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, string(out)
	}
	for _, s := range steps {
		code, out := run(s)
		if code != s.code || !regexp.MustCompile(s.want).MatchString(out) {
			t.Fatalf("qbsettings %q: exit %d, want %d; output:\n%s\nwant it to match %s", s.args, code, s.code, out, s.want)
		}
		if m := regexp.MustCompile(`"id": "(company-[0-9a-f]+)"`).FindStringSubmatch(out); m != nil {
			profileID = m[1]
		}
	}

	// Companies, now that one was added.
	for _, s := range []step{
		{"", []string{"profiles", "rename", profileID, "Summit Ridge Builders LLC"}, 0, `Renamed`},
		{"", []string{"profiles", "list"}, 0, profileID + `\tSummit Ridge Builders LLC`},
		{"", []string{"settings", "get", "--profile", profileID, "--json"}, 0, `"revision": 0`},
		{"", []string{"profiles", "remove", profileID}, 1, `Nothing was removed\. \(Add --yes`},
		{"", []string{"profiles", "remove", profileID, "--yes"}, 0, `Removed ` + profileID},
		{"", []string{"profiles", "remove", profileID, "--yes"}, 1, `there is no company profile`},
		{"", []string{"profiles", "remove", "default", "--yes"}, 1, `only company`},
		{"", []string{"profiles", "rename", "typo", "X"}, 1, `there is no company profile "typo"`},
	} {
		code, out := run(s)
		if code != s.code || !regexp.MustCompile(s.want).MatchString(out) {
			t.Fatalf("qbsettings %q: exit %d, want %d; output:\n%s\nwant it to match %s", s.args, code, s.code, out, s.want)
		}
	}
}
