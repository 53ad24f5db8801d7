package desktop

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"

	"qbsettings/backend/appservice"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testkeys"
)

// fakeWindow records what the app asked of the window.
type fakeWindow struct {
	events   []Event
	quits    int
	shows    int
	savePath string // what the save dialog answers
	// What the app put on the clipboard, and the files it opened.
	clipboard string
	opened    []string
}

func (w *fakeWindow) EventsEmit(_ context.Context, name Event, _ ...any) {
	w.events = append(w.events, name)
}
func (w *fakeWindow) Quit(context.Context) { w.quits++ }
func (w *fakeWindow) Show(context.Context) { w.shows++ }
func (w *fakeWindow) SaveFileDialog(context.Context, string) (string, error) {
	return w.savePath, nil
}
func (w *fakeWindow) ClipboardSetText(_ context.Context, text string) error {
	w.clipboard = text
	return nil
}
func (w *fakeWindow) OpenFile(path string) error {
	w.opened = append(w.opened, path)
	return nil
}

var ctx = context.Background()

// newTestApp wires the window's services as the app does, on a real
// database in a temporary folder and the real keychain.
func newTestApp(t *testing.T) (*Services, *fakeWindow, *store.Store) {
	t.Helper()
	keys := testkeys.Open(t)
	t.Cleanup(func() {
		for _, user := range []string{"demo", ""} {
			keys.Remove(ctx, secrets.Account{Profile: store.DefaultProfile, User: user})
		}
	})
	return newTestAppWith(t, nil)
}

// newTestAppWith is newTestApp with the app service changed first by
// change, when not nil (given the app's data folder).
func newTestAppWith(t *testing.T, change func(svc *appservice.Service, dataDir string)) (*Services, *fakeWindow, *store.Store) {
	t.Helper()
	dir := testdir.New(t)
	st, err := store.Open(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	keys := testkeys.Open(t)
	log := slog.New(slog.DiscardHandler)
	svc := appservice.New(st, func(context.Context) (appservice.Passwords, error) { return keys, nil }, log)
	if change != nil {
		change(svc, dir)
	}
	w := &fakeWindow{}
	// Opened beside the window's start, as the app does.
	open := func() Opened { return Opened{Service: svc, Profile: store.DefaultProfile} }
	app := New(Config{Open: open, DataDir: dir, Log: log, Runtime: w})
	app.Startup(ctx)
	return app, w, st
}

// The window shows while the database opens: a call from the page waits
// for it, then is served; an opening that failed is said by every call.
func TestCallsWaitForTheDatabase(t *testing.T) {
	dir := testdir.New(t)
	release := make(chan struct{})
	log := slog.New(slog.DiscardHandler)
	app := New(Config{Log: log, Runtime: &fakeWindow{}, DataDir: dir, Open: func() Opened {
		<-release
		st, err := store.Open(filepath.Join(dir, store.FileName))
		if err != nil {
			return Opened{Problem: err.Error()}
		}
		t.Cleanup(func() { st.Close() })
		keys := testkeys.Open(t)
		return Opened{Service: appservice.New(st, func(context.Context) (appservice.Passwords, error) { return keys, nil }, log)}
	}})
	loaded := make(chan LoadResult, 1)
	go func() { loaded <- app.Form.Load() }()
	select {
	case res := <-loaded:
		t.Fatalf("Load answered before the database was open: %+v", res)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	if res := <-loaded; res.Error != "" || res.State == nil || res.State.Revision != 0 {
		t.Fatalf("Load after the opening: %+v", res)
	}
	app.Opened()

	const problem = "The settings file could not be opened."
	failed := New(Config{Log: log, Runtime: &fakeWindow{}, Open: func() Opened { return Opened{Problem: problem} }})
	if res := failed.Form.Load(); res.Error != problem || res.State != nil {
		t.Fatalf("Load: %+v", res)
	}
	if msg := failed.Local.CopyPassword(); msg != problem {
		t.Fatalf("CopyPassword: %q", msg)
	}
}

func TestLoadSaveRoundTrip(t *testing.T) {
	app, _, st := newTestApp(t)
	item := settings.Item{ListID: "80000005-1468535148", FullName: "Retainage Payable", Type: "Service", IsActive: true}
	if err := st.ReplaceItems(ctx, store.DefaultProfile, []settings.Item{item}, time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	first := app.Form.Load()
	if first.Error != "" || first.State.Revision != 0 || first.State.PasswordStored || first.State.ItemList.Count != 1 || !first.State.ItemList.HasRetainage {
		t.Fatalf("first load: %+v", first)
	}

	in := settings.Change{Settings: first.State.Settings, ChangePassword: true, Password: "pw"}
	in.Settings.ServiceURL = "http://localhost:8765"
	in.Settings.ServiceUser = "demo"
	in.Settings.DirectCostColumn = settings.DirectCostEditable
	in.Settings.HideJobToDateCosts = true
	in.Settings.RetainageItem = settings.ItemRef{ListID: item.ListID, FullName: item.FullName}
	if errs := app.Form.Validate(in); len(errs) != 0 {
		t.Fatalf("Validate: %v", errs)
	}
	res := app.Form.Save(0, in)
	if res.Error != "" || len(res.FieldErrors) != 0 {
		t.Fatalf("Save: %+v", res)
	}
	got := res.State
	if got.Settings != in.Settings || got.Revision != 1 || !got.PasswordStored || got.SavedAt == "" {
		t.Fatalf("saved state: %+v", got)
	}
	if again := app.Form.Load().State; again.Settings != in.Settings {
		t.Fatalf("reload: %+v", again.Settings)
	}

	if rev := app.Form.StoredRevision(); rev != 1 {
		t.Fatalf("StoredRevision = %d, want 1", rev)
	}
	stale := app.Form.Save(0, settings.Change{Settings: in.Settings})
	if !stale.Conflict || stale.Error == "" {
		t.Fatalf("stale save: %+v", stale)
	}
}

func TestSaveReportsFieldErrorsAsData(t *testing.T) {
	app, _, _ := newTestApp(t)
	res := app.Form.Save(0, settings.Change{Settings: settings.Settings{ServiceURL: "http://qbserver"}})
	fields := map[settings.Field]bool{}
	for _, e := range res.FieldErrors {
		fields[e.Field] = true
	}
	for _, f := range []settings.Field{settings.FieldServiceURL, settings.FieldServiceUser, settings.FieldPassword, settings.FieldRetainageItem} {
		if !fields[f] {
			t.Errorf("no error for %s in %+v", f, res.FieldErrors)
		}
	}
}

func TestCloseAsksOnlyWithUnsavedChanges(t *testing.T) {
	app, w, _ := newTestApp(t)
	if app.BeforeClose(ctx) {
		t.Fatal("a clean form kept the window open")
	}
	app.Form.SetDirty(true)
	if !app.BeforeClose(ctx) || len(w.events) != 1 || w.events[0] != EventCloseRequested {
		t.Fatalf("dirty close: events %v", w.events)
	}
	app.Form.ConfirmClose()
	if w.quits != 1 || app.BeforeClose(ctx) {
		t.Fatal("the window stayed open after the user chose to close")
	}
}

func TestSecondInstanceShowsWindow(t *testing.T) {
	app, w, _ := newTestApp(t)
	app.SecondInstance(options.SecondInstanceData{})
	if w.shows != 1 {
		t.Fatal("the window was not brought to the front")
	}
}

func TestUnopenedDatabaseExplainsItself(t *testing.T) {
	const problem = "The settings file could not be opened."
	app := New(Config{Problem: problem, Log: slog.New(slog.DiscardHandler), Runtime: &fakeWindow{}})
	if res := app.Form.Load(); res.Error != problem || res.State != nil {
		t.Fatalf("Load: %+v", res)
	}
	if res := app.Form.Save(0, settings.Change{}); res.Error != problem {
		t.Fatalf("Save: %+v", res)
	}
	if res := app.Connection.TestConnection(settings.Change{}); res.Error != problem {
		t.Fatalf("TestConnection: %+v", res)
	}
	if errs := app.Form.Validate(settings.Change{}); errs == nil || len(errs) != 0 {
		t.Fatalf("Validate: %v, want no field errors", errs)
	}
	if rev := app.Form.StoredRevision(); rev != -1 {
		t.Fatalf("StoredRevision: %d", rev)
	}
	if info := app.Language.Locale(); info.InUse == "" || info.Error != "" {
		t.Fatalf("Locale: %+v, want the system's English", info)
	}
}

func TestHistoryThroughTheApp(t *testing.T) {
	app, _, st := newTestApp(t)
	item := settings.Item{ListID: "80000005-1468535148", FullName: "Retainage Payable", Type: "Service", IsActive: true}
	st.ReplaceItems(ctx, store.DefaultProfile, []settings.Item{item}, time.Now(), "")
	in := settings.Change{Settings: app.Form.Load().State.Settings, ChangePassword: true, Password: "pw"}
	in.Settings.ServiceURL, in.Settings.ServiceUser = "http://localhost:8765", "demo"
	in.Settings.RetainageItem = settings.ItemRef{ListID: item.ListID, FullName: item.FullName}
	if res := app.Form.Save(0, in); res.Error != "" || len(res.FieldErrors) > 0 {
		t.Fatalf("save: %+v", res)
	}
	in.ChangePassword = false
	in.Settings.UseProcoreContractNumber = true
	if res := app.Form.Save(1, in); res.Error != "" {
		t.Fatalf("second save: %+v", res)
	}
	h := app.History.History()
	if h.Error != "" || len(h.Entries) != 2 || h.Entries[0].Revision != 2 || h.Entries[0].SavedBy == "" {
		t.Fatalf("history: %+v", h)
	}
	if c := h.Entries[0].Changes; len(c) != 1 || c[0].Label != "Use Procore Contract #" || c[0].Old != "Off" || c[0].New != "On" {
		t.Fatalf("changes of revision 2: %+v", c)
	}
	if h.Entries[1].Settings.UseProcoreContractNumber {
		t.Fatal("revision 1's settings carry revision 2's change")
	}
}

// The page's time of the first form on screen is logged with how long
// after the process began it came; nonsense from the page is not.
func TestFormShownIsLoggedWithTheTimeSinceStart(t *testing.T) {
	app, _, _ := newTestApp(t)
	var logged bytes.Buffer
	app.shell.log = slog.New(slog.NewTextHandler(&logged, nil))
	at := processStarted.Add(312 * time.Millisecond)
	// The page's clock counts whole milliseconds here.
	after := time.UnixMilli(at.UnixMilli()).Sub(processStarted).Round(time.Millisecond)
	app.Form.FormShown(float64(at.UnixMilli()))
	app.Form.FormShown(math.NaN())
	app.Form.FormShown(-1)
	lines := strings.Split(strings.TrimSpace(logged.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], `msg="form on screen"`) ||
		!strings.Contains(lines[0], fmt.Sprintf("unixMs=%d", at.UnixMilli())) || !strings.Contains(lines[0], "afterStart="+after.String()) || after < 311*time.Millisecond {
		t.Fatalf("logged %q", logged.String())
	}
}
