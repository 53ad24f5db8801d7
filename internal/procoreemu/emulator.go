// Package procoreemu plays Procore's REST API over loopback for the
// service's tests and the demo, built from Procore's public documents
// only (procore/documentation, cited at each endpoint): OAuth client
// credentials, the Procore-Company-Id header, pagination, rate limits,
// sync actions, and controls to play what a real Procore does at its
// worst (an expired token, a storm of 429s, a 503, a slow or garbled
// answer). It keeps every call it received, for tests to read.
package procoreemu

import (
	"net/http"
	"sync"
	"time"
)

// Config sets the emulator's clients, companies and limits.
type Config struct {
	// Clients are the service accounts: client ID → secret, and the
	// companies each may reach.
	Clients []Client
	// Companies exist from the start.
	Companies []CompanySeed
	// TokenLife is how long a token is good: 5,400 s when 0
	// (oauth/oauth_client_credentials.md).
	TokenLife time.Duration
	// Rate limits (plan_your_app/rate_limiting.md: an hourly window and a
	// spike window of 10 s). Zero values: 3,600 an hour, 100 a spike.
	HourlyLimit, SpikeLimit int
	SpikeWindow             time.Duration
	// Deliveries is how webhook deliveries reach their destination
	// (http.DefaultClient when nil): a test plays IT's relay with it.
	Deliveries *http.Client
}

// Client is a Developer Managed Service Account.
type Client struct {
	ID, Secret string
	Companies  []int64
}

// CompanySeed is a company and what it holds at the start.
type CompanySeed struct {
	ID      int64
	Name    string
	Vendors []Record
}

// Record is one Procore record as its JSON has it.
type Record = map[string]any

// Call is a call the emulator received.
type Call struct {
	Method, Path, Query string
	Company             string // its Procore-Company-Id header
	Status              int
	Body                []byte // as sent, for PATCH, POST and PUT
	At                  time.Time
}

// Emulator is a running Procore. Its methods are safe for concurrent use.
type Emulator struct {
	mu        sync.Mutex
	cfg       Config
	clients   map[string]Client
	tokens    map[string]grant
	companies map[int64]*company
	calls     []Call
	limits    limits
	faults    faults
	// refuseTokens: every API call is 401 (RefuseTokens).
	refuseTokens bool
	nextID       int64         // of records that are not in a table
	skew         time.Duration // Advance's
	hooks        []*hook
	deliveries   map[int64][]*delivery // by hook
	requests     map[int64]*erpRequest
	details      map[int64]*requestDetail
	mux          *http.ServeMux
}

// company is one company's records, by kind.
type company struct {
	id                int64
	name              string
	vendors           *table
	stagedVendors     *table // QuickBooks vendors waiting in the ERP tool
	projects          *table
	costCodes         *table // the projects' cost codes
	budgets           *table // the projects' budgets
	budgetLines       *table // their lines (Procore's "job_costs" of a budget)
	jobCosts          *table // the ERP job costs synced, by project and cost code
	erpTransactions   *table // the changes to them, to sync
	budgetLineItems   *table // the projects' budget line items
	lockedBudgets     map[int64]bool
	stagedProjects    *table
	standardCostCodes *table // the ERP Standard Cost Code List's
	lineItemTypes     *table
	commitments       *table         // subcontracts and purchase orders
	lineItems         *table         // the commitments' line items
	changeOrders      *table         // the commitments' change orders
	requisitions      *table         // subcontractor invoices
	requisitionItems  *table         // their lines, of every requisition item type
	erp               *erpConnection // nil until the integrator registers
}

// New starts an emulator with cfg.
func New(cfg Config) *Emulator {
	if cfg.TokenLife == 0 {
		cfg.TokenLife = 5400 * time.Second
	}
	if cfg.HourlyLimit == 0 {
		cfg.HourlyLimit = 3600
	}
	if cfg.SpikeLimit == 0 {
		cfg.SpikeLimit = 100
	}
	if cfg.SpikeWindow == 0 {
		cfg.SpikeWindow = 10 * time.Second
	}
	e := &Emulator{cfg: cfg, clients: map[string]Client{}, tokens: map[string]grant{}, companies: map[int64]*company{}, nextID: 500000}
	for _, c := range cfg.Clients {
		e.clients[c.ID] = c
	}
	for _, s := range cfg.Companies {
		c := &company{id: s.ID, name: s.Name, vendors: newTable(), stagedVendors: newTable(), projects: newTable(), costCodes: newTable(),
			budgets: newTable(), budgetLines: newTable(), jobCosts: newTable(), erpTransactions: newTable(), budgetLineItems: newTable(), lockedBudgets: map[int64]bool{}, stagedProjects: newTable(), standardCostCodes: newTable(), lineItemTypes: newTable(),
			commitments: newTable(), lineItems: newTable(), changeOrders: newTable(), requisitions: newTable(), requisitionItems: newTable()}
		for _, v := range s.Vendors {
			c.vendors.insert(v)
		}
		e.companies[s.ID] = c
	}
	e.routes()
	return e
}

// Calls is every call received so far, in order.
func (e *Emulator) Calls() []Call {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]Call(nil), e.calls...)
}

// CallsTo is the calls received for method and path.
func (e *Emulator) CallsTo(method, path string) []Call {
	var out []Call
	for _, c := range e.Calls() {
		if c.Method == method && c.Path == path {
			out = append(out, c)
		}
	}
	return out
}

// Vendors is the company's vendors as they are now.
func (e *Emulator) Vendors(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.vendors })
}

// StagedVendors is the QuickBooks vendors staged in the company's ERP tool.
func (e *Emulator) StagedVendors(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.stagedVendors })
}

// StagedProjects is the QuickBooks jobs staged in the company's ERP tool.
func (e *Emulator) StagedProjects(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.stagedProjects })
}

// Projects are the company's projects, with the origin_id an integrator
// gave them.
func (e *Emulator) Projects(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.projects })
}

// Commitments are the company's commitments (subcontracts and purchase
// orders), with the origin_id an integrator gave them.
func (e *Emulator) Commitments(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.commitments })
}

// LineItems are the line items of the company's commitments.
func (e *Emulator) LineItems(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.lineItems })
}

// ChangeOrders are the company's commitment change orders.
func (e *Emulator) ChangeOrders(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.changeOrders })
}

// Requisitions are the company's subcontractor invoices, and
// RequisitionItems their lines, with the origin_id an integrator gave
// them.
func (e *Emulator) Requisitions(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.requisitions })
}

func (e *Emulator) RequisitionItems(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.requisitionItems })
}

// StandardCostCodes is the company's ERP Standard Cost Code List.
func (e *Emulator) StandardCostCodes(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.standardCostCodes })
}

func (e *Emulator) read(companyID int64, of func(*company) *table) []Record {
	e.mu.Lock()
	defer e.mu.Unlock()
	if c := e.companies[companyID]; c != nil {
		return of(c).all()
	}
	return nil
}
