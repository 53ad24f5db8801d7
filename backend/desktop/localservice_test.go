package desktop

import (
	"strings"
	"testing"

	"qbsettings/backend/secrets"
	"qbsettings/backend/store"
	"qbsettings/internal/testkeys"
)

// Without the service beside the app nothing is offered, and a setup asked
// for anyway says why; the password is copied to the clipboard, never
// returned to the web view, and only once one is kept.
func TestTheServiceOnThisComputerFromTheWindow(t *testing.T) {
	app, w, _ := newTestApp(t)
	if app.Local.Offer().Available {
		t.Fatal("offered without the service beside the app")
	}
	if r := app.Local.SetUp(); !strings.Contains(r.Error, "The QuickBooks service is not installed on this computer") || len(w.opened) != 0 {
		t.Fatalf("setup without the service: %+v, opened %v", r, w.opened)
	}
	if msg := app.Local.CopyPassword(); !strings.Contains(msg, "No password for the QuickBooks service on this computer") || w.clipboard != "" {
		t.Fatalf("copy with no password kept: %q, clipboard %q", msg, w.clipboard)
	}
	keys := testkeys.Open(t)
	account := secrets.Account{Profile: store.DefaultProfile, User: "procore-sync"}
	const password = "kept-for-the-web-connector-1207"
	if err := keys.Set(ctx, account, password); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = keys.Remove(ctx, account) })
	if msg := app.Local.CopyPassword(); msg != "" || w.clipboard != password {
		t.Fatalf("copy: %q, clipboard %q", msg, w.clipboard)
	}
	if st := app.Local.WebConnector(); !strings.Contains(st.Error, "not installed") || st.Called {
		t.Fatalf("the Web Connector's state without the service: %+v", st)
	}
}
