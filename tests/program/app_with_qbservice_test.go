package program

import (
	"fmt"
	"path/filepath"
	"regexp"
	"testing"

	"qbsettings/internal/qbwcemu"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testnet"
	"qbsettings/qbservice/qwc"
)

// The app, unchanged, against the real QuickBooks service: the built
// command line connects, refreshes the items and applies its settings
// through the built service, while the Web Connector (emulated, on
// Auto-Run) calls the service on its schedule and QuickBooks answers.
func TestAppAgainstTheQuickBooksService(t *testing.T) {
	app, service := builtExecutable(t), builtService(t)
	data := testdir.New(t)
	const password = "correct horse battery staple"
	if code, out := runExe(t, service, nil, password+"\n", "account", "set", "-data", filepath.Join(data, "service"), "procore-sync"); code != 0 {
		t.Fatalf("account set: %d %q", code, out)
	}
	port := testnet.FreePort(t)
	serveService(t, service, filepath.Join(data, "service"), port)
	url := fmt.Sprintf("http://localhost:%d", port)

	qb := qbwcemu.NewQuickBooks([]qbwcemu.Item{
		{Kind: "Service", ListID: "80000005-1468535148", Name: "Retainage Payable", FullName: "Retainage Payable", IsActive: true, EditSequence: "1"},
		{Kind: "Service", ListID: "8000000F-1468535148", Name: "03 Concrete", FullName: "03 Concrete", IsActive: true, EditSequence: "1"},
		{Kind: "Service", ListID: "80000010-1468535148", Name: "03.30 Cast-in-Place", FullName: "03 Concrete:03.30 Cast-in-Place", IsActive: true, EditSequence: "1"},
		{Kind: "OtherCharge", ListID: "80000011-1468535148", Name: "Freight", FullName: "Freight", IsActive: true, EditSequence: "1"},
	})
	wc := &qbwcemu.WebConnector{AppURL: url + "/qbwc", UserName: "procore-sync", Password: password, OwnerID: qwc.OwnerID,
		FileID: qwc.NewFileID(), QuickBooks: qb}
	autoRun(t, wc) // Auto-Run: a session every 300 ms

	env := []string{"QBSETTINGS_DATA_DIR=" + filepath.Join(data, "app")}
	for _, s := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{password + "\n", []string{"connection", "test", "serviceUrl=" + url, "serviceUser=procore-sync", "--password-stdin"},
			`^Connected\. Company file .*Summit Ridge Builders\.qbw in QuickBooks Desktop Premier Contractor Edition 2024\.`},
		{password + "\n", []string{"items", "refresh", "serviceUrl=" + url, "serviceUser=procore-sync", "--password-stdin"},
			`refreshed from QuickBooks: 4 items`},
		{"", []string{"items", "list"}, `03 Concrete:03\.30 Cast-in-Place\tService\tactive(?s:.*)Freight\tOtherCharge\tactive`},
		// Queued at the service, made by QuickBooks at the next session.
		{password + "\n", []string{"items", "create", "Retention Held", "serviceUrl=" + url, "serviceUser=procore-sync", "--password-stdin"},
			`^Created the Service item "Retention Held" in QuickBooks \(ListID [0-9A-F]+-\d+\); the item list on this computer was updated \(5 items\)\.\n`},
		{password + "\n", []string{"settings", "set", "serviceUrl=" + url, "serviceUser=procore-sync", "retainageItem=Retainage Payable", "--password-stdin"},
			`^Saved revision 1\.\nKept on the QuickBooks service since .*\. The QuickBooks service keeps the settings saved on this computer\. It does not run the sync with Procore yet; they take effect when it does\.\n$`},
		{"", []string{"settings", "get", "--from-service"}, `Invoice Retainage Item: Retainage Payable\n`},
		{"", []string{"connection", "test"}, `\[ok\]   companyFile: (?s:.*)\[ok\]   settings: The service keeps the settings saved on this computer\. It does not run the sync with Procore yet\.`},
	} {
		code, out := runExe(t, app, env, s.stdin, s.args...)
		if code != 0 || !regexp.MustCompile(s.want).MatchString(out) {
			t.Fatalf("qbsettings %v: exit %d\n%s\nwant %s", s.args, code, out, s.want)
		}
	}
	// The same name again, in other case: QuickBooks' 3100, refused by the
	// service from its list, exit 1.
	code, out := runExe(t, app, env, password+"\n", "items", "create", "retention HELD", "serviceUrl="+url, "serviceUser=procore-sync", "--password-stdin")
	if code != 1 || !regexp.MustCompile(`(?i)already`).MatchString(out) {
		t.Fatalf("the same name again: exit %d\n%s", code, out)
	}
}
