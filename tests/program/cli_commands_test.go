package program

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/internal/simulator"
	"qbsettings/internal/simulator/simtest"
	"qbsettings/serviceapi"
)

// Every command of the built executable, with its exit codes, as IT meets
// them: an empty data folder (never one the window prepared), the project's
// simulator on loopback, one step after another.
func TestEveryCommandOnTheBuiltExecutable(t *testing.T) {
	exe := builtExecutable(t)
	data := filepath.Join(t.TempDir(), "data")
	sim, url := simtest.Start(t, simtest.Options())
	_, tlsURL, cert := simtest.StartTLS(t, simtest.Options())
	fingerprint := quickbooks.Fingerprint(cert.Certificate[0])
	file := filepath.Join(t.TempDir(), "settings.json")
	var profileID string
	// changeOnService changes the service's settings as another PC would.
	changeOnService := func(change func(*settings.Settings)) func() {
		return func() {
			c, err := quickbooks.New(quickbooks.Config{BaseURL: url, User: simtest.User, Password: simtest.Password})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			got, err := c.Settings(t.Context())
			if err != nil || got.Settings == nil {
				t.Fatalf("the service's settings: %+v %v", got, err)
			}
			change(got.Settings)
			sim.SetServiceSettings(*got.Settings, serviceapi.AppliedBy{Computer: "OTHER-PC", User: "sam"})
		}
	}

	type step struct {
		stdin  string
		args   []string
		code   int
		want   string // a regular expression that stdout and stderr together match
		before func() // what happens in QuickBooks first, if anything
	}
	steps := []step{
		{"", []string{"--version"}, 0, `^qbsettings 9\.8\.7\n$`, nil},
		{"", []string{"--help"}, 0, `items refresh \[KEY=VALUE\.\.\.\] \[--password-stdin\]`, nil},
		{"", []string{"itmes", "list"}, 2, `"itmes list" is not a command`, nil},
		{"", []string{"items"}, 2, `Did you mean one of:\n  qbsettings items refresh`, nil},
		{"", []string{"settings", "get", "--bogus"}, 2, `flag provided but not defined: -bogus\nUsage: qbsettings settings get \[--from-service\] \[--profile ID\] \[--json\]`, nil},
		{"", []string{"profiles", "list", "--profile", "x"}, 2, `not defined: -profile`, nil},
		{"", []string{"settings", "get", "--json"}, 0, `"revision": 0`, nil},
		{"", []string{"settings", "get", "--profile", "typo"}, 1, `there is no company profile "typo"`, nil},
		{"", []string{"settings", "set", "vendorUpdates=none"}, 1, `Service URL: Enter the address(?s:.*)Service Password: No password is stored for this Service User\. Give it as one line on standard input with --password-stdin\.(?s:.*)Invoice Retainage Item: The stored item list is empty(?s:.*)qbsettings items refresh(?s:.*)Nothing was saved\.`, nil},
		{"", []string{"settings", "set", "paint=blue"}, 2, `unknown key "paint"; the keys are serviceUrl, serviceUser`, nil},
		{"", []string{"settings", "set", "serviceUrl"}, 2, `"serviceUrl" is not KEY=VALUE`, nil},
		{"", []string{"settings", "set"}, 2, `needs KEY=VALUE pairs`, nil},
		{"wrong\n", []string{"connection", "test", "serviceUrl=" + url, "serviceUser=demo", "--password-stdin"}, 1, `Not Connected\. The QuickBooks service did not accept(?s:.*)--password-stdin`, nil},
		{"", []string{"connection", "test", "serviceUrl=" + url, "serviceUser=demo", "--password-stdin"}, 1, `no password on standard input`, nil},
		{"demo-password\n", []string{"connection", "test", "serviceUrl=" + url, "serviceUser=demo", "--password-stdin", "--json"}, 0, `"connected": true`, nil},
		{"demo-password\n", []string{"items", "refresh", "serviceUrl=" + url, "serviceUser=demo", "--password-stdin"}, 0, `refreshed from QuickBooks: \d+ items`, nil},
		{"", []string{"items", "list", "--search", "retainage", "--json"}, 0, `"fullName": "Retainage Payable"`, nil},
		{"", []string{"items", "list"}, 0, `Retainage Payable\tService\tactive`, nil},
		{"", []string{"settings", "set", "retainageItem=Nope"}, 1, `no item "Nope" in the stored item list\. Run qbsettings items refresh`, nil},
		{"demo-password\n", []string{"settings", "set", "serviceUrl=" + url, "serviceUser=demo", "retainageItem=Retainage Payable", "--password-stdin"}, 0, `^Saved revision 1\.\nIn effect on the QuickBooks service since .*\. The sync runs with the settings saved on this computer\.\n$`, nil},
		{"", []string{"items", "create", "Retainage Payable"}, 1, `already has an item with that name(?s:.*)Nothing was created\.`, nil},
		{"", []string{"items", "create", "Retainage:Held"}, 1, `cannot contain one`, nil},
		{"", []string{"items", "create"}, 2, `needs the new item's NAME`, nil},
		{"demo-password\n", []string{"items", "create", "Retention Held", "serviceUrl=" + url, "serviceUser=demo", "--password-stdin", "--json"}, 0, `"fullName": "Retention Held"`, nil},
		{"", []string{"items", "list", "--search", "retention held"}, 0, `\tRetention Held\tService\tactive`, nil},
		{"", []string{"connection", "test"}, 0, `^Connected\. Company file .*Summit Ridge Builders\.qbw`, nil},
		{"", []string{"connection", "test"}, 0, `\[ok\]   retainageItem: The Invoice Retainage Item "Retainage Payable" is an active Service item\.`, nil},
		{"", []string{"connection", "test", "--json"}, 0, `"id": "fileMode",\s*"label": "File mode",\s*"status": "pass"(?s:.*)"id": "retainageItem",\s*"label": "Invoice Retainage Item",\s*"status": "pass"`, nil},
		{"", []string{"connection", "test"}, 1, `The service has Other Co\.qbw open, but these settings belong to Summit Ridge Builders\.qbw\.(?s:.*)run: qbsettings connection rebind(?s:.*)\[fail\] companyFile`,
			func() { sim.OpenCompanyFile(simulator.OtherCompany) }},
		{"", []string{"items", "refresh"}, 1, `The stored item list was not changed`, nil},
		{"", []string{"connection", "rebind"}, 0, `now belong to the company file Other Co\.qbw`, nil},
		{"", []string{"connection", "test"}, 0, `^Connected\.`, nil},
		{"", []string{"connection", "rebind"}, 0, `Summit Ridge Builders\.qbw`, func() { sim.OpenCompanyFile(simulator.SummitRidge) }},
		{"", []string{"settings", "set", "vendorUpdates=none", "useProcoreContractNumber=yes"}, 0, `^Saved revision 2\.\nIn effect on the QuickBooks service since`, nil},
		{"", []string{"settings", "get", "--from-service"}, 0, `Use Procore Contract #: On\n(?s:.*)Vendors will be Automatically Updated: Do Not Update Vendors\n(?s:.*)Applied: .* by `, nil},
		{"", []string{"connection", "test"}, 0, `\[ok\]   settings: The service runs the sync with the settings saved on this computer\.`, nil},
		{"", []string{"settings", "set", "hideJobToDateCosts=perhaps"}, 1, `"perhaps" is not a value of hideJobToDateCosts: use true or false`, nil},
		{"", []string{"settings", "set", "serviceUser=someone-else"}, 1, `No password is stored for this Service User\. Give it`, nil},
		{"new-password\n", []string{"password", "set"}, 0, `The password is stored in the keychain \(revision 3\)`, nil},
		{"", []string{"password", "set"}, 1, `no password on standard input`, nil},
		{"", []string{"password", "set", "secret"}, 2, `not as an argument`, nil},
		{"", []string{"connection", "test"}, 1, `did not accept the Service User and Service Password`, nil},
		{"demo-password\n", []string{"password", "set"}, 0, `revision 4`, nil},
		{"", []string{"history", "--json"}, 0, `"revision": 4`, nil},
		{"", []string{"history"}, 0, `Revision 1, .*\n(?s:.*)Service Password: password changed`, nil},
		{"", []string{"settings", "export", file}, 0, `without the password`, nil},
		{"", []string{"settings", "validate", file}, 0, `The file is valid\.\nNothing would change\.`, nil},
		{"", []string{"settings", "import", file, "--yes"}, 0, `Nothing would change\.`, nil},
		{"", []string{"settings", "import"}, 2, `needs one FILE`, nil},
		// The settings on the service: changed elsewhere, taken; kept; a
		// service that cannot take them; one that is busy.
		{"", []string{"settings", "apply"}, 0, `^In effect on the QuickBooks service since`, nil},
		{"", []string{"connection", "test"}, 0, `\[fail\] settings: .*changed on OTHER-PC by sam(?s:.*)--keep-local`, changeOnService(func(s *settings.Settings) { s.UseProcoreContractNumber = false })},
		{"", []string{"settings", "apply"}, 1, `Changed on the QuickBooks service from somewhere else\. .*changed on OTHER-PC by sam(?s:.*)--keep-local(?s:.*)Differences \(this computer → the QuickBooks service\):\n  Use Procore Contract #: On → Off\n$`, nil},
		{"", []string{"settings", "apply", "--keep-local", "--take-service"}, 2, `not both`, nil},
		{"", []string{"settings", "apply", "--take-service", "--json"}, 0, `"status": "inEffect"(?s:.*)"taken": true,\s*"revision": 5`, nil},
		{"", []string{"history"}, 0, `^Revision 5, .*\n  Taken from the QuickBooks service, as applied on OTHER-PC by sam\.\n  Use Procore Contract #: On → Off\n`, nil},
		{"", []string{"settings", "set", "useProcoreContractNumber=yes"}, 0, `Saved revision 6\.\nChanged on the QuickBooks service from somewhere else`, changeOnService(func(s *settings.Settings) { s.AutoAddNewCostCodes = true })},
		{"", []string{"settings", "apply", "--keep-local"}, 0, `^In effect on the QuickBooks service since`, nil},
		{"", []string{"settings", "get", "--from-service", "--json"}, 0, `"useProcoreContractNumber": true,\s*"autoAddNewCostCodes": false`, nil},
		{"", []string{"settings", "set", "autoAddNewCostCodes=yes"}, 0, `Saved revision 7\.\nSaved on this computer, not yet on the QuickBooks service\. The QuickBooks service ran into a problem(?s:.*)Then run: qbsettings settings apply`,
			func() { sim.SetFault(simulator.FaultServerError) }},
		{"", []string{"settings", "get"}, 0, `On the QuickBooks service: Saved on this computer, not yet on the QuickBooks service`, nil},
		{"", []string{"settings", "apply", "--json"}, 0, `"status": "inEffect"`, func() { sim.SetFault(simulator.FaultNone) }},
		{"", []string{"settings", "apply"}, 1, `^Kept on this computer only\. This QuickBooks service does not take`, func() { sim.SetCapabilities([]string{}) }},
		{"", []string{"settings", "get", "--from-service"}, 1, `kept on this computer only`, nil},
		{"", []string{"settings", "apply"}, 0, `^In effect`, func() { sim.SetCapabilities(simulator.DefaultCapabilities) }},
		{"", []string{"profiles", "add", "Summit Ridge Builders", "--json"}, 0, `"id": "company-[0-9a-f]+"`, nil},
		{"", []string{"profiles", "add", "summit ridge builders"}, 1, `already a company named "Summit Ridge Builders"`, nil},
		{"", []string{"profiles", "add"}, 2, `needs the company's NAME`, nil},
		{"", []string{"certificate", "show", tlsURL}, 0, `SHA-256 fingerprint: ` + regexp.QuoteMeta(fingerprint) + `\nThis computer does not trust it`, nil},
		{"", []string{"certificate", "show", tlsURL, "--json"}, 0, `"trustedBySystem": false`, nil},
		{"", []string{"certificate", "show", "http://127.0.0.1:1"}, 1, `is not an https:// address`, nil},
		{"", []string{"certificate", "show", "https://qb\u200bserver"}, 1, `Service URL: The Service URL contains a hidden character`, nil},
		{"", []string{"certificate", "trust", tlsURL}, 2, `needs --fingerprint`, nil},
		{"", []string{"certificate", "trust", tlsURL, "--fingerprint", strings.Repeat("AB:", 31) + "AB"}, 1, `not ` + strings.Repeat("AB:", 31) + `AB, so nothing was trusted`, nil},
		{"", []string{"certificate", "trust", tlsURL, "--fingerprint", "nonsense"}, 1, `not a SHA-256 fingerprint`, nil},
		{"", []string{"certificate", "trust", tlsURL, "--fingerprint", strings.ToLower(strings.ReplaceAll(fingerprint, ":", ""))}, 0, `Trusted the certificate ` + regexp.QuoteMeta(fingerprint), nil},
		{"", []string{"certificate", "list", "--json"}, 0, `"fingerprint": "` + regexp.QuoteMeta(fingerprint) + `"`, nil},
		{"demo-password\n", []string{"connection", "test", "serviceUrl=" + tlsURL, "--password-stdin"}, 0, `^Connected\.`, nil},
		{"", []string{"certificate", "remove", tlsURL}, 0, `No longer trusting`, nil},
		{"", []string{"certificate", "remove", tlsURL}, 1, `no certificate is trusted for`, nil},
		{"demo-password\n", []string{"connection", "test", "serviceUrl=" + tlsURL, "--password-stdin"}, 1, `certificate trust ` + regexp.QuoteMeta(tlsURL) + ` --fingerprint ` + regexp.QuoteMeta(fingerprint), nil},
	}
	run := func(s step) (int, string) {
		return runExe(t, exe, []string{"QBSETTINGS_DATA_DIR=" + data}, s.stdin, s.args...)
	}
	for _, s := range steps {
		if s.before != nil {
			s.before()
		}
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
		{"", []string{"profiles", "rename", profileID, "Summit Ridge Builders LLC"}, 0, `Renamed`, nil},
		{"", []string{"profiles", "list"}, 0, profileID + `\tSummit Ridge Builders LLC`, nil},
		{"", []string{"settings", "get", "--profile", profileID, "--json"}, 0, `"revision": 0`, nil},
		{"", []string{"profiles", "remove", profileID}, 1, `Nothing was removed\. \(Add --yes`, nil},
		{"", []string{"profiles", "remove", profileID, "--yes"}, 0, `Removed ` + profileID, nil},
		{"", []string{"profiles", "remove", profileID, "--yes"}, 1, `there is no company profile`, nil},
		{"", []string{"profiles", "remove", "default", "--yes"}, 1, `only company`, nil},
		{"", []string{"profiles", "rename", "typo", "X"}, 1, `there is no company profile "typo"`, nil},
	} {
		code, out := run(s)
		if code != s.code || !regexp.MustCompile(s.want).MatchString(out) {
			t.Fatalf("qbsettings %q: exit %d, want %d; output:\n%s\nwant it to match %s", s.args, code, s.code, out, s.want)
		}
	}
}
