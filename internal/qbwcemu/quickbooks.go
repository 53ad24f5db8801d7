// Package qbwcemu emulates the QuickBooks Web Connector and QuickBooks
// Desktop behind it, for the QuickBooks service's tests: the Web Connector
// calls the service's SOAP endpoint as Intuit's Programmer's Guide
// describes (serverVersion, clientVersion, authenticate, then
// sendRequestXML and receiveResponseXML in turn, connectionError,
// getLastError, closeConnection), and QuickBooks answers each qbXML
// request as QuickBooks does: a request the published schema refuses
// fails with HRESULT 0x80040400, iterators last one session, and a dialog
// left open fails every request.
package qbwcemu

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"qbsettings/internal/qbxmlschema"
)

// Item is an item of the company file.
type Item struct {
	Kind         string // Service, OtherCharge, NonInventory…
	ListID       string
	Name         string
	FullName     string
	IsActive     bool
	EditSequence string
	Description  string
	// Price (a PRICETYPE, as "125.00") and Account are the item's
	// SalesOrPurchase's, when set.
	Price   string
	Account string
}

// QuickBooks is QuickBooks Desktop with a company file open.
type QuickBooks struct {
	mu sync.Mutex

	Product      string
	MajorVersion string
	Country      string
	FileMode     string   // MultiUser or SingleUser
	Versions     []string // the qbXML versions it speaks
	CompanyName  string
	CompanyFile  string
	// FileIDs are the FileIDs the Web Connector stored, by OwnerID.
	FileIDs map[string]string
	Items   []Item
	// Vendors, and Customers with their jobs (sub-customers).
	Vendors   []Entity
	Customers []Entity
	// PurchaseOrders and Bills are the transactions added.
	PurchaseOrders []PurchaseOrder
	Bills          []Bill
	Estimates      []Estimate
	// CostTxns are the bills, checks, card charges… a bookkeeper entered.
	CostTxns []CostTxn
	// InventoryOff and EstimatesOff are the company file's preferences
	// turned off: Inventory and purchase orders are not active, or
	// estimates are not used. QuickBooks then refuses what needs them
	// (3250), and says so in its preferences.
	InventoryOff, EstimatesOff bool
	// InUse are the transactions open in another window of QuickBooks (by
	// TxnID): a change to one is refused (3176) until it is closed.
	InUse map[string]bool

	// OpenFails, when set, is the HRESULT with which the company file
	// cannot be opened (the Web Connector calls connectionError).
	OpenFails string
	// Failing, when set, is the HRESULT with which every request fails
	// (a dialog open: 0x80040414) once FailingAfter requests were
	// answered.
	Failing      string
	FailingAfter int
	// AddRefused, when set, is the status code with which QuickBooks
	// refuses to add an item (the list in use by another user: 3175…).
	AddRefused int
	// Slowness is how long an answer takes after QuickBooks made it, as a
	// large company file takes: what it changed is changed before the Web
	// Connector has the answer.
	Slowness time.Duration
	// Unchecked answers without checking each request against the schema
	// (for measuring the service alone: the tests check every shape the
	// service sends).
	Unchecked bool

	// Clock is QuickBooks' clock, which stamps a change's TimeModified
	// (time.Now when nil).
	Clock func() time.Time

	iterators map[string]*iterator
	received  []string
	sequence  int64 // the last EditSequence given
	lineSeq   int   // the last transaction line a change added
	deleted   []deletedTxn
}

// HRESULTs QuickBooks fails with.
const (
	HResultParse        = "0x80040400" // the request is not valid qbXML
	HResultNotStarted   = "0x80040408" // QuickBooks could not be started
	HResultOtherFile    = "0x8004040A" // another company file is open
	HResultFileMode     = "0x80040410" // the file is open in another mode
	HResultDialog       = "0x80040414" // a dialog is open in QuickBooks
	HResultNotPermitted = "0x80040418" // never allowed to access this file
	HResultNoPermission = "0x8004041A" // the application may not access this file
	HResultLocked       = "0x8004041B" // what the application needs could not be locked
	HResultNoAutoLogin  = "0x8004041D" // the application may not log in automatically
	HResultExpired      = "0x8004041E" // the application's certificate expired
	HResultDenied       = "0x80040420" // the user answered No to the application
	HResultSingleUser   = "0x80040422" // single-user mode is needed
	HResultVersion      = "0x80040423" // the qbXML version is not supported
	HResultStarting     = "0x80040424" // QuickBooks is still starting
)

// hresultMessages are QuickBooks' own messages (Intuit's SDK reference).
var hresultMessages = map[string]string{
	HResultParse:        "QuickBooks found an error when parsing the provided XML text stream.",
	HResultNotStarted:   "Could not start QuickBooks.",
	HResultOtherFile:    "A QuickBooks company data file is already open and it is different from the one requested.",
	HResultFileMode:     "The QuickBooks company data file is currently open in a mode other than the one specified by your application.",
	HResultDialog:       "A modal dialog box is showing in the QuickBooks user interface. Your application cannot access QuickBooks until the user dismisses the dialog box.",
	HResultNotPermitted: "This application has not accessed this QuickBooks company data file before. Only the QuickBooks administrator can grant an application permission to access a QuickBooks company data file for the first time.",
	HResultNoPermission: "This application does not have permission to access this QuickBooks company data file. The QuickBooks administrator can grant access permission through the Integrated Application preferences.",
	HResultLocked:       "Unable to lock the necessary information to allow this application to access this company data file. Try again later.",
	HResultNoAutoLogin:  "This application is not allowed to log into this QuickBooks company data file automatically. The QuickBooks administrator can grant permission for an automatic login through the Integrated Application preferences.",
	HResultExpired:      "This application's certificate is expired. If you want to allow the application to log into QuickBooks automatically, log into QuickBooks and try again. Then click Allow Always when you are notified that the certificate has expired.",
	HResultDenied:       "The QuickBooks user has denied access.",
	HResultSingleUser:   "This application requires Single User file access mode and there is already another application sharing data with this QuickBooks company data file.",
	HResultVersion:      "The version of qbXML that was requested is not supported or is unknown.",
	HResultStarting:     "QuickBooks did not finish its initialization. Please try again later.",
}

// Message is QuickBooks' message for an HRESULT.
func Message(hresult string) string {
	if m, ok := hresultMessages[hresult]; ok {
		return m
	}
	return "Unexpected error."
}

// NewQuickBooks is QuickBooks Desktop Premier Contractor 2024 with the
// company file of Summit Ridge Builders open, holding items, three vendors
// and two customers, one with two jobs.
// It stops the program for items no company file could hold (see
// companyFileProblem): the emulator cannot be QuickBooks with them.
func NewQuickBooks(items []Item) *QuickBooks {
	if problem := companyFileProblem(items); problem != "" {
		panic("qbwcemu: not a QuickBooks company file: " + problem)
	}
	return &QuickBooks{
		Product: "QuickBooks Desktop Premier Contractor Edition 2024", MajorVersion: "34", Country: "US", FileMode: "MultiUser",
		Versions:    []string{"1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0", "9.0", "10.0", "11.0", "12.0", "13.0", "14.0", "15.0", "16.0"},
		CompanyName: "Summit Ridge Builders", CompanyFile: `C:\Users\Public\Documents\Intuit\QuickBooks\Company Files\Summit Ridge Builders.qbw`,
		FileIDs: map[string]string{}, Items: items,
		Vendors: []Entity{
			{ListID: "A0000001-1468535148", Name: "Apex Concrete Supply", FullName: "Apex Concrete Supply", IsActive: true},
			{ListID: "A0000002-1468535148", Name: "Granite State Electric", FullName: "Granite State Electric", IsActive: true},
			{ListID: "A0000003-1468535148", Name: "Old Mill Lumber", FullName: "Old Mill Lumber", IsActive: false},
		},
		Customers: []Entity{
			{ListID: "B0000001-1468535148", Name: "Lakeview Health", FullName: "Lakeview Health", IsActive: true},
			{ListID: "B0000002-1468535148", Name: "Clinic Expansion", FullName: "Lakeview Health:Clinic Expansion", IsActive: true},
			{ListID: "B0000003-1468535148", Name: "Parking Deck", FullName: "Lakeview Health:Parking Deck", IsActive: true},
			{ListID: "B0000004-1468535148", Name: "Riverside School District", FullName: "Riverside School District", IsActive: true},
		},
	}
}

// Asked counts the message sets QuickBooks received that hold any of the
// requests named (PurchaseOrderAddRq…).
func (q *QuickBooks) Asked(requests ...string) int {
	n := 0
	for _, r := range q.Received() {
		for _, name := range requests {
			if strings.Contains(r, "<"+name) {
				n++
				break
			}
		}
	}
	return n
}

// Received is every request QuickBooks received, in order.
func (q *QuickBooks) Received() []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]string(nil), q.received...)
}

// Set changes QuickBooks while it runs (the file mode, a failure, items).
func (q *QuickBooks) Set(change func(q *QuickBooks)) {
	q.mu.Lock()
	defer q.mu.Unlock()
	change(q)
}

// open opens the company file for a Web Connector session: the HRESULT
// with which it cannot, or "". The FileID is stored under ownerID the
// first time, as the Web Connector does.
func (q *QuickBooks) open(ownerID, fileID string) string {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.OpenFails != "" {
		return q.OpenFails
	}
	if _, stored := q.FileIDs[ownerID]; !stored && ownerID != "" {
		q.FileIDs[ownerID] = fileID
	}
	q.iterators = map[string]*iterator{}
	return ""
}

// ProcessInSession answers a request in a QuickBooks session of its own
// (opened if none is), for tests that call the service without HTTP.
func (q *QuickBooks) ProcessInSession(request string) (response, hresult, message string) {
	q.mu.Lock()
	if q.iterators == nil {
		q.iterators = map[string]*iterator{}
	}
	q.mu.Unlock()
	return q.Process(request)
}

// closeSession ends the QuickBooks session: its iterators end.
func (q *QuickBooks) closeSession() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.iterators = nil
}

// Process answers a qbXML request as QuickBooks does: a response, or an
// HRESULT and its message.
func (q *QuickBooks) Process(request string) (response, hresult, message string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.received = append(q.received, request)
	if q.Failing != "" && len(q.received) > q.FailingAfter {
		return "", q.Failing, Message(q.Failing)
	}
	if hresult := q.check(request); hresult != "" {
		return "", hresult, Message(hresult)
	}
	if !q.speaks(request) {
		return "", HResultVersion, Message(HResultVersion)
	}
	resp, err := q.answer(request)
	if err != nil {
		return "", HResultParse, Message(HResultParse)
	}
	return resp, "", ""
}

// check is the HRESULT for a request the schema refuses, or "".
func (q *QuickBooks) check(request string) string {
	if q.Unchecked {
		return ""
	}
	err := qbxmlschema.Check(request)
	var invalid *qbxmlschema.Invalid
	switch {
	case err == nil:
		return ""
	case errors.As(err, &invalid):
		return HResultParse
	// Under Wine there is no xmllint; the Linux run checks the same
	// requests, which do not depend on the system.
	case errors.Is(err, qbxmlschema.ErrNoValidator) && runtime.GOOS == "windows":
		return ""
	}
	panic(err) // no validator: the emulator cannot be QuickBooks
}

// speaks tells whether the request's <?qbxml version?> is one QuickBooks
// speaks.
func (q *QuickBooks) speaks(request string) bool {
	_, rest, ok := strings.Cut(request, `<?qbxml version="`)
	v, _, ok2 := strings.Cut(rest, `"`)
	if !ok || !ok2 {
		return false
	}
	for _, s := range q.Versions {
		if s == v {
			return true
		}
	}
	return false
}

func newGUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	h := hex.EncodeToString(b)
	return fmt.Sprintf("{%s-%s-%s-%s-%s}", h[:8], h[8:12], h[12:16], h[16:20], h[20:])
}
