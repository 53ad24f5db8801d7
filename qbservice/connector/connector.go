// Package connector is the QuickBooks service's side of a Web Connector
// session (a qbwc.Handler): it signs the Web Connector in, learns from its
// first call which QuickBooks and company file it has, and hands it the
// queue's work as qbXML a request at a time, keeping what QuickBooks
// answers. A session with no work still asks QuickBooks who it is, so that
// what the service says of QuickBooks is never older than the last
// scheduled call.
package connector

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"time"

	"qbsettings/qbservice/accounts"
	"qbsettings/qbservice/qbwc"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
)

// Config is what a Connector needs.
type Config struct {
	DB       *servicedb.DB
	Accounts *accounts.Accounts
	// OwnerID is the product's in the .qwc files: the Web Connector keeps
	// each company file's FileID under it.
	OwnerID string
	// Version is the service's, shown in the Web Connector.
	Version string
	Log     *slog.Logger
	// Now and PageSize: the clock and the items asked for a page at a
	// time (time.Now and 100 when zero).
	Now      func() time.Time
	PageSize int
	// ERPJobEnded, when set, is told that a job of an ERP Request ended,
	// so its Procore half goes on at once rather than at the next poll.
	ERPJobEnded func()
}

// SessionIdle is how long a session may go without a call before its
// ticket is refused. SessionBusy is how long another session is taken to
// be under way since its last call: the Web Connector waits for QuickBooks
// between calls, a minute at most for the service's requests; a session
// quiet for longer was abandoned, and a new one may start.
const (
	SessionIdle = 30 * time.Minute
	SessionBusy = 2 * time.Minute
	// touchEvery: while nothing else of a session changes, its last call
	// is written at most this often (a commit a call would cost more than
	// the call; the times above are minutes).
	touchEvery = 10 * time.Second
)

// Connector answers the Web Connector.
type Connector struct{ Config }

// New answers the Web Connector with cfg.
func New(cfg Config) *Connector {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.PageSize == 0 {
		cfg.PageSize = 500
	}
	return &Connector{cfg}
}

var _ qbwc.Handler = (*Connector)(nil)

func (c *Connector) ServerVersion(context.Context) string { return c.Version }

// ClientVersion takes any Web Connector: the calls used are the same in
// every version since 2.0.
func (c *Connector) ClientVersion(_ context.Context, version string) string {
	c.Log.Info("web connector calling", "version", version)
	return ""
}

// Authenticate signs the Web Connector in and opens a session on the
// company file open in QuickBooks.
func (c *Connector) Authenticate(ctx context.Context, user, password string) qbwc.Auth {
	grant, err := c.Accounts.Verify(ctx, accounts.Caller{Addr: qbwc.CallerAddr(ctx)}, user, password)
	var slowed *accounts.WaitError
	switch {
	case errors.As(err, &slowed):
		// Wrong passwords in a row from this address: nothing was
		// checked, and health is not told the password is wrong. The Web
		// Connector is told to wait, which it shows as busy.
		c.Log.Warn("web connector sign-in slowed down after wrong passwords", "user", user, "wait", slowed.Wait)
		return qbwc.Auth{Status: qbwc.AuthBusy, PostponeSeconds: slowed.Seconds()}
	case err != nil:
		c.Log.Error("sign-in not checked", "user", user, "err", err)
		return qbwc.Auth{Status: qbwc.AuthBusy}
	case !grant.OK:
		c.Log.Warn("web connector sign-in refused", "user", user)
		// Health says so: the password typed in the Web Connector is
		// not the account's, which nothing else would tell the app.
		if err := c.DB.NoteSignInRefused(ctx, c.Now()); err != nil {
			c.Log.Error("refused sign-in not kept", "err", err)
		}
		return qbwc.Auth{Status: qbwc.AuthInvalidUser}
	}
	ticket, now := newTicket(), c.Now()
	err = c.DB.StartSession(ctx, servicedb.Session{Ticket: ticket, User: user, StartedAt: now, AccountGeneration: grant.Generation}, now.Add(-SessionBusy))
	switch {
	case errors.Is(err, servicedb.ErrSessionBusy):
		// A second Web Connector (another computer with the same .qwc,
		// or a replay): it tries again at its next scheduled run.
		c.Log.Warn("web connector turned away: another session is under way", "user", user)
		return qbwc.Auth{Status: qbwc.AuthBusy}
	case errors.Is(err, servicedb.ErrPasswordChanged):
		// The password changed while this one was checked: it is the
		// old one now.
		c.Log.Warn("web connector sign-in refused: the password changed during it", "user", user)
		return qbwc.Auth{Status: qbwc.AuthInvalidUser}
	case err != nil:
		c.Log.Error("session not started", "err", err)
		return qbwc.Auth{Status: qbwc.AuthBusy}
	}
	return qbwc.Auth{Ticket: ticket, Status: qbwc.AuthOpenFile}
}

func newTicket() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand does not fail
	return hex.EncodeToString(b)
}

// session returns the open session of ticket (the caller saves it once,
// when the call is answered); ok is false for a ticket that is unknown,
// closed or idle too long.
func (c *Connector) session(ctx context.Context, ticket string) (servicedb.Session, bool) {
	s, ok, err := c.DB.Session(ctx, ticket)
	switch {
	case err != nil:
		c.Log.Error("session not read", "err", err)
	case !ok:
		c.Log.Warn("web connector's ticket refused: not a session", "ticket", ticketForLog(ticket))
	case s.Closed:
		c.Log.Warn("web connector's ticket refused: the session was closed", "ticket", ticketForLog(ticket))
	case c.Now().Sub(s.LastCallAt) > SessionIdle:
		c.Log.Warn("web connector's ticket refused: the session was idle too long", "ticket", ticketForLog(ticket), "lastCall", s.LastCallAt)
	default:
		return s, true
	}
	return s, false
}

// ticketForLog is enough of a ticket to follow a session in the log, not
// enough to use it (a log may be sent to support).
func ticketForLog(ticket string) string {
	if len(ticket) > 8 {
		return ticket[:8] + "…"
	}
	return ticket
}

// step is a request in flight: which, with what iterator.
type step struct {
	// N counts the job's requests; RequestID is the job's ID and N.
	N         int    `json:"n,omitempty"`
	RequestID string `json:"requestId"`
	Op        op     `json:"op,omitempty"`
	// A refresh's: the kind of item read, the iterator, how many so far.
	Kind       qbxml.ItemKind `json:"kind,omitempty"`
	Iterator   qbxml.Iterator `json:"iterator,omitempty"`
	IteratorID string         `json:"iteratorId,omitempty"`
	Read       int            `json:"read,omitempty"`
	// A create's: the item to find or add.
	Item servicedb.NewItem `json:"item,omitzero"`
	// A vendors read's: from when, and the latest TimeModified so far; a
	// vendor job's: the vendor to find or add.
	From   string        `json:"from,omitempty"`
	Latest string        `json:"latest,omitempty"`
	Vendor *qbxml.Vendor `json:"vendor,omitempty"`
	// A purchase order job's: the purchase order to find or add; a bill
	// job's: the bill, and the purchase order whose vendor it is for.
	PurchaseOrder  *qbxml.PurchaseOrderAdd `json:"purchaseOrder,omitempty"`
	Bill           *qbxml.BillAdd          `json:"bill,omitempty"`
	BillOfPurchase string                  `json:"billOfPurchase,omitempty"`
	// A purchase order change's: the change, the lines the purchase
	// order has before it, and whether a stale EditSequence was met once.
	Change  *qbxml.PurchaseOrderMod `json:"change,omitempty"`
	Known   int                     `json:"known,omitempty"`
	Retried bool                    `json:"retried,omitempty"`
	// A job export's: the job, and the ListID and EditSequence of the
	// one it changes (exported before).
	Job          *qbxml.Job `json:"job,omitempty"`
	JobListID    string     `json:"jobListId,omitempty"`
	EditSequence string     `json:"editSequence,omitempty"`
	// A budget's: the estimate it is to be, the TxnID of the one it
	// changes (exported before), and that change once the estimate is
	// read.
	Estimate       *qbxml.EstimateAdd `json:"estimate,omitempty"`
	EstimateOf     string             `json:"estimateOf,omitempty"`
	EstimateChange *qbxml.EstimateMod `json:"estimateChange,omitempty"`
	// A job-cost read's: the kind of transaction read now (its index in
	// qbxml.CostKinds), and the latest times seen by kind (and of the
	// deleted), from which the next read starts.
	CostAt int               `json:"costAt,omitempty"`
	Marks  map[string]string `json:"marks,omitempty"`
}

// mark is the ExternalGUID of the transaction a step finds or adds.
func (s step) mark() string {
	switch {
	case s.PurchaseOrder != nil:
		return s.PurchaseOrder.ExternalGUID
	case s.Bill != nil:
		return s.Bill.ExternalGUID
	}
	return ""
}

// op is what a step asks of QuickBooks.
type op string

const (
	opHost  op = "host"  // who it is (a session with no work)
	opItems op = "items" // a page of a refresh
	opFind  op = "find"  // the Service item of a name
	opAdd   op = "add"   // a new Service item

	opVendors    op = "vendors"    // a page of vendors changed since a time
	opCustomers  op = "customers"  // a page of customers and jobs
	opFindVendor op = "findVendor" // the vendor of a name
	opAddVendor  op = "addVendor"  // a new vendor

	opFindPurchaseOrder op = "findPurchaseOrder" // the purchase orders of a number
	opAddPurchaseOrder  op = "addPurchaseOrder"  // a new purchase order
	opFindBill          op = "findBill"          // the bills of a number
	opBillsOrder        op = "billsOrder"        // the purchase order a bill is for: its vendor
	opAddBill           op = "addBill"           // a new bill
	opChangeRead        op = "changeRead"        // a purchase order's lines, before a change
	opChangeWrite       op = "changeWrite"       // its change

	opFindJob   op = "findJob"   // the customer or job of a full name
	opAddJob    op = "addJob"    // a new job
	opReadJob   op = "readJob"   // a job exported before, by its ListID
	opChangeJob op = "changeJob" // its change

	opFindEstimate   op = "findEstimate"   // a job's estimates
	opAddEstimate    op = "addEstimate"    // a new estimate
	opReadEstimate   op = "readEstimate"   // a budget's estimate, with its lines
	opChangeEstimate op = "changeEstimate" // its change

	opCosts        op = "costs"        // a page of a kind of cost transaction changed since the last read
	opDeletedCosts op = "deletedCosts" // the cost transactions deleted since
)

func (s step) encode() string { b, _ := json.Marshal(s); return string(b) }

func decodeStep(text string) (step, bool) {
	var s step
	return s, text != "" && json.Unmarshal([]byte(text), &s) == nil
}
