package qbxml

import "encoding/xml"

// The limits of a purchase order's text (qbxml130.xsd: PurchaseOrderAdd).
const (
	MaxPORefNumber = 11
	MaxVendorMsg   = 99
	MaxMemo        = 4095
)

// PurchaseOrderAdd adds a purchase order for the vendor VendorListID:
// its number (RefNumber, 11 characters at most), date, memo, the message
// printed for the vendor (VendorMsg, 99 at most), and its lines. The
// purchase orders of Procore's commitments (part 2 of the sync).
type PurchaseOrderAdd struct {
	RequestID    string
	VendorListID string
	TxnDate      string // YYYY-MM-DD, "" for QuickBooks' today
	RefNumber    string
	Memo         string
	VendorMsg    string
	Lines        []PurchaseOrderLine
}

// PurchaseOrderLine is a line of a purchase order: a Service item (a cost
// code), what it is for, and its amount; for a job (CustomerListID) when
// the purchase is a job's.
type PurchaseOrderLine struct {
	ItemListID     string
	Desc           string
	Amount         Money
	CustomerListID string
}

func (a PurchaseOrderAdd) requestElement() any {
	type ref struct {
		ListID string `xml:"ListID"`
	}
	// PurchaseOrderLineAdd: ItemRef, …, Desc, Quantity, …, Rate, ClassRef,
	// Amount, …, CustomerRef (qbxml130.xsd's PurchaseOrderLineAdd): the
	// job after the amount, as QuickBooks insists.
	type lineAdd struct {
		ItemRef     ref    `xml:"ItemRef"`
		Desc        string `xml:"Desc,omitempty"`
		Amount      Money  `xml:"Amount"`
		CustomerRef *ref   `xml:"CustomerRef,omitempty"`
	}
	// PurchaseOrderAdd: VendorRef, …, TxnDate, RefNumber, …, Memo,
	// VendorMsg, …, then the lines.
	type add struct {
		VendorRef ref       `xml:"VendorRef"`
		TxnDate   string    `xml:"TxnDate,omitempty"`
		RefNumber string    `xml:"RefNumber,omitempty"`
		Memo      string    `xml:"Memo,omitempty"`
		VendorMsg string    `xml:"VendorMsg,omitempty"`
		Lines     []lineAdd `xml:"PurchaseOrderLineAdd"`
	}
	po := add{VendorRef: ref{a.VendorListID}, TxnDate: a.TxnDate, RefNumber: a.RefNumber, Memo: a.Memo, VendorMsg: a.VendorMsg}
	for _, l := range a.Lines {
		line := lineAdd{ItemRef: ref{l.ItemListID}, Desc: l.Desc, Amount: l.Amount}
		if l.CustomerListID != "" {
			line.CustomerRef = &ref{l.CustomerListID}
		}
		po.Lines = append(po.Lines, line)
	}
	return struct {
		XMLName          xml.Name `xml:"PurchaseOrderAddRq"`
		RequestID        string   `xml:"requestID,attr,omitempty"`
		PurchaseOrderAdd add      `xml:"PurchaseOrderAdd"`
	}{RequestID: a.RequestID, PurchaseOrderAdd: po}
}

// Limits are the purchase order's text with its limits, for a check
// before it is sent.
func (a PurchaseOrderAdd) Limits() []Limit {
	limits := []Limit{{"RefNumber", a.RefNumber, MaxPORefNumber}, {"Memo", a.Memo, MaxMemo}, {"VendorMsg", a.VendorMsg, MaxVendorMsg}}
	for _, l := range a.Lines {
		limits = append(limits, Limit{"Desc", l.Desc, MaxDescription})
	}
	return limits
}
