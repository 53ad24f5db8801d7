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

// ServiceItemAdd adds a Service item at the top of the item list: its
// name, a description, and the account it posts to (QuickBooks wants one).
type ServiceItemAdd struct {
	RequestID   string
	Name        string
	Description string
	Account     string // the account's full name
}

func (a ServiceItemAdd) requestElement() any {
	type ref struct {
		FullName string `xml:"FullName"`
	}
	type salesOrPurchase struct {
		Desc       string `xml:"Desc,omitempty"`
		AccountRef *ref   `xml:"AccountRef,omitempty"`
	}
	// ItemServiceAdd: Name, …, IsActive, …, then the one choice of
	// SalesOrPurchase or SalesAndPurchase (qbxml130.xsd 9814-9838).
	type itemServiceAdd struct {
		Name            string          `xml:"Name"`
		IsActive        bool            `xml:"IsActive"`
		SalesOrPurchase salesOrPurchase `xml:"SalesOrPurchase"`
	}
	add := itemServiceAdd{Name: a.Name, IsActive: true, SalesOrPurchase: salesOrPurchase{Desc: a.Description}}
	if a.Account != "" {
		add.SalesOrPurchase.AccountRef = &ref{FullName: a.Account}
	}
	return struct {
		XMLName        xml.Name       `xml:"ItemServiceAddRq"`
		RequestID      string         `xml:"requestID,attr,omitempty"`
		ItemServiceAdd itemServiceAdd `xml:"ItemServiceAdd"`
	}{RequestID: a.RequestID, ItemServiceAdd: add}
}
