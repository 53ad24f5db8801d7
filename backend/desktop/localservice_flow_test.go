package desktop

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/localservice"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/internal/qbwcemu"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testkeys"
	"qbsettings/internal/testnet"
)

// ServiceProgramVariable names a built qbservice for the test below, as
// make test-windows gives it under Wine (which has no Go to build one).
const ServiceProgramVariable = "QBSETTINGS_TEST_QBSERVICE"

// The window's whole first run through the QuickBooks service on this
// computer, by the methods the web view calls, against the real service
// program in a data folder of its own: offered, set up (the .qwc opened,
// the password on the clipboard), the Web Connector's first call seen,
// the list refreshed, the item chosen and saved, Connected. Under Wine it
// runs on Windows' own APIs: the keychain, the service started detached,
// its data in %LOCALAPPDATA%.
func TestTheFirstRunThroughTheServiceOnThisComputer(t *testing.T) {
	program := serviceProgram(t)
	home := testdir.New(t)
	// The service's data folder, where it starts by itself: the test's.
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	t.Setenv("LOCALAPPDATA", filepath.Join(home, "local"))
	service := localservice.Service{Program: program, URL: fmt.Sprintf("http://localhost:%d", testnet.FreePort(t))}
	t.Cleanup(func() {
		if out, err := exec.Command(program, "stop").CombinedOutput(); err != nil {
			t.Errorf("qbservice stop: %v\n%s", err, out)
		}
	})
	app, w, _ := newTestAppWith(t, func(svc *appservice.Service, dataDir string) { svc.UseLocalService(service, dataDir) })
	keys := testkeys.Open(t)
	t.Cleanup(func() { _ = keys.Remove(ctx, secrets.Account{Profile: store.DefaultProfile, User: "procore-sync"}) })

	if !app.Local.Offer().Available {
		t.Fatal("the service beside the app is not offered")
	}
	set := app.Local.SetUp()
	if set.Error != "" || set.ServiceURL != service.URL || set.ServiceUser != "procore-sync" || len(w.opened) != 1 || w.opened[0] != set.QWCPath {
		t.Fatalf("setup: %+v, opened %v", set, w.opened)
	}
	// A new company cannot be saved without its item yet: the new
	// password is in the history all the same, as a revision of its own.
	if set.Saved || set.State == nil || set.State.Revision != 1 {
		t.Fatalf("setup's settings: saved %v, state %+v", set.Saved, set.State)
	}
	if msg := app.Local.CopyPassword(); msg != "" || len(w.clipboard) < 32 {
		t.Fatalf("copy: %q (%d characters on the clipboard)", msg, len(w.clipboard))
	}
	if st := app.Local.WebConnector(); st.Error != "" || st.Called {
		t.Fatalf("before the Web Connector: %+v", st)
	}

	// The Web Connector, given the file and the pasted password, on Auto-Run.
	qwcFile, err := os.ReadFile(set.QWCPath)
	if err != nil {
		t.Fatal(err)
	}
	qb := qbwcemu.NewQuickBooks([]qbwcemu.Item{{Kind: "Service", ListID: "80000005-1468535148", Name: "Retainage Payable",
		FullName: "Retainage Payable", IsActive: true, EditSequence: "1"}})
	wc, _, err := qbwcemu.Add(ctx, qwcFile, w.clipboard, qb, nil)
	if err != nil {
		t.Fatalf("the Web Connector refused the file: %v", err)
	}
	runCtx, stopRunning := context.WithCancel(ctx)
	running := make(chan struct{})
	go func() {
		defer close(running)
		for runCtx.Err() == nil {
			_, _ = wc.RunSession(runCtx)
			time.Sleep(100 * time.Millisecond)
		}
	}()
	t.Cleanup(func() { stopRunning(); <-running })
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		st := app.Local.WebConnector()
		if st.Called && strings.HasSuffix(st.CompanyFile, "Summit Ridge Builders.qbw") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the window did not see the Web Connector's first call: %+v", st)
		}
	}

	// The list, the item chosen, saved, Connected.
	loaded := app.Form.Load()
	change := settings.Change{Settings: loaded.State.Settings}
	change.Settings.ServiceURL, change.Settings.ServiceUser = set.ServiceURL, set.ServiceUser
	refreshed := app.Connection.RefreshItems(change)
	ix := app.Connection.ItemIndex()
	if refreshed.Error != "" || refreshed.ItemList.Count != 1 || ix.Names != "Retainage Payable" || ix.Kinds != "S" {
		t.Fatalf("refresh: %+v, the picker's list: %+v", refreshed, ix)
	}
	change.Settings.RetainageItem = settings.ItemRef{ListID: ix.ListIDs, FullName: ix.Names}
	if saved := app.Form.Save(loaded.State.Revision, change); saved.Error != "" || len(saved.FieldErrors) > 0 || saved.State == nil {
		t.Fatalf("save: %+v", saved)
	}
	history := app.History.History()
	if len(history.Entries) != 2 || !changed(history.Entries[1], settings.PasswordChange()) || changed(history.Entries[0], settings.PasswordChange()) {
		t.Fatalf("history: %+v", history)
	}
	tested := app.Connection.TestConnection(change)
	if !tested.Status.Connected || tested.Error != "" {
		t.Fatalf("test: %+v", tested)
	}
	for _, c := range tested.Checks {
		if c.ID == appservice.CheckWebConnector && c.Status != appservice.CheckPass {
			t.Errorf("the Web Connector's line: %+v", c)
		}
	}
}

// changed tells whether entry has the change c.
func changed(entry HistoryEntry, c settings.FieldChange) bool {
	for _, got := range entry.Changes {
		if got == c {
			return true
		}
	}
	return false
}

// serviceProgram is the qbservice to run: the one ServiceProgramVariable
// names, or one built now (not possible under Wine, which must name one).
func serviceProgram(t *testing.T) string {
	t.Helper()
	if p := os.Getenv(ServiceProgramVariable); p != "" {
		return p
	}
	if runtime.GOOS == "windows" {
		t.Fatalf("%s must name a built qbservice.exe (make test-windows does)", ServiceProgramVariable)
	}
	if testing.Short() {
		t.Skip("builds the service's program")
	}
	out := filepath.Join(testdir.New(t), "qbservice")
	cmd := exec.Command("go", "build", "-o", out, "./cmd/qbservice")
	cmd.Dir = filepath.Join("..", "..")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build qbservice: %v\n%s", err, msg)
	}
	return out
}
