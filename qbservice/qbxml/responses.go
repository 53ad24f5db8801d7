package qbxml

import "strings"

// Status is a response's status: Code 0 is done, 1 found nothing; 500 to
// 999 are warnings (data may be there); Severity "Error" means nothing was
// done.
type Status struct {
	Code     int
	Severity string
	Message  string
}

// QuickBooks' status codes the service acts on (qbXML SDK, "Status codes").
const (
	StatusNothingFound = 1    // a query matched nothing; a read of a TxnID or ListID QuickBooks no longer has
	StatusNameInUse    = 3100 // the name of the list element is already in use
	StatusStale        = 3200 // the EditSequence is out of date: changed meanwhile
)

// Failed tells whether the request was not done.
func (s Status) Failed() bool { return strings.EqualFold(s.Severity, "Error") }

// Response is one response of a message set.
type Response struct {
	// Name is the response's element, for example ItemServiceQueryRs.
	Name      string
	RequestID string
	Status    Status
	// IteratorID and IteratorRemaining are an iterator query's: the
	// iterator to continue, and how many matches are still to come (0 on
	// the last page).
	IteratorID        string
	IteratorRemaining int
	Host              *Host
	Company           *Company
	Items             []Item
	Vendors           []Vendor
	Customers         []Customer
	// Txns are the transactions answered: purchase orders, bills.
	Txns        []Txn
	Preferences *Preferences
	// Deleted are the deleted transactions a TxnDeletedQuery answered.
	Deleted []DeletedTxn
}

// Preferences are the company file's preferences the sync needs: whether
// it uses inventory and purchase orders, and estimates (nil: not said).
type Preferences struct {
	UsingInventory *bool
	UsingEstimates *bool
}

// Host is the QuickBooks that answered.
type Host struct {
	ProductName           string   `xml:"ProductName"`
	MajorVersion          string   `xml:"MajorVersion"`
	MinorVersion          string   `xml:"MinorVersion"`
	Country               string   `xml:"Country"`
	SupportedQBXMLVersion []string `xml:"SupportedQBXMLVersion"`
	IsAutomaticLogin      bool     `xml:"IsAutomaticLogin"`
	QBFileMode            string   `xml:"QBFileMode"` // MultiUser or SingleUser
}

// Company is the open company file's company, with the private data that
// applications keep in it.
type Company struct {
	CompanyName string    `xml:"CompanyName"`
	DataExt     []DataExt `xml:"DataExtRet"`
}

// DataExt is a piece of private data an application (OwnerID) keeps.
type DataExt struct {
	OwnerID string `xml:"OwnerID"`
	Name    string `xml:"DataExtName"`
	Value   string `xml:"DataExtValue"`
}

// FileID is the identifier the Web Connector stored in the company file
// for the application ownerID (the .qwc file's FileID), or "".
func (c Company) FileID(ownerID string) string {
	for _, d := range c.DataExt {
		if d.Name == "FileID" && strings.EqualFold(strings.Trim(d.OwnerID, "{}"), strings.Trim(ownerID, "{}")) {
			return d.Value
		}
	}
	return ""
}

// Item is a Service or Other Charge item.
type Item struct {
	Kind         ItemKind
	ListID       string
	EditSequence string
	Name         string
	FullName     string
	IsActive     bool
	Description  string
}
