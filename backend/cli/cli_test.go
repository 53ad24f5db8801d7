package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/internal/simulator/simtest"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testkeys"
)

var ctx = context.Background()

// world is a data folder with a real database, the real keychain and a
// simulator started when first reached, with a profile of the test's own.
type world struct {
	t       *testing.T
	dir     string
	store   *store.Store
	service *appservice.Service
	profile string
	simURL  string
}

func newWorld(t *testing.T) *world {
	t.Helper()
	keys := testkeys.Open(t)
	w := &world{t: t, dir: testdir.New(t), profile: "cli-" + t.Name()}
	var err error
	if w.store, err = store.Open(filepath.Join(w.dir, store.FileName)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.store.Close(); keys.Remove(ctx, secrets.Account{Profile: w.profile, User: "demo"}) })
	w.store.CreateProfile(ctx, w.profile, "CLI test company")
	w.service = appservice.New(w.store, func(context.Context) (appservice.Passwords, error) { return keys, nil }, slog.New(slog.DiscardHandler))
	return w
}

// serviceURL starts the world's QuickBooks service (the simulator) on
// first use: a test that never reaches it starts none.
func (w *world) serviceURL() string {
	if w.simURL == "" {
		_, w.simURL = simtest.Start(w.t, simtest.Options())
	}
	return w.simURL
}

// run runs a command line and returns its exit code and output.
func (w *world) run(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Version: "1.2.3",
		Open: func() (Backend, func(), error) { return Backend{Service: w.service}, func() {}, nil }}
	if cmd, _ := find(args); cmd != nil && cmd.takes("profile") {
		args = append(args, "--profile", w.profile)
	}
	code := Run(ctx, args, env)
	return code, out.String(), errOut.String()
}

func (w *world) mustRun(stdin string, args ...string) string {
	w.t.Helper()
	code, out, errOut := w.run(stdin, args...)
	if code != OK {
		w.t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
	}
	return out
}

// setUp takes the profile to valid settings with a stored password.
func (w *world) setUp() {
	w.t.Helper()
	w.store.ReplaceItems(ctx, w.profile, []settings.Item{{ListID: "80000005-1", FullName: "Retainage Payable", Type: "Service", IsActive: true}}, time.Now(), "")
	code, _, errOut := w.run("", "settings", "set", "serviceUrl="+w.serviceURL(), "serviceUser=demo", "retainageItem=Retainage Payable")
	if code != Failed || !strings.Contains(errOut, "Service Password: No password is stored for this Service User. Give it as one line on standard input with --password-stdin.") ||
		!strings.Contains(errOut, "Nothing was saved") {
		w.t.Fatalf("set without a password: %d %s", code, errOut)
	}
	w.mustRun("demo-password\n", "settings", "set", "serviceUrl="+w.serviceURL(), "serviceUser=demo", "retainageItem=Retainage Payable", "--password-stdin")
}

func TestVersionAndHelp(t *testing.T) {
	var out bytes.Buffer
	if code := Run(ctx, []string{"--version"}, Env{Stdout: &out, Version: "1.2.3"}); code != OK || out.String() != "qbsettings 1.2.3\n" {
		t.Fatalf("--version: %d %q", code, out.String())
	}
	out.Reset()
	if code := Run(ctx, []string{"--help"}, Env{Stdout: &out}); code != OK || !strings.Contains(out.String(), "settings import FILE") {
		t.Fatalf("--help: %d %q", code, out.String())
	}
	out.Reset()
	if code := Run(ctx, []string{"settings", "set", "--help"}, Env{Stdout: &out}); code != OK || !strings.Contains(out.String(), "KEY=VALUE") ||
		!strings.Contains(out.String(), "vendorUpdates: Vendors will be Automatically Updated: automatic (Automatically Update Vendors when Refreshing the Vendor List) or none (Do Not Update Vendors)") {
		t.Fatalf("settings set --help: %d %q", code, out.String())
	}
	var errOut bytes.Buffer
	if code := Run(ctx, []string{"frobnicate"}, Env{Stdout: &out, Stderr: &errOut}); code != Misused {
		t.Fatalf("unknown command: %d", code)
	}
	for _, args := range [][]string{nil, {"-assetdir", "/tmp/x"}, {"-loglevel=debug"}} {
		if !OpensWindow(args) {
			t.Errorf("%q does not open the window", args)
		}
	}
	// Anything else is the command line's, typing mistakes included: a
	// script gets a usage error, never a window that waits.
	for _, args := range [][]string{{"settings"}, {"itmes", "list"}, {"--verbose"}, {"-assetdir", "x", "settings"}} {
		if OpensWindow(args) {
			t.Errorf("%q opens the window", args)
		}
		var out, errOut bytes.Buffer
		if code := Run(ctx, args, Env{Stdout: &out, Stderr: &errOut}); code != Misused || !strings.Contains(errOut.String(), "qbsettings --help") {
			t.Errorf("%q: exit %d, %q", args, code, errOut.String())
		}
	}
}

func TestSetGetAndHistory(t *testing.T) {
	w := newWorld(t)
	w.setUp()
	out := w.mustRun("", "settings", "set", "vendorUpdates=none", "useProcoreContractNumber=yes")
	if !strings.Contains(out, "Saved revision 2") {
		t.Fatalf("set: %q", out)
	}
	var got SettingsJSON
	if err := json.Unmarshal([]byte(w.mustRun("", "settings", "get", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if got.Revision != 2 || !got.PasswordStored || got.Settings.VendorUpdates != settings.VendorUpdatesNone || !got.Settings.UseProcoreContractNumber {
		t.Fatalf("get --json: %+v", got)
	}
	// What each setting does to the next sync, as the window says it.
	if e := got.Effects[settings.FieldUseProcoreContractNumber]; !strings.Contains(e.Text, "becomes PO SC-0001-EAS") || len(got.Effects) != 6 {
		t.Fatalf("effects: %+v", got.Effects)
	}
	if out := w.mustRun("", "settings", "get"); !strings.Contains(out, "Vendors will be Automatically Updated: Do Not Update Vendors\n\tRefresh Vendors List: a vendor changed in QuickBooks stays as it was in Procore.") {
		t.Fatalf("get: %q", out)
	}
	// All or nothing: one bad pair stops the good one.
	code, _, errOut := w.run("", "settings", "set", "serviceUser=someone", "serviceUrl=http://qbserver")
	if code != Failed || !strings.Contains(errOut, "Service URL: Use https://") {
		t.Fatalf("bad set: %d %s", code, errOut)
	}
	if code, _, errOut := w.run("", "settings", "set", "paint=blue"); code != Misused || strings.Contains(errOut, "did you mean") {
		t.Fatalf("unknown key: %d %s", code, errOut)
	}
	// A mistyped key is pointed to the one meant; nothing is saved.
	for typo, meant := range map[string]string{"directCostColum": "directCostColumn", "DirectCostColumn": "directCostColumn",
		"retainageitme": "retainageItem", "vendorUpdate": "vendorUpdates"} {
		code, _, errOut := w.run("", "settings", "set", typo+"=x")
		if code != Misused || !strings.Contains(errOut, "did you mean "+meant+"?") {
			t.Fatalf("%s: %d %s", typo, code, errOut)
		}
	}
	if code, _, _ := w.run("", "settings", "set", "hideJobToDateCosts=maybe"); code != Failed {
		t.Fatalf("bad boolean: %d", code)
	}
	h := w.mustRun("", "history")
	if !strings.Contains(h, "Revision 2") || !strings.Contains(h, "Use Procore Contract #: Off → On") || !strings.Contains(h, "Service Password: password changed") {
		t.Fatalf("history: %q", h)
	}
	var hj []HistoryJSON
	if err := json.Unmarshal([]byte(w.mustRun("", "history", "--json")), &hj); err != nil || len(hj) != 2 || hj[0].Changes[0].Label == "" {
		t.Fatalf("history --json: %+v %v", hj, err)
	}
}

func TestExportValidateImport(t *testing.T) {
	w := newWorld(t)
	w.setUp()
	file := filepath.Join(w.dir, "settings.json")
	w.mustRun("", "settings", "export", file)
	data, _ := os.ReadFile(file)
	if strings.Contains(string(data), "demo-password") {
		t.Fatal("the export holds the password")
	}
	if out := w.mustRun("", "settings", "validate", file); !strings.Contains(out, "The file is valid") || !strings.Contains(out, "Nothing would change") {
		t.Fatalf("validate: %q", out)
	}
	w.mustRun("", "settings", "set", "vendorUpdates=none")
	// Without --yes it asks; "n" keeps everything.
	code, out, _ := w.run("n\n", "settings", "import", file)
	if code != Failed || !strings.Contains(out, "Do Not Update Vendors → Automatically Update Vendors") {
		t.Fatalf("import declined: %d %q", code, out)
	}
	if out := w.mustRun("", "settings", "import", file, "--yes"); !strings.Contains(out, "Imported as revision 3") {
		t.Fatalf("import --yes: %q", out)
	}
	os.WriteFile(file, []byte(`{"format":"qbsettings-settings","formatVersion":7}`), 0o600)
	if code, _, errOut := w.run("", "settings", "validate", file); code != Failed || !strings.Contains(errOut, "newer version") {
		t.Fatalf("newer file: %d %s", code, errOut)
	}
	if code, _, _ := w.run("", "settings", "import"); code != Misused {
		t.Fatalf("import without a file: %d", code)
	}
}

func TestPasswordSetAndConnectionTest(t *testing.T) {
	w := newWorld(t)
	w.setUp()
	if out := w.mustRun("", "connection", "test"); !strings.HasPrefix(out, "Connected.") {
		t.Fatalf("connection test: %q", out)
	}
	w.mustRun("not-the-password\n", "password", "set")
	code, out, _ := w.run("", "connection", "test")
	if code != Failed || !strings.Contains(out, "Not Connected. The QuickBooks service did not accept") {
		t.Fatalf("after a wrong password: %d %q", code, out)
	}
	if code, _, _ := w.run("", "password", "set", "secret-as-argument"); code != Misused {
		t.Fatalf("password as an argument: %d", code)
	}
	if code, _, _ := w.run("", "password", "set"); code != Failed {
		t.Fatalf("no password on stdin: %d", code)
	}
}

func TestProfilesList(t *testing.T) {
	w := newWorld(t)
	out := w.mustRun("", "profiles", "list")
	if !strings.Contains(out, "default\tMy company") || !strings.Contains(out, w.profile+"\tCLI test company") {
		t.Fatalf("profiles list: %q", out)
	}
}

// A --profile that names no company fails the same way for every command,
// with exit code 1, saying what to run, and changes nothing.
func TestUnknownProfileFailsClearlyEverywhere(t *testing.T) {
	w := newWorld(t)
	w.setUp()
	file := filepath.Join(w.dir, "export.json")
	w.mustRun("", "settings", "export", file)
	for _, args := range [][]string{
		{"settings", "get"}, {"settings", "get", "--json"}, {"settings", "set", "vendorUpdates=none"},
		{"settings", "export", "-"}, {"settings", "import", file, "--yes"}, {"settings", "validate", file},
		{"password", "set"}, {"connection", "test"}, {"history"}, {"history", "--json"},
	} {
		var out, errOut bytes.Buffer
		env := Env{Stdin: strings.NewReader("new-password\n"), Stdout: &out, Stderr: &errOut,
			Open: func() (Backend, func(), error) { return Backend{Service: w.service}, func() {}, nil }}
		code := Run(ctx, append(args, "--profile", "typo"), env)
		if code != Failed || !strings.Contains(errOut.String(), `there is no company profile "typo"`) ||
			!strings.Contains(errOut.String(), "qbsettings profiles list") || out.Len() != 0 {
			t.Errorf("%v --profile typo: exit %d, stdout %q, stderr %q", args, code, out.String(), errOut.String())
		}
	}
	profiles, _ := w.service.Profiles(ctx)
	for _, p := range profiles {
		if p.ID == "typo" {
			t.Fatal("a profile was made for the typo")
		}
	}
}
