package program

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/qbwcemu"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testnet"
	"qbsettings/qbservice/qwc"
	"qbsettings/serviceapi"
)

// service is the QuickBooks service's executable, built once.
var service struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

func builtService(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the executable")
	}
	service.once.Do(func() {
		dir, err := os.MkdirTemp("", "qbservice-exe-")
		if service.err = err; err != nil {
			return
		}
		service.path = filepath.Join(dir, "qbservice")
		cmd := exec.Command("go", "build", "-ldflags", "-X main.version=9.8.7", "-o", service.path, "./cmd/qbservice")
		cmd.Dir = moduleRoot
		service.out, service.err = cmd.CombinedOutput()
	})
	if service.err != nil {
		t.Fatalf("build: %v\n%s", service.err, service.out)
	}
	return service.path
}

// The QuickBooks service as IT runs it: an account set by script, a .qwc
// file written, the service started; the Web Connector (emulated, with
// QuickBooks behind it) calls it at the .qwc's address, and the app's
// client sees QuickBooks and refreshes its items through it. Stopped, it
// ends cleanly.
func TestQuickBooksServiceProgram(t *testing.T) {
	exe := builtService(t)
	data := testdir.New(t)
	if code, out := runExe(t, exe, nil, "", "version"); code != 0 || out != "qbservice 9.8.7\n" {
		t.Fatalf("version: %d %q", code, out)
	}
	if code, out := runExe(t, exe, nil, "", "acount", "set"); code != 2 || !strings.Contains(out, `"acount set" is not a command`) || !strings.Contains(out, "Usage:") {
		t.Fatalf("a typo: %d %q", code, out)
	}
	if code, out := runExe(t, exe, nil, "short\n", "account", "set", "-data", data, "procore-sync"); code != 1 || !strings.Contains(out, "the password must be") {
		t.Fatalf("a short password: %d %q", code, out)
	}
	const password = "correct horse battery staple"
	if code, out := runExe(t, exe, nil, password+"\n", "account", "set", "-data", data, "procore-sync"); code != 0 {
		t.Fatalf("account set: %d %q", code, out)
	}
	port := testnet.FreePort(t)
	appURL := fmt.Sprintf("http://localhost:%d/qbwc", port)
	code, qwcFile := runExe(t, exe, nil, "", "qwc", "-user", "procore-sync", "-file-id", "{8C1E5A20-7B3D-4F69-A2C4-D90E6B17F5A8}", "-url", appURL)
	if code != 0 || !strings.Contains(qwcFile, "<AppURL>"+appURL+"</AppURL>") || !strings.Contains(qwcFile, qwc.OwnerID) {
		t.Fatalf("qwc: %d %s", code, qwcFile)
	}
	if code, out := runExe(t, exe, nil, "", "qwc", "-user", "procore-sync", "-file-id", "{8C1E5A20-7B3D-4F69-A2C4-D90E6B17F5A8}", "-url", "http://127.0.0.1:8780/qbwc"); code != 1 || !strings.Contains(out, "not an IP address") {
		t.Fatalf("qwc at an IP address: %d %q", code, out)
	}

	cmd, log := serveService(t, exe, data, port)

	qb := qbwcemu.NewQuickBooks([]qbwcemu.Item{{Kind: "Service", ListID: "80000005-1468535148", Name: "Retainage Payable",
		FullName: "Retainage Payable", IsActive: true, EditSequence: "1"}})
	ctx := context.Background()
	// The file as written, added to the Web Connector as it adds one.
	wc, _, err := qbwcemu.Add(ctx, []byte(qwcFile), password, qb, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := wc.RunSession(ctx); err != nil || s.ServerVersion != "9.8.7" {
		t.Fatalf("first session: %+v %v\n%s", s, err, log.String())
	}
	client, err := quickbooks.New(quickbooks.Config{BaseURL: fmt.Sprintf("http://localhost:%d", port), User: "procore-sync", Password: password})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	if h, err := client.Health(ctx); err != nil || !h.QBRunning || h.CompanyFileID != "{8C1E5A20-7B3D-4F69-A2C4-D90E6B17F5A8}" {
		t.Fatalf("health: %+v %v", h, err)
	}
	id, err := client.StartRefresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wc.RunSession(ctx); err != nil {
		t.Fatal(err)
	}
	if st, _ := client.RefreshState(ctx, id); st.State != serviceapi.RefreshDone {
		t.Fatalf("refresh %+v", st)
	}
	if list, err := client.Items(ctx); err != nil || len(list.Items) != 1 || list.Items[0].FullName != "Retainage Payable" {
		t.Fatalf("items %+v %v", list, err)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("stopped with %v\n%s", err, log.String())
	}
	if strings.Contains(log.String(), password) {
		t.Fatal("the log holds the password")
	}
}

// serveService starts the built service on port with its data folder; it
// is killed at the test's end if still running.
func serveService(t *testing.T, exe, data string, port int) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	cmd := exec.Command(exe, "serve", "-data", data, "-addr", fmt.Sprintf("localhost:%d", port))
	log := &strings.Builder{}
	cmd.Stderr = log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	waitForSupportPage(t, fmt.Sprintf("http://localhost:%d/support", port))
	return cmd, log
}

func waitForSupportPage(t *testing.T, url string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil { //nolint:gosec // the test's own address
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the service did not answer at %s", url)
}

// One service to a data folder, as the installer relies on: a second start
// (a second logon) is refused with the way to stop the first; stop ends it
// and says so, and says so too when nothing runs; the log is in the data
// folder, where a service started at logon leaves it; remove-data removes
// the folder, the service first.
func TestOneServicePerDataFolder(t *testing.T) {
	exe := builtService(t)
	data := filepath.Join(testdir.New(t), "service")
	cmd, _ := serveService(t, exe, data, testnet.FreePort(t))
	second := fmt.Sprintf("localhost:%d", testnet.FreePort(t))
	if code, out := runExe(t, exe, nil, "", "serve", "-data", data, "-addr", second); code != 1 ||
		!strings.Contains(out, fmt.Sprintf("already running with the data folder %s (process %d)", data, cmd.Process.Pid)) ||
		!strings.Contains(out, "qbservice stop -data") {
		t.Fatalf("a second start: %d %q", code, out)
	}
	if code, out := runExe(t, exe, nil, "", "stop", "-data", data); code != 0 || out != fmt.Sprintf("The QuickBooks service (process %d) was stopped.\n", cmd.Process.Pid) {
		t.Fatalf("stop: %d %q", code, out)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the service did not end cleanly: %v", err)
	}
	if code, out := runExe(t, exe, nil, "", "stop", "-data", data); code != 0 || !strings.Contains(out, "No QuickBooks service was running") {
		t.Fatalf("stop with nothing running: %d %q", code, out)
	}
	if code, out := runExe(t, exe, nil, "", "status", "-data", data); code != 0 || !strings.HasPrefix(out, "Not running.\nThe Web Connector has never called.\nQueue: 0\n") {
		t.Fatalf("status with nothing running: %d %q", code, out)
	}
	if code, out := runExe(t, exe, nil, "", "stop", "-data", data, "now"); code != 2 || !strings.Contains(out, "Usage:") {
		t.Fatalf("stop with an argument: %d %q", code, out)
	}
	logged, err := os.ReadFile(filepath.Join(data, "qbservice.log"))
	if err != nil || !strings.Contains(string(logged), "msg=serving") || !strings.Contains(string(logged), "msg=stopping") {
		t.Fatalf("the log in the data folder: %q %v", logged, err)
	}

	cmd, _ = serveService(t, exe, data, testnet.FreePort(t))
	if code, out := runExe(t, exe, nil, "", "remove-data", "-data", data); code != 0 || !strings.Contains(out, "was removed") {
		t.Fatalf("remove-data: %d %q", code, out)
	}
	_ = cmd.Wait()
	if _, err := os.Stat(data); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the data folder is still there: %v", err)
	}
}
