// Package localservice sets up the QuickBooks service installed on this
// computer beside the app (qbservice, started at logon by the installer):
// it finds the program, starts it if it is not running, gives a company's
// account its password, and writes the company's .qwc file for the Web
// Connector. The password reaches the service on a pipe to its
// `account set`, never as an argument another process could read, and is
// kept there only as a hash.
package localservice

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"qbsettings/qbservice/localstatus"
	"qbsettings/qbservice/qwc"
)

// The service's rule for an account's password (qbservice/accounts, whose
// test keeps the two in step): bcrypt reads at most 72 bytes.
const (
	MinPasswordBytes = 12
	MaxPasswordBytes = 72
)

// URL is the installed service's address, the Service URL it is set up with.
const URL = "http://" + qwc.DefaultAddr

// Why setting it up failed.
var (
	// ErrNotInstalled: no service program beside the app.
	ErrNotInstalled = errors.New("the QuickBooks service is not installed beside the app")
	// ErrNotStarted: it was started but did not answer in time.
	ErrNotStarted = errors.New("the QuickBooks service did not start")
	// ErrAccountNotSet: the service refused or failed to set the account.
	ErrAccountNotSet = errors.New("the QuickBooks service did not set the account")
)

// Service is the service program beside the app, and where it answers.
type Service struct {
	Program string // the qbservice executable
	URL     string // its address, URL unless a test says otherwise
}

// URLVariable names another address for the service on this computer, for
// IT who run it on another port (qbservice serve -addr localhost:PORT).
const URLVariable = "QBSETTINGS_LOCAL_SERVICE_URL"

// Beside is the service installed beside the program exe, at URL or where
// URLVariable says.
func Beside(exe string) Service {
	name := "qbservice"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	at := URL
	if v := os.Getenv(URLVariable); v != "" {
		at = strings.TrimRight(v, "/")
	}
	return Service{Program: filepath.Join(filepath.Dir(exe), name), URL: at}
}

// Installed tells whether the service's program is there.
func (s Service) Installed() bool {
	info, err := os.Stat(s.Program)
	return err == nil && info.Mode().IsRegular()
}

// Running tells whether it answers at its address (its AppSupport page).
func (s Service) Running(ctx context.Context) bool {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.URL+qwc.SupportPath, nil)
	if err != nil {
		return false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// startWithin is how long a started service has to answer.
const startWithin = 15 * time.Second

// Ensure starts the service if it does not answer, as logon would have,
// and waits until it does.
func (s Service) Ensure(ctx context.Context) error {
	if s.Running(ctx) {
		return nil
	}
	if !s.Installed() {
		return fmt.Errorf("%w (looked for %s)", ErrNotInstalled, s.Program)
	}
	u, err := url.Parse(s.URL)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrNotStarted, err)
	}
	cmd := exec.Command(s.Program, "serve", "-addr", u.Host) //nolint:gosec // the service's own program, beside the app
	detach(cmd)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%w: %w", ErrNotStarted, err)
	}
	ended := make(chan error, 1)
	go func() { ended <- cmd.Wait() }() // it runs on after the app; this only hears an early end
	deadline := time.Now().Add(startWithin)
	for time.Now().Before(deadline) {
		select {
		case err := <-ended:
			return fmt.Errorf("%w: it ended at once (%w)", ErrNotStarted, err)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if s.Running(ctx) {
			return nil
		}
	}
	return fmt.Errorf("%w within %s", ErrNotStarted, startWithin)
}

// SetAccount gives user the password in the service, replacing any it had.
func (s Service) SetAccount(ctx context.Context, user, password string) error {
	if _, err := s.run(ctx, password+"\n", "account", "set", user); err != nil {
		return fmt.Errorf("%w: %w", ErrAccountNotSet, err)
	}
	return nil
}

// ErrStatusUnread: the service's status could not be read.
var ErrStatusUnread = errors.New("the QuickBooks service's status could not be read")

// Status is where the service stands: running or not, the Web Connector's
// last call, the queue (its `status -json`, read from its data folder).
func (s Service) Status(ctx context.Context) (localstatus.Status, error) {
	out, err := s.run(ctx, "", "status", "-json")
	if err != nil {
		return localstatus.Status{}, fmt.Errorf("%w: %w", ErrStatusUnread, err)
	}
	var st localstatus.Status
	if err := json.Unmarshal(out, &st); err != nil {
		return localstatus.Status{}, fmt.Errorf("%w: %w", ErrStatusUnread, err)
	}
	return st, nil
}

// run runs the service's program with args, stdin on its standard input,
// and returns its standard output; a failure carries what it said on
// standard error, for the log.
func (s Service) run(ctx context.Context, stdin string, args ...string) ([]byte, error) {
	if !s.Installed() {
		return nil, fmt.Errorf("%w (looked for %s)", ErrNotInstalled, s.Program)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, s.Program, args...) //nolint:gosec // the service's own program, beside the app
	cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(stdin), &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}

// NewPassword is a strong random password for the service's account: 32
// random bytes as 43 URL-safe characters, easy to paste and within the
// service's 72-byte limit.
func NewPassword() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand does not fail
	return base64.RawURLEncoding.EncodeToString(b)
}

// QWC is the company's .qwc file for user at this service. A file written
// before for the company keeps its FileID (at keep, if it is there): the
// Web Connector tells company files apart by it.
func (s Service) QWC(company, user, keep string) ([]byte, error) {
	fileID := FileIDOf(keep)
	if fileID == "" {
		fileID = qwc.NewFileID()
	}
	name := qwc.ProductName
	if company != "" {
		name += " - " + company
	}
	return qwc.ForService(s.URL, user, fileID, name).Encode()
}

// FileIDOf is the FileID of the .qwc file at path, or "" when there is no
// such file or it names none.
func FileIDOf(path string) string {
	if path == "" {
		return ""
	}
	data, err := os.ReadFile(path) //nolint:gosec // the app's own .qwc file
	if err != nil || len(data) > 64<<10 {
		return ""
	}
	var f struct {
		FileID string `xml:"FileID"`
	}
	if xml.Unmarshal(data, &f) != nil || !qwc.IsFileID(f.FileID) {
		return ""
	}
	return f.FileID
}
