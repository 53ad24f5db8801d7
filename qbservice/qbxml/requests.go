package qbxml

import "encoding/xml"

// ItemKind is a kind of item the service reads: each has a query of its
// own (ItemQuery has no filter by kind).
type ItemKind string

// The item kinds the Invoice Retainage Item is chosen from.
const (
	ItemService     ItemKind = "Service"
	ItemOtherCharge ItemKind = "OtherCharge"
)

// Iterator steps through a query's matches a page at a time. An iterator
// lasts one QuickBooks session: a Web Connector session's.
type Iterator string

const (
	IteratorStart    Iterator = "Start"
	IteratorContinue Iterator = "Continue"
	IteratorStop     Iterator = "Stop"
)

// HostQuery asks which QuickBooks this is: product, version, country,
// qbXML versions, file mode.
type HostQuery struct{ RequestID string }

func (q HostQuery) requestElement() any {
	return struct {
		XMLName   xml.Name `xml:"HostQueryRq"`
		RequestID string   `xml:"requestID,attr,omitempty"`
	}{RequestID: q.RequestID}
}

// CompanyQuery asks for the company, with the private data the
// application OwnerID keeps in it (the Web Connector's FileID).
type CompanyQuery struct {
	RequestID string
	OwnerID   string // a GUID in braces, or "" for none
}

func (q CompanyQuery) requestElement() any {
	return struct {
		XMLName   xml.Name `xml:"CompanyQueryRq"`
		RequestID string   `xml:"requestID,attr,omitempty"`
		OwnerID   string   `xml:"OwnerID,omitempty"`
	}{RequestID: q.RequestID, OwnerID: q.OwnerID}
}

// ItemQuery asks for the items of one kind, active or not, a page of at
// most MaxReturned at a time: Start first, then Continue with the
// IteratorID the first page gave, until none remain.
type ItemQuery struct {
	Kind        ItemKind
	RequestID   string
	Iterator    Iterator
	IteratorID  string // for Continue and Stop
	MaxReturned int
}

func (q ItemQuery) requestElement() any {
	// ListQueryWithOwnerIDAndClass: the ListFilter's MaxReturned, then
	// ActiveStatus (qbxml130.xsd 3273-3284).
	return struct {
		XMLName      xml.Name
		RequestID    string `xml:"requestID,attr,omitempty"`
		Iterator     string `xml:"iterator,attr,omitempty"`
		IteratorID   string `xml:"iteratorID,attr,omitempty"`
		MaxReturned  int    `xml:"MaxReturned,omitempty"`
		ActiveStatus string `xml:"ActiveStatus"`
	}{XMLName: xml.Name{Local: "Item" + string(q.Kind) + "QueryRq"}, RequestID: q.RequestID, Iterator: string(q.Iterator),
		IteratorID: q.IteratorID, MaxReturned: q.MaxReturned, ActiveStatus: "All"}
}

// ItemByName asks for the item of one kind whose full name is Name,
// active or not (a query by name has no ActiveStatus: it finds either).
type ItemByName struct {
	Kind      ItemKind
	RequestID string
	Name      string
}

func (q ItemByName) requestElement() any {
	// ListQueryWithOwnerIDAndClass: the choice of ListID, FullName or
	// ListFilter (qbxml130.xsd 3322-3338).
	return struct {
		XMLName   xml.Name
		RequestID string `xml:"requestID,attr,omitempty"`
		FullName  string `xml:"FullName"`
	}{XMLName: xml.Name{Local: "Item" + string(q.Kind) + "QueryRq"}, RequestID: q.RequestID, FullName: q.Name}
}

// ServiceItemAdd adds a Service item: its name, under Parent (the full
// name of a Service item, or "" for the top of the list), a description,
// and the account it posts to: Account by full name, or IncomeAccount and
// ExpenseAccount by ListID (a cost code's, from Procore).
type ServiceItemAdd struct {
	RequestID      string
	Name           string
	Parent         string
	Description    string
	Account        string // the account's full name
	IncomeAccount  string // ListIDs
	ExpenseAccount string
}

func (a ServiceItemAdd) requestElement() any {
	type ref struct {
		ListID   string `xml:"ListID,omitempty"`
		FullName string `xml:"FullName,omitempty"`
	}
	type salesOrPurchase struct {
		Desc       string `xml:"Desc,omitempty"`
		AccountRef *ref   `xml:"AccountRef,omitempty"`
	}
	// SalesAndPurchase: SalesDesc, …, IncomeAccountRef, PurchaseDesc, …,
	// ExpenseAccountRef (qbxml130.xsd's SalesAndPurchase).
	type salesAndPurchase struct {
		SalesDesc         string `xml:"SalesDesc,omitempty"`
		IncomeAccountRef  *ref   `xml:"IncomeAccountRef,omitempty"`
		PurchaseDesc      string `xml:"PurchaseDesc,omitempty"`
		ExpenseAccountRef *ref   `xml:"ExpenseAccountRef,omitempty"`
	}
	// ItemServiceAdd: Name, …, IsActive, …, ParentRef, …, then the one
	// choice of SalesOrPurchase or SalesAndPurchase (qbxml130.xsd 9814-9838).
	type itemServiceAdd struct {
		Name             string            `xml:"Name"`
		IsActive         bool              `xml:"IsActive"`
		ParentRef        *ref              `xml:"ParentRef,omitempty"`
		SalesOrPurchase  *salesOrPurchase  `xml:"SalesOrPurchase,omitempty"`
		SalesAndPurchase *salesAndPurchase `xml:"SalesAndPurchase,omitempty"`
	}
	add := itemServiceAdd{Name: a.Name, IsActive: true}
	if a.Parent != "" {
		add.ParentRef = &ref{FullName: a.Parent}
	}
	if a.IncomeAccount != "" && a.ExpenseAccount != "" {
		add.SalesAndPurchase = &salesAndPurchase{SalesDesc: a.Description, IncomeAccountRef: &ref{ListID: a.IncomeAccount},
			PurchaseDesc: a.Description, ExpenseAccountRef: &ref{ListID: a.ExpenseAccount}}
	} else {
		add.SalesOrPurchase = &salesOrPurchase{Desc: a.Description}
		switch {
		case a.Account != "":
			add.SalesOrPurchase.AccountRef = &ref{FullName: a.Account}
		case a.ExpenseAccount != "" || a.IncomeAccount != "":
			add.SalesOrPurchase.AccountRef = &ref{ListID: a.ExpenseAccount + a.IncomeAccount}
		}
	}
	return struct {
		XMLName        xml.Name       `xml:"ItemServiceAddRq"`
		RequestID      string         `xml:"requestID,attr,omitempty"`
		ItemServiceAdd itemServiceAdd `xml:"ItemServiceAdd"`
	}{RequestID: a.RequestID, ItemServiceAdd: add}
}
