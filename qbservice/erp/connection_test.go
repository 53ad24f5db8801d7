package erp_test

import (
	"bytes"
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qbsettings/backend/secrets"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testkeys"
	"qbsettings/qbservice/erp"
	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/servicedb"
)

func TestMain(m *testing.M) {
	testkeys.Isolate()
	os.Exit(m.Run())
}

const (
	company = 31337
	secret  = "dmsa-secret-0f9e8d7c6b5a"
)

// world is a service database in an empty folder, the real keychain, and
// a Procore with one company reached by two service accounts.
type world struct {
	emu  *procoreemu.Emulator
	url  string
	path string
	conn *erp.Connection
	keys *secrets.Keychain
}

func newWorld(t *testing.T) *world {
	t.Helper()
	emu := procoreemu.New(procoreemu.Config{
		Clients: []procoreemu.Client{
			{ID: "first-client", Secret: secret, Companies: []int64{company}},
			{ID: "second-client", Secret: "second-secret", Companies: []int64{company}},
		},
		Companies: []procoreemu.CompanySeed{{ID: company, Name: "Summit Construction"}, {ID: 2, Name: "Not Theirs"}},
	})
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	path := filepath.Join(testdir.New(t), servicedb.FileName)
	db, err := servicedb.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	keys := testkeys.Open(t)
	t.Cleanup(func() {
		for _, id := range []string{"first-client", "second-client"} {
			_ = keys.Remove(context.Background(), secrets.ProcoreSecret{CompanyID: company, ClientID: id})
		}
	})
	conn := &erp.Connection{DB: db, Keychain: func(context.Context) (erp.Keychain, error) { return keys, nil }}
	return &world{emu: emu, url: srv.URL, path: path, conn: conn, keys: keys}
}

func (w *world) candidate(client, secret string) erp.Candidate {
	return erp.Candidate{CompanyID: company, ClientID: client, ClientSecret: secret, Environment: procore.Custom, BaseURL: w.url}
}

func (w *world) kept(t *testing.T, client string) (string, bool) {
	t.Helper()
	s, found, err := w.keys.Get(context.Background(), secrets.ProcoreSecret{CompanyID: company, ClientID: client})
	if err != nil {
		t.Fatal(err)
	}
	return s, found
}

func TestAConnectionIsKeptOnlyOnceProcoreTookIt(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	_, err := w.conn.Set(ctx, w.candidate("first-client", "wrong"))
	var pe *procore.Error
	if !errors.As(err, &pe) || pe.Kind != procore.KindSignInRefused {
		t.Fatalf("got %v", err)
	}
	if _, found, _ := w.conn.DB.ProcoreConnection(ctx); found {
		t.Fatal("a refused connection was kept")
	}
	if _, found := w.kept(t, "first-client"); found {
		t.Fatal("a refused secret was kept")
	}

	row, err := w.conn.Set(ctx, w.candidate("first-client", secret))
	if err != nil {
		t.Fatal(err)
	}
	if row.CompanyName != "Summit Construction" || row.Problem != "" || row.CheckedAt.IsZero() {
		t.Fatalf("row %+v", row)
	}
	if got, _ := w.kept(t, "first-client"); got != secret {
		t.Fatalf("keychain holds %q", got)
	}
	// The secret is in the keychain only: not in the database's files.
	for _, suffix := range []string{"", "-wal", "-shm"} {
		data, err := os.ReadFile(w.path + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte(secret)) {
			t.Fatalf("the secret is in %s", filepath.Base(w.path+suffix))
		}
	}
}

func TestTheSecretCanBeLeftOutOnlyForTheSameAccount(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if _, err := w.conn.Set(ctx, w.candidate("first-client", secret)); err != nil {
		t.Fatal(err)
	}
	if _, err := w.conn.Set(ctx, w.candidate("first-client", "")); err != nil {
		t.Fatalf("the kept secret was not used: %v", err)
	}
	_, err := w.conn.Set(ctx, w.candidate("second-client", ""))
	var invalid *erp.InvalidError
	if !errors.As(err, &invalid) || invalid.Fields["clientSecret"] != erp.FieldRequired {
		t.Fatalf("got %v", err)
	}
	// Another account: the first one's secret leaves the keychain.
	if _, err := w.conn.Set(ctx, w.candidate("second-client", "second-secret")); err != nil {
		t.Fatal(err)
	}
	if _, found := w.kept(t, "first-client"); found {
		t.Fatal("the old account's secret was left in the keychain")
	}
	if got, _ := w.kept(t, "second-client"); got != "second-secret" {
		t.Fatalf("the new account's secret: %q", got)
	}
}

func TestEveryWrongFieldIsNamedAndNothingIsSent(t *testing.T) {
	w := newWorld(t)
	_, err := w.conn.Set(context.Background(), erp.Candidate{ClientID: "pasted\nnewline", ClientSecret: "tab\there", Environment: "moon", BaseURL: "x"})
	var invalid *erp.InvalidError
	if !errors.As(err, &invalid) {
		t.Fatalf("got %v", err)
	}
	want := map[string]erp.FieldCode{"companyId": erp.FieldRequired, "clientId": erp.FieldInvalid, "clientSecret": erp.FieldInvalid, "environment": erp.FieldInvalid}
	for f, code := range want {
		if invalid.Fields[f] != code {
			t.Errorf("%s: %q, want %q", f, invalid.Fields[f], code)
		}
	}
	for _, base := range []string{"http://procore.example.com", "ftp://127.0.0.1"} {
		c := w.candidate("first-client", secret)
		c.BaseURL = base
		if _, err := w.conn.Set(context.Background(), c); !errors.As(err, &invalid) || invalid.Fields["baseUrl"] != erp.FieldInvalid {
			t.Errorf("%s: %v", base, err)
		}
	}
	if calls := w.emu.Calls(); len(calls) != 0 {
		t.Fatalf("%d calls reached Procore", len(calls))
	}
}

func TestACheckKeepsWhatItFound(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if _, err := w.conn.Check(ctx); !errors.Is(err, erp.ErrNotConnected) {
		t.Fatalf("got %v", err)
	}
	if _, err := w.conn.Set(ctx, w.candidate("first-client", secret)); err != nil {
		t.Fatal(err)
	}
	w.emu.RefuseTokens(true)
	row, err := w.conn.Check(ctx)
	if err != nil || row.Problem != string(procore.KindUnauthorized) || row.CompanyName != "Summit Construction" {
		t.Fatalf("row %+v, %v", row, err)
	}
	w.emu.RefuseTokens(false)
	if row, err = w.conn.Check(ctx); err != nil || row.Problem != "" {
		t.Fatalf("row %+v, %v", row, err)
	}
	// Someone removed the secret from the keychain by hand.
	if err := w.keys.Remove(ctx, secrets.ProcoreSecret{CompanyID: company, ClientID: "first-client"}); err != nil {
		t.Fatal(err)
	}
	if row, err = w.conn.Check(ctx); err != nil || row.Problem != erp.ProblemSecretMissing {
		t.Fatalf("row %+v, %v", row, err)
	}
	kept, _, _ := w.conn.DB.ProcoreConnection(ctx)
	if kept.Problem != erp.ProblemSecretMissing {
		t.Fatalf("kept %+v", kept)
	}
}

func TestRemoveForgetsTheConnectionAndItsSecret(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if _, err := w.conn.Set(ctx, w.candidate("first-client", secret)); err != nil {
		t.Fatal(err)
	}
	if err := w.conn.Remove(ctx); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := w.conn.DB.ProcoreConnection(ctx); found {
		t.Fatal("the connection is still kept")
	}
	if _, found := w.kept(t, "first-client"); found {
		t.Fatal("the secret is still in the keychain")
	}
	if _, err := w.conn.Client(ctx); !errors.Is(err, erp.ErrNotConnected) {
		t.Fatalf("got %v", err)
	}
}

// A keychain that cannot be used changes nothing.
func TestAKeychainThatFailsChangesNothing(t *testing.T) {
	w := newWorld(t)
	w.conn.Keychain = func(context.Context) (erp.Keychain, error) { return nil, secrets.ErrUnavailable }
	_, err := w.conn.Set(context.Background(), w.candidate("first-client", secret))
	var ke *erp.KeychainError
	if !errors.As(err, &ke) || !errors.Is(err, secrets.ErrUnavailable) {
		t.Fatalf("got %v", err)
	}
	if _, found, _ := w.conn.DB.ProcoreConnection(context.Background()); found {
		t.Fatal("kept without its secret")
	}
}

func (w *world) nowTime() time.Time { return time.Now() }
