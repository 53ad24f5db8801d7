package program

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"qbsettings/backend/cli"
	"qbsettings/backend/localservice"
	"qbsettings/backend/secrets"
	"qbsettings/backend/store"
	"qbsettings/internal/qbwcemu"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testkeys"
	"qbsettings/internal/testnet"
	"qbsettings/qbservice/localstatus"
)

// installedSideBySide puts the built app and service in one folder, as the
// installer does, and returns the app's path there.
func installedSideBySide(t *testing.T, dir, app, service string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	// A hard link, not a symbolic one: the app finds the service beside the
	// path it was started from, which a symbolic link would resolve away.
	installed := filepath.Join(dir, "qbsettings")
	if err := os.Link(app, installed); err != nil {
		data, err := os.ReadFile(app)
		if err != nil || os.WriteFile(installed, data, 0o700) != nil {
			t.Fatalf("the app could not be placed in %s: %v", dir, err)
		}
	}
	if err := os.Symlink(service, filepath.Join(dir, "qbservice")); err != nil {
		t.Fatal(err)
	}
	return installed
}

// IT's `qbsettings service setup` on the QuickBooks PC, from an empty data
// folder, with the service installed beside the app but not running: the
// app starts it, gives the company's account a new password kept only in
// the keychain, writes the .qwc; the Web Connector (emulated) added from
// that file with that password calls, and the app connects, refreshes and
// saves with it. Set up again, the company keeps its FileID and gets a new
// password; another company gets an account of its own.
func TestServiceSetUpFromTheCommandLine(t *testing.T) {
	dir := testdir.New(t)
	app := installedSideBySide(t, filepath.Join(dir, "programs"), builtExecutable(t), builtService(t))
	url := fmt.Sprintf("http://localhost:%d", testnet.FreePort(t))
	env := []string{"QBSETTINGS_DATA_DIR=" + filepath.Join(dir, "app"), "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		localservice.URLVariable + "=" + url}
	t.Cleanup(func() { runExe(t, filepath.Join(dir, "programs", "qbservice"), env, "", "stop") })

	// Refused before anything changes: a password the service would not
	// take, a file that cannot be written.
	if code, out := runExe(t, app, env, "short\n", "service", "setup", "--password-stdin"); code != 1 ||
		out != "Service Password: The QuickBooks service on this computer needs a password of 12 to 72 bytes.\nNothing was set up.\n" {
		t.Fatalf("a short password: exit %d\n%s", code, out)
	}
	if code, out := runExe(t, app, env, "", "service", "setup", "--qwc", filepath.Join(dir, "no such folder", "x.qwc")); code != 1 ||
		!strings.Contains(out, "could not be written") {
		t.Fatalf("an unwritable .qwc: exit %d\n%s", code, out)
	}
	if _, found, _ := testkeys.Open(t).Get(context.Background(), secrets.Account{Profile: store.DefaultProfile, User: "procore-sync"}); found {
		t.Fatal("a refused setup left a password in the keychain")
	}

	code, out := runExe(t, app, env, "", "service", "setup")
	qwcPath := filepath.Join(dir, "app", "QuickBooks Integration Settings - default.qwc")
	for _, want := range []string{
		"The QuickBooks service on this computer is set up: Service URL " + url + ", Service User procore-sync, the password in the keychain.\n",
		"The Web Connector's file: " + qwcPath + "\n",
		"Not saved yet: the settings still need retainageItem.",
		"allow access even if QuickBooks is not running",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("service setup: exit %d\n%s\nwant %q", code, out, want)
		}
	}
	// Running, never called, nothing waiting.
	if code, out := runExe(t, app, env, "", "service", "status"); code != 0 ||
		!regexp.MustCompile(`(?s)^The QuickBooks service on this computer is running \(process \d+\)\.\nThe Web Connector has never called it\..*Nothing is waiting for QuickBooks\.\n$`).MatchString(out) {
		t.Fatalf("service status before the Web Connector: exit %d\n%s", code, out)
	}
	keys := testkeys.Open(t)
	ctx := context.Background()
	account := secrets.Account{Profile: store.DefaultProfile, User: "procore-sync"}
	password, found, err := keys.Get(ctx, account)
	if err != nil || !found || len(password) < 32 {
		t.Fatalf("the keychain holds no strong password: %d bytes, %v %v", len(password), found, err)
	}
	t.Cleanup(func() { _ = keys.Remove(ctx, account) })
	if strings.Contains(out, password) {
		t.Fatal("the output shows the password")
	}
	assertNoPasswordIn(t, dir, password)

	qwcFile, err := os.ReadFile(qwcPath)
	if err != nil {
		t.Fatal(err)
	}
	qb := qbwcemu.NewQuickBooks([]qbwcemu.Item{{Kind: "Service", ListID: "80000005-1468535148", Name: "Retainage Payable",
		FullName: "Retainage Payable", IsActive: true, EditSequence: "1"}})
	// A password mistyped in the Web Connector: status says so, and what
	// to do.
	mistyped, _, err := qbwcemu.Add(ctx, qwcFile, "not the company's password", qb, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mistyped.RunSession(ctx); err != nil {
		t.Fatal(err)
	}
	if code, out := runExe(t, app, env, "", "service", "status"); code != 0 ||
		!regexp.MustCompile(`(?s)The Web Connector has never called it\..*
The Web Connector called at .*, but the password typed in it is not the service's\. In the Web Connector, type`).MatchString(out) {
		t.Fatalf("service status after a mistyped password: exit %d\n%s", code, out)
	}

	// The Web Connector, added from the written file, the password typed in.
	wc, added, err := qbwcemu.Add(ctx, qwcFile, password, qb, nil)
	if err != nil {
		t.Fatalf("the Web Connector refused the file: %v\n%s", err, qwcFile)
	}
	if added.UserName != "procore-sync" || !strings.HasPrefix(added.AppName, "QuickBooks Integration Settings - ") {
		t.Fatalf("the file's application: %+v", added)
	}
	stopAutoRun := autoRun(t, wc)
	values := []string{"serviceUrl=" + url, "serviceUser=procore-sync"}
	for _, s := range []struct {
		args []string
		want string
	}{
		{append([]string{"connection", "test"}, values...), `^Connected\. Company file .*Summit Ridge Builders\.qbw`},
		{append([]string{"items", "refresh"}, values...), `refreshed from QuickBooks: 1 item`},
		{append([]string{"settings", "set", "retainageItem=Retainage Payable"}, values...), `^Saved revision 2\.`},
		// The set-up's new password is in the history, as a revision of
		// its own: the settings could not be saved yet (no item chosen).
		{[]string{"history"}, `(?s)^Revision 2, .*Revision 1, .*\n  Service Password: password changed\n$`},
	} {
		if code, out := runExe(t, app, env, "", s.args...); code != 0 || !regexp.MustCompile(s.want).MatchString(out) {
			t.Fatalf("qbsettings %v: exit %d\n%s\nwant %s", s.args, code, out, s.want)
		}
	}

	stopAutoRun()

	// The Web Connector quiet, a refresh waits: status says when it last
	// called, the company file, and the refresh in the queue.
	post(t, url+"/v1/items/refresh", "", password)
	code, out = runExe(t, app, env, "", "service", "status")
	if code != 0 || !regexp.MustCompile(`(?s)The Web Connector last called at .*\nCompany file .*Summit Ridge Builders\.qbw in QuickBooks Desktop .*Waiting for QuickBooks \(1\):\n  refresh\tqueued\tqueued .*\tattempts 0\n$`).MatchString(out) {
		t.Fatalf("service status with a refresh waiting: exit %d\n%s", code, out)
	}
	var status localstatus.Status
	if code, out := runExe(t, app, env, "", "service", "status", "--json"); code != 0 || json.Unmarshal([]byte(out), &status) != nil ||
		!status.Running || status.LastCall == nil || len(status.Queue) != 1 || status.Queue[0].Kind != "refresh" {
		t.Fatalf("service status --json: exit %d\n%s", code, out)
	}

	// Again, with IT's own password and file: saved at once now, the FileID kept.
	itFile := filepath.Join(dir, "it.qwc")
	if err := os.WriteFile(itFile, qwcFile, 0o600); err != nil {
		t.Fatal(err)
	}
	const itPassword = "IT's own password, 28 bytes"
	code, out = runExe(t, app, env, itPassword+"\n", "service", "setup", "--password-stdin", "--qwc", itFile, "--json")
	var setup cli.ServiceSetupJSON
	if code != 0 || json.Unmarshal([]byte(out), &setup) != nil || !setup.Saved || setup.QWCFile != itFile || len(setup.Left) != 0 {
		t.Fatalf("service setup again: exit %d\n%s", code, out)
	}
	again, _ := os.ReadFile(itFile)
	if id := localservice.FileIDOf(itFile); id == "" || !strings.Contains(string(qwcFile), id) {
		t.Fatalf("the FileID was not kept:\n%s\n%s", qwcFile, again)
	}
	if pw, _, _ := keys.Get(ctx, account); pw != itPassword {
		t.Fatal("the keychain does not hold the password given")
	}
	if s, err := wc.RunSession(ctx); err != nil || len(s.Auth) < 2 || s.Auth[1] != "nvu" {
		t.Fatalf("the old password at the Web Connector: %+v %v", s, err)
	}

	// Another company: its own account, its own file.
	code, out = runExe(t, app, env, "", "profiles", "add", "Summit Ridge Builders")
	id := strings.TrimSpace(out)
	if code != 0 || !strings.HasPrefix(id, "company-") {
		t.Fatalf("profiles add: %d %q", code, out)
	}
	code, out = runExe(t, app, env, "", "service", "setup", "--profile", id, "--json")
	if code != 0 || json.Unmarshal([]byte(out), &setup) != nil || setup.ServiceUser != "procore-sync-"+strings.TrimPrefix(id, "company-") ||
		!strings.HasSuffix(setup.QWCFile, id+".qwc") || setup.Saved {
		t.Fatalf("service setup for another company: exit %d\n%s", code, out)
	}
	_ = keys.Remove(ctx, secrets.Account{Profile: id, User: setup.ServiceUser})
}

// Without the service beside it, the app says so and changes nothing.
func TestServiceSetUpWithoutTheService(t *testing.T) {
	dir := testdir.New(t)
	env := []string{"QBSETTINGS_DATA_DIR=" + filepath.Join(dir, "app")}
	code, out := runExe(t, builtExecutable(t), env, "", "service", "setup")
	if code != 1 || !strings.Contains(out, "The QuickBooks service is not installed on this computer") {
		t.Fatalf("service setup: exit %d\n%s", code, out)
	}
	if code, out := runExe(t, builtExecutable(t), env, "", "settings", "get", "--json"); code != 0 || !strings.Contains(out, `"revision": 0`) {
		t.Fatalf("settings after a refused setup: %d %s", code, out)
	}
	if code, out := runExe(t, builtExecutable(t), env, "", "service", "status"); code != 1 || !strings.Contains(out, "The QuickBooks service is not installed on this computer") {
		t.Fatalf("service status: exit %d\n%s", code, out)
	}
	if code, out := runExe(t, builtExecutable(t), env, "", "service", "setup", "extra"); code != 2 || !strings.Contains(out, "Usage: qbsettings service setup [--password-stdin] [--qwc FILE] [--profile ID] [--json]") {
		t.Fatalf("service setup with an argument: %d %s", code, out)
	}
}

// assertNoPasswordIn fails if any file under dir holds password.
func assertNoPasswordIn(t *testing.T, dir, password string) {
	t.Helper()
	_ = filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || !info.Mode().IsRegular() {
			return nil //nolint:nilerr // a file gone meanwhile holds nothing
		}
		data, err := os.ReadFile(path) //nolint:gosec // the test's own folder
		if err == nil && strings.Contains(string(data), password) {
			t.Errorf("%s holds the password", path)
		}
		return nil
	})
}

// autoRun has the Web Connector call every 300 ms until stopped or the
// test ends. It returns once the first call is over, so that the service
// has met QuickBooks before the test goes on.
func autoRun(t *testing.T, wc *qbwcemu.WebConnector) (stop func()) {
	t.Helper()
	if _, err := wc.RunSession(context.Background()); err != nil {
		t.Fatalf("the Web Connector's first session: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ctx.Err() == nil {
			if _, err := wc.RunSession(ctx); err != nil && ctx.Err() == nil {
				t.Errorf("web connector session: %v", err)
				return
			}
			select {
			case <-ctx.Done():
			case <-time.After(300 * time.Millisecond):
			}
		}
	}()
	var once sync.Once
	end := func() { once.Do(func() { cancel(); <-done }) }
	t.Cleanup(end)
	return end
}
