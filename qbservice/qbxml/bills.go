package qbxml

import "encoding/xml"

// MaxBillRefNumber is a bill's number's limit (qbxml130.xsd: BillAdd's
// RefNumber), the longest of a transaction's.
const MaxBillRefNumber = 20

// BillAdd adds a vendor's bill: its date, number (RefNumber, 20
// characters at most), the service's mark (ExternalGUID, as a purchase
// order's), and its item lines. The bills of Procore's subcontractor
// invoices.
type BillAdd struct {
	RequestID    string     `json:"-"`
	VendorListID string     `json:"vendorListId"`
	TxnDate      string     `json:"txnDate,omitempty"`
	RefNumber    string     `json:"refNumber,omitempty"`
	ExternalGUID string     `json:"externalGuid,omitempty"`
	Lines        []BillLine `json:"lines"`
}

// BillLine is an item line of a bill: a Service item, what it is for,
// its amount (negative for retainage held), for a job; linked to the
// purchase order line it bills (LinkTxnID, LinkTxnLineID) when known.
type BillLine struct {
	ItemListID     string `json:"itemListId"`
	Desc           string `json:"desc,omitempty"`
	Amount         Money  `json:"amount"`
	CustomerListID string `json:"customerListId,omitempty"`
	LinkTxnID      string `json:"linkTxnId,omitempty"`
	LinkTxnLineID  string `json:"linkTxnLineId,omitempty"`
}

// Total is the bill's total.
func (a BillAdd) Total() Money {
	var t Money
	for _, l := range a.Lines {
		t += l.Amount
	}
	return t
}

func (a BillAdd) requestElement() any {
	type link struct {
		TxnID     string `xml:"TxnID"`
		TxnLineID string `xml:"TxnLineID"`
	}
	// ItemLineAdd: ItemRef, …, Desc, Quantity, …, Amount, TaxAmount,
	// CustomerRef, …, LinkToTxn (qbxml130.xsd): the link last.
	type lineAdd struct {
		ItemRef     listRef  `xml:"ItemRef"`
		Desc        string   `xml:"Desc,omitempty"`
		Amount      Money    `xml:"Amount"`
		CustomerRef *listRef `xml:"CustomerRef,omitempty"`
		LinkToTxn   *link    `xml:"LinkToTxn,omitempty"`
	}
	// BillAdd: VendorRef, …, TxnDate, DueDate, RefNumber, …, ExternalGUID,
	// LinkToTxnID, ExpenseLineAdd, ItemLineAdd.
	type add struct {
		VendorRef listRef   `xml:"VendorRef"`
		TxnDate   string    `xml:"TxnDate,omitempty"`
		RefNumber string    `xml:"RefNumber,omitempty"`
		GUID      string    `xml:"ExternalGUID,omitempty"`
		Lines     []lineAdd `xml:"ItemLineAdd"`
	}
	bill := add{VendorRef: listRef{a.VendorListID}, TxnDate: a.TxnDate, RefNumber: a.RefNumber, GUID: a.ExternalGUID}
	for _, l := range a.Lines {
		line := lineAdd{ItemRef: listRef{l.ItemListID}, Desc: l.Desc, Amount: l.Amount}
		if l.CustomerListID != "" {
			line.CustomerRef = &listRef{l.CustomerListID}
		}
		if l.LinkTxnID != "" && l.LinkTxnLineID != "" {
			line.LinkToTxn = &link{l.LinkTxnID, l.LinkTxnLineID}
		}
		bill.Lines = append(bill.Lines, line)
	}
	return struct {
		XMLName   xml.Name `xml:"BillAddRq"`
		RequestID string   `xml:"requestID,attr,omitempty"`
		BillAdd   add      `xml:"BillAdd"`
	}{RequestID: a.RequestID, BillAdd: bill}
}

// Limits are the bill's text with its limits, for a check before it is
// sent.
func (a BillAdd) Limits() []Limit {
	limits := []Limit{{"RefNumber", a.RefNumber, MaxBillRefNumber}}
	for _, l := range a.Lines {
		limits = append(limits, Limit{"Desc", l.Desc, MaxDescription})
	}
	return limits
}

// BillQuery asks for the bills numbered RefNumber, with their lines: how
// the service finds a bill it may have added before its answer was lost.
type BillQuery struct {
	RequestID string
	RefNumber string
}

func (q BillQuery) requestElement() any {
	// BillQuery: RefNumber, then IncludeLineItems (qbxml130.xsd).
	return struct {
		XMLName          xml.Name `xml:"BillQueryRq"`
		RequestID        string   `xml:"requestID,attr,omitempty"`
		RefNumber        string   `xml:"RefNumber"`
		IncludeLineItems bool     `xml:"IncludeLineItems"`
	}{RequestID: q.RequestID, RefNumber: q.RefNumber, IncludeLineItems: true}
}
