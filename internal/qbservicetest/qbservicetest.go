// Package qbservicetest runs the QuickBooks service over loopback for
// tests: its database in a test folder with an account, the app's contract
// (under the contract check) and the Web Connector's endpoint on one
// server, and the emulated Web Connector with QuickBooks behind it.
package qbservicetest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"qbsettings/backend/settings"
	"qbsettings/internal/contract"
	"qbsettings/internal/qbwcemu"
	"qbsettings/internal/testdir"
	"qbsettings/qbservice/accounts"
	"qbsettings/qbservice/erp"
	"qbsettings/qbservice/server"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// The account, and the .qwc file's IDs.
const (
	OwnerID  = "{3F0F2C4B-6A1E-4D8C-9B2A-5E7D1C0A9F31}"
	FileID   = "{8C1E5A20-7B3D-4F69-A2C4-D90E6B17F5A8}"
	User     = "procore-sync"
	Password = "correct horse battery"
)

// Options shape the service.
type Options struct {
	// PageSize is the items asked of QuickBooks at a time (100 when 0).
	PageSize int
	// Contract: the test calls the app's contract, and every exchange is
	// checked against docs/openapi.yaml (none checked fails the test).
	Contract bool
	// Keychain, when set, gives the service a Procore connection whose
	// Client Secret it keeps there.
	Keychain func(context.Context) (erp.Keychain, error)
}

// Service is the QuickBooks service under test.
type Service struct {
	Path string // its database
	DB   *servicedb.DB
	URL  string // the Service URL; the Web Connector calls URL + "/qbwc"
	WC   *qbwcemu.WebConnector
	QB   *qbwcemu.QuickBooks
	// Procore is the service's Procore connection (Options.Keychain), whose
	// rounds a test runs itself (Round): the service's loop does not run.
	Procore *erp.Connection
	opts    Options

	mu  sync.Mutex
	now time.Time // the service's clock, set by SetNow (time.Now when zero)
}

// Start starts the service, with QuickBooks holding items.
func Start(t *testing.T, items []qbwcemu.Item, opts Options) *Service {
	t.Helper()
	s := &Service{Path: filepath.Join(testdir.New(t), servicedb.FileName), QB: qbwcemu.NewQuickBooks(items), opts: opts}
	s.Restart(t)
	// At bcrypt's least cost: the fixture signs in at every call.
	if err := accounts.New(s.DB).WithCost(bcrypt.MinCost).Set(context.Background(), User, Password); err != nil {
		t.Fatal(err)
	}
	s.WC = &qbwcemu.WebConnector{AppURL: s.URL + "/qbwc", UserName: User, Password: Password, OwnerID: OwnerID, FileID: FileID, QuickBooks: s.QB}
	return s
}

// Restart opens the service (again, as after it was killed): its database
// as it was left, on a new address, which the Web Connector follows.
func (s *Service) Restart(t *testing.T) {
	t.Helper()
	db, err := servicedb.Open(s.Path)
	if err == nil {
		err = db.Started(context.Background(), time.Now())
	}
	if err != nil {
		t.Fatal(err)
	}
	s.DB = db
	cfg := server.Config{DB: db, Version: "0.9.0", OwnerID: OwnerID, Log: slog.New(slog.DiscardHandler), Now: s.Clock, PageSize: s.opts.PageSize}
	if s.opts.Keychain != nil {
		s.Procore = &erp.Connection{DB: db, Keychain: s.opts.Keychain, Now: s.Clock}
		cfg.Procore = s.Procore
	}
	var checker *contract.Checker
	if s.opts.Contract {
		spec, err := contract.Load()
		if err != nil {
			t.Fatal(err)
		}
		cfg.WrapAPI = func(h http.Handler) http.Handler { checker = spec.Checking(h); return checker }
	}
	srv := httptest.NewServer(server.New(cfg))
	t.Cleanup(func() {
		srv.Close()
		db.Close()
		if checker == nil {
			return
		}
		problems, n := checker.Problems()
		for _, p := range problems {
			t.Errorf("contract: %v", p)
		}
		if n == 0 {
			t.Error("no exchange was checked against the contract")
		}
	})
	s.URL = srv.URL
	if s.WC != nil {
		s.WC.AppURL = s.URL + "/qbwc"
	}
}

// SetNow sets the service's clock to t (the zero time: the real clock),
// also while its handlers run.
func (s *Service) SetNow(t time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = t
}

// Clock is the service's time now.
func (s *Service) Clock() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.now.IsZero() {
		return time.Now()
	}
	return s.now
}

// Session runs one Web Connector session, which must end well.
func (s *Service) Session(t *testing.T) qbwcemu.Session {
	t.Helper()
	got, err := s.WC.RunSession(context.Background())
	if err != nil {
		t.Fatalf("web connector session: %v (%+v)", err, got)
	}
	return got
}

// QueueRefresh queues a refresh, as the app's POST does.
func (s *Service) QueueRefresh(t *testing.T, id string) {
	t.Helper()
	if got, err := s.DB.QueueRefresh(context.Background(), id, time.Now()); err != nil || got != id {
		t.Fatalf("refresh %s: queued as %q, %v", id, got, err)
	}
}

// WaitQueued waits until n jobs are queued, as a caller's POST queues
// them from another goroutine.
func (s *Service) WaitQueued(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		queued, err := s.DB.Jobs(context.Background(), servicedb.JobQueued)
		if err != nil {
			t.Fatal(err)
		}
		if len(queued) == n {
			return
		}
	}
	t.Fatalf("%d jobs were not queued", n)
}

// Job is the job id, which must exist.
func (s *Service) Job(t *testing.T, id string) servicedb.Job {
	t.Helper()
	j, ok, err := s.DB.Job(context.Background(), id)
	if err != nil || !ok {
		t.Fatalf("job %s: %v %v", id, ok, err)
	}
	return j
}

// Call sends the contract a request as any caller could, signed in, with
// body as JSON (none when nil), and returns the answer's status and body.
func (s *Service) Call(method, path string, body any) (int, []byte, error) {
	var in io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		in = bytes.NewReader(b)
	}
	return s.call(method, path, Password, in)
}

// CallAs sends the contract a request signed in with password, as a
// caller who does not know the account's would.
func (s *Service) CallAs(method, path, password string) (int, []byte, error) {
	return s.call(method, path, password, nil)
}

// ApplySettings applies st over the settings the service keeps, as the
// app does (PUT /v1/settings, If-Match their version), and returns the
// answer's status and body.
func (s *Service) ApplySettings(st settings.Settings) (int, []byte, error) {
	req, err := http.NewRequest(http.MethodGet, s.URL+"/v1/settings", nil)
	if err != nil {
		return 0, nil, err
	}
	req.SetBasicAuth(User, Password)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	resp.Body.Close()
	b, err := json.Marshal(serviceapi.PutSettings{Settings: st})
	if err != nil {
		return 0, nil, err
	}
	return s.call(http.MethodPut, "/v1/settings", Password, bytes.NewReader(b), "If-Match", resp.Header.Get("ETag"))
}

func (s *Service) call(method, path, password string, body io.Reader, header ...string) (int, []byte, error) {
	req, err := http.NewRequest(method, s.URL+path, body)
	if err != nil {
		return 0, nil, err
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	req.SetBasicAuth(User, password)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	return resp.StatusCode, out, err
}
