package erp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"qbsettings/backend/secrets"
	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Keychain keeps the Client Secret (backend/secrets.Keychain).
type Keychain interface {
	Get(ctx context.Context, e secrets.Entry) (string, bool, error)
	Set(ctx context.Context, e secrets.Entry, secret string) error
	Remove(ctx context.Context, e secrets.Entry) error
}

// Connection is the service's connection to one Procore company: set,
// checked, removed, and the client the sync calls Procore with.
type Connection struct {
	DB *servicedb.DB
	// Keychain opens the keychain; it is opened when first needed, so a
	// service with no Procore connection never needs one.
	Keychain func(context.Context) (Keychain, error)
	// HTTP makes the calls to Procore; nil: the procore package's.
	HTTP *http.Client
	Log  *slog.Logger
	Now  func() time.Time

	wakeOnce sync.Once
	wake     chan struct{} // Run's, woken by the receiver

	// The client of the rounds, kept while the connection is the same:
	// one token serves every round until it lapses, not one a round.
	mu        sync.Mutex
	working   *procore.Client
	workingOf string // the connection it was made for (workKey)
}

// checkTime bounds a check: the app's call waits for it.
const checkTime = 20 * time.Second

// Candidate is a connection asked for. ClientSecret "" keeps the secret
// kept for the same company, client and environment.
type Candidate struct {
	CompanyID    int64
	ClientID     string
	ClientSecret string
	Environment  procore.Environment
	BaseURL      string
}

// ErrNotConnected: no connection is set.
var ErrNotConnected = errors.New("erp: no Procore connection is set")

// InvalidError names the fields of a Candidate that cannot be used; each
// field is the contract's name, each code a FieldCode.
type InvalidError struct{ Fields map[string]FieldCode }

func (e *InvalidError) Error() string { return fmt.Sprintf("erp: connection refused: %v", e.Fields) }

// FieldCode says what is wrong with a field.
type FieldCode string

// The field codes.
const (
	FieldRequired FieldCode = serviceapi.ProcoreFieldRequired
	FieldInvalid  FieldCode = serviceapi.ProcoreFieldInvalid
)

// KeychainError: the keychain could not keep or give the secret; nothing
// was changed.
type KeychainError struct{ Err error }

func (e *KeychainError) Error() string { return "erp: keychain: " + e.Err.Error() }
func (e *KeychainError) Unwrap() error { return e.Err }

// ProblemSecretMissing is Problem when the keychain lost the secret.
const ProblemSecretMissing = "secretMissing"

// Set checks c, signs in to Procore with it and reads the company, and
// only then keeps it: the secret in the keychain, the rest in SQLite. A
// connection Procore refuses is not kept, and the one before stays.
func (c *Connection) Set(ctx context.Context, in Candidate) (servicedb.ProcoreConnection, error) {
	ends, err := checkCandidate(in)
	if err != nil {
		return servicedb.ProcoreConnection{}, err
	}
	old, hadOld, err := c.DB.ProcoreConnection(ctx)
	if err != nil {
		return servicedb.ProcoreConnection{}, err
	}
	entry := secrets.ProcoreSecret{CompanyID: in.CompanyID, ClientID: in.ClientID}
	if in.ClientSecret == "" {
		if !hadOld || old.CompanyID != in.CompanyID || old.ClientID != in.ClientID || old.Environment != string(in.Environment) || old.BaseURL != in.BaseURL {
			return servicedb.ProcoreConnection{}, &InvalidError{Fields: map[string]FieldCode{"clientSecret": FieldRequired}}
		}
		if in.ClientSecret, err = c.secret(ctx, entry); err != nil {
			return servicedb.ProcoreConnection{}, err
		}
	}
	company, err := c.company(ctx, ends, in)
	if err != nil {
		return servicedb.ProcoreConnection{}, err
	}
	keys, err := c.keychain(ctx)
	if err != nil {
		return servicedb.ProcoreConnection{}, err
	}
	if err := keys.Set(ctx, entry, in.ClientSecret); err != nil {
		return servicedb.ProcoreConnection{}, &KeychainError{Err: err}
	}
	now := c.now()
	row := servicedb.ProcoreConnection{CompanyID: in.CompanyID, ClientID: in.ClientID, Environment: string(in.Environment),
		BaseURL: in.BaseURL, SetAt: now, CompanyName: company.Name, CheckedAt: now}
	if err := c.DB.SetProcoreConnection(ctx, row); err != nil {
		return servicedb.ProcoreConnection{}, err
	}
	if hadOld && (old.CompanyID != in.CompanyID || old.ClientID != in.ClientID) {
		// The old account's secret is not needed any more. Left behind, it
		// would only be an entry to clean: the connection is kept already.
		if err := keys.Remove(ctx, secrets.ProcoreSecret{CompanyID: old.CompanyID, ClientID: old.ClientID}); err != nil {
			c.log().Warn("the old Procore account's secret was not removed from the keychain", "err", err)
		}
	}
	return row, nil
}

// Check signs in with the connection kept and reads the company, and
// keeps what it found: the company's name, or the problem. The problem
// is in the answer's Problem; an error means nothing could be checked.
func (c *Connection) Check(ctx context.Context) (servicedb.ProcoreConnection, error) {
	row, found, err := c.DB.ProcoreConnection(ctx)
	if err != nil {
		return row, err
	}
	if !found {
		return row, ErrNotConnected
	}
	problem, name := "", row.CompanyName
	client, err := c.client(ctx, row)
	switch {
	case errors.Is(err, errSecretMissing):
		problem = ProblemSecretMissing
	case err != nil:
		return row, err
	default:
		cctx, cancel := context.WithTimeout(ctx, checkTime)
		company, err := client.Company(cctx)
		cancel()
		var pe *procore.Error
		switch {
		case errors.As(err, &pe):
			problem = string(pe.Kind)
		case err != nil:
			return row, err
		default:
			name = company.Name
		}
	}
	now := c.now()
	if err := c.DB.RecordProcoreCheck(ctx, row.CompanyID, row.ClientID, name, problem, now); err != nil {
		return row, err
	}
	row.CompanyName, row.CheckedAt, row.Problem = name, now, problem
	return row, nil
}

// Remove forgets the connection and its secret.
func (c *Connection) Remove(ctx context.Context) error {
	row, found, err := c.DB.ProcoreConnection(ctx)
	if err != nil || !found {
		return err
	}
	keys, err := c.keychain(ctx)
	if err != nil {
		return err
	}
	if err := keys.Remove(ctx, secrets.ProcoreSecret{CompanyID: row.CompanyID, ClientID: row.ClientID}); err != nil {
		return &KeychainError{Err: err}
	}
	return c.DB.RemoveProcoreConnection(ctx)
}

// Client is a client of the connection kept, for the sync's calls.
func (c *Connection) Client(ctx context.Context) (*procore.Client, error) {
	row, found, err := c.DB.ProcoreConnection(ctx)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, ErrNotConnected
	}
	return c.client(ctx, row)
}

var errSecretMissing = errors.New("erp: the keychain does not hold the Client Secret")

func (c *Connection) client(ctx context.Context, row servicedb.ProcoreConnection) (*procore.Client, error) {
	ends, err := procore.EndpointsOf(procore.Environment(row.Environment), row.BaseURL)
	if err != nil {
		return nil, err
	}
	secret, err := c.secret(ctx, secrets.ProcoreSecret{CompanyID: row.CompanyID, ClientID: row.ClientID})
	if err != nil {
		return nil, err
	}
	return c.newClient(ends, procore.Credentials{CompanyID: row.CompanyID, ClientID: row.ClientID, ClientSecret: secret})
}

// workClient is the client the rounds share, made anew only when the
// connection kept changed. The tests and Check read the keychain each
// time (a secret removed by hand is found then); the rounds need not.
func (c *Connection) workClient(ctx context.Context, row servicedb.ProcoreConnection) (*procore.Client, error) {
	key := strings.Join([]string{itoa(row.CompanyID), row.ClientID, row.Environment, row.BaseURL, row.SetAt.String()}, "\x00")
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.working != nil && c.workingOf == key {
		return c.working, nil
	}
	client, err := c.client(ctx, row)
	if err != nil {
		return nil, err
	}
	c.working, c.workingOf = client, key
	return client, nil
}

func (c *Connection) newClient(ends procore.Endpoints, creds procore.Credentials) (*procore.Client, error) {
	log := c.log()
	return procore.New(procore.Config{Endpoints: ends, Credentials: creds, HTTP: c.HTTP,
		Log: func(msg string, args ...any) { log.Info(msg, args...) }})
}

// secret reads the Client Secret of entry from the keychain.
func (c *Connection) secret(ctx context.Context, entry secrets.ProcoreSecret) (string, error) {
	keys, err := c.keychain(ctx)
	if err != nil {
		return "", err
	}
	secret, found, err := keys.Get(ctx, entry)
	switch {
	case err != nil:
		return "", &KeychainError{Err: err}
	case !found:
		return "", errSecretMissing
	}
	return secret, nil
}

// company signs in with in and reads its company, within checkTime.
func (c *Connection) company(ctx context.Context, ends procore.Endpoints, in Candidate) (procore.Company, error) {
	client, err := c.newClient(ends, procore.Credentials{CompanyID: in.CompanyID, ClientID: in.ClientID, ClientSecret: in.ClientSecret})
	if err != nil {
		return procore.Company{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, checkTime)
	defer cancel()
	return client.Company(ctx)
}

func (c *Connection) keychain(ctx context.Context) (Keychain, error) {
	keys, err := c.Keychain(ctx)
	if err != nil {
		return nil, &KeychainError{Err: err}
	}
	return keys, nil
}

func (c *Connection) now() time.Time {
	if c.Now != nil {
		return c.Now().UTC()
	}
	return time.Now().UTC()
}

func (c *Connection) log() *slog.Logger {
	if c.Log != nil {
		return c.Log
	}
	return slog.New(slog.DiscardHandler)
}

// checkCandidate refuses what no Procore could take, before anything is
// sent or kept (serviceapi.CheckProcore, the rule the app applies too),
// and gives the candidate's endpoints.
func checkCandidate(in Candidate) (procore.Endpoints, error) {
	bad := serviceapi.CheckProcore(serviceapi.PutProcore{CompanyID: in.CompanyID, ClientID: in.ClientID, ClientSecret: in.ClientSecret,
		Environment: string(in.Environment), BaseURL: in.BaseURL})
	if len(bad) > 0 {
		fields := map[string]FieldCode{}
		for f, code := range bad {
			fields[f] = FieldCode(code)
		}
		return procore.Endpoints{}, &InvalidError{Fields: fields}
	}
	return procore.EndpointsOf(in.Environment, in.BaseURL)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
