package qbxml

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"strings"
)

// The limits of a purchase order's text (qbxml130.xsd: PurchaseOrderAdd).
const (
	MaxPORefNumber = 11
	MaxVendorMsg   = 99
	MaxMemo        = 4095
	// MaxGUID is GUIDTYPE's length: 32 digits, 4 dashes and braces.
	MaxGUID = 38
)

// listRef is a reference to a list entity (a vendor, an item, a job) by
// its ListID, as a transaction's requests name one.
type listRef struct {
	ListID string `xml:"ListID"`
}

// PurchaseOrderAdd adds a purchase order for the vendor VendorListID:
// its number (RefNumber, 11 characters at most), date, memo, the message
// printed for the vendor (VendorMsg, 99 at most), and its lines. The
// purchase orders of Procore's commitments. ExternalGUID, when set, is
// kept by QuickBooks with the purchase order and answered with it: the
// service's own mark, by which it knows a purchase order it added.
type PurchaseOrderAdd struct {
	RequestID    string              `json:"-"`
	VendorListID string              `json:"vendorListId"`
	TxnDate      string              `json:"txnDate,omitempty"` // YYYY-MM-DD, "" for QuickBooks' today
	RefNumber    string              `json:"refNumber,omitempty"`
	Memo         string              `json:"memo,omitempty"`
	VendorMsg    string              `json:"vendorMsg,omitempty"`
	ExternalGUID string              `json:"externalGuid,omitempty"`
	Lines        []PurchaseOrderLine `json:"lines"`
}

// PurchaseOrderLine is a line of a purchase order: a Service item (a cost
// code), what it is for, and its amount; for a job (CustomerListID) when
// the purchase is a job's.
type PurchaseOrderLine struct {
	ItemListID     string `json:"itemListId"`
	Desc           string `json:"desc,omitempty"`
	Amount         Money  `json:"amount"`
	CustomerListID string `json:"customerListId,omitempty"`
}

func (a PurchaseOrderAdd) requestElement() any {
	// PurchaseOrderLineAdd: ItemRef, …, Desc, Quantity, …, Rate, ClassRef,
	// Amount, …, CustomerRef (qbxml130.xsd's PurchaseOrderLineAdd): the
	// job after the amount, as QuickBooks insists.
	type lineAdd struct {
		ItemRef     listRef  `xml:"ItemRef"`
		Desc        string   `xml:"Desc,omitempty"`
		Amount      Money    `xml:"Amount"`
		CustomerRef *listRef `xml:"CustomerRef,omitempty"`
	}
	// PurchaseOrderAdd: VendorRef, …, TxnDate, RefNumber, …, Memo,
	// VendorMsg, …, ExternalGUID, then the lines.
	type add struct {
		VendorRef listRef   `xml:"VendorRef"`
		TxnDate   string    `xml:"TxnDate,omitempty"`
		RefNumber string    `xml:"RefNumber,omitempty"`
		Memo      string    `xml:"Memo,omitempty"`
		VendorMsg string    `xml:"VendorMsg,omitempty"`
		GUID      string    `xml:"ExternalGUID,omitempty"`
		Lines     []lineAdd `xml:"PurchaseOrderLineAdd"`
	}
	po := add{VendorRef: listRef{a.VendorListID}, TxnDate: a.TxnDate, RefNumber: a.RefNumber, Memo: a.Memo, VendorMsg: a.VendorMsg, GUID: a.ExternalGUID}
	for _, l := range a.Lines {
		line := lineAdd{ItemRef: listRef{l.ItemListID}, Desc: l.Desc, Amount: l.Amount}
		if l.CustomerListID != "" {
			line.CustomerRef = &listRef{l.CustomerListID}
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

// PurchaseOrderQuery asks for a purchase order by its TxnID, or for the
// purchase orders numbered RefNumber, with their lines when Lines: how
// the service finds a purchase order it may have added before its answer
// was lost (with its lines, to link them), and the vendor of the one a
// bill is for (without: a project's purchase order may have thousands).
type PurchaseOrderQuery struct {
	RequestID string
	TxnID     string
	RefNumber string
	Lines     bool
}

func (q PurchaseOrderQuery) requestElement() any {
	// PurchaseOrderQuery: TxnID or RefNumber, then IncludeLineItems
	// (qbxml130.xsd).
	return struct {
		XMLName          xml.Name `xml:"PurchaseOrderQueryRq"`
		RequestID        string   `xml:"requestID,attr,omitempty"`
		TxnID            string   `xml:"TxnID,omitempty"`
		RefNumber        string   `xml:"RefNumber,omitempty"`
		IncludeLineItems bool     `xml:"IncludeLineItems"`
	}{RequestID: q.RequestID, TxnID: q.TxnID, RefNumber: q.RefNumber, IncludeLineItems: q.Lines}
}

// Txn is a transaction QuickBooks answered (a purchase order, a bill, an
// estimate), with its item lines in order.
type Txn struct {
	TxnID        string `json:"txnId"`
	EditSequence string `json:"editSequence"`
	RefNumber    string `json:"refNumber,omitempty"`
	ExternalGUID string `json:"externalGuid,omitempty"`
	VendorListID string `json:"vendorListId,omitempty"`
	// CustomerListID is an estimate's job.
	CustomerListID string `json:"customerListId,omitempty"`
	// TimeModified and TxnDate are as QuickBooks wrote them.
	TimeModified string    `json:"timeModified,omitempty"`
	TxnDate      string    `json:"txnDate,omitempty"`
	Lines        []TxnLine `json:"lines"`
}

// TxnLine is an item line of a transaction QuickBooks answered: its item,
// its job (CustomerRef), and its amount as QuickBooks wrote it.
type TxnLine struct {
	TxnLineID      string `json:"txnLineId"`
	ItemListID     string `json:"itemListId,omitempty"`
	CustomerListID string `json:"customerListId,omitempty"`
	Amount         string `json:"amount,omitempty"`
}

// Marked is the transaction among txns the service marked guid, or nil.
func Marked(txns []Txn, guid string) *Txn {
	for i := range txns {
		if SameGUID(txns[i].ExternalGUID, guid) {
			return &txns[i]
		}
	}
	return nil
}

// GUID is the ExternalGUID (GUIDTYPE: "{8-4-4-4-12}" hexadecimal digits)
// named by text: the same text, the same GUID, so that the service's
// mark of a record is found again after any restart.
func GUID(text string) string {
	sum := sha256.Sum256([]byte(text))
	h := hex.EncodeToString(sum[:16])
	return "{" + h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32] + "}"
}

// SameGUID tells whether two GUIDs are the same, as QuickBooks compares
// them: without regard to case.
func SameGUID(a, b string) bool { return a != "" && strings.EqualFold(a, b) }

// PurchaseOrderMod changes purchase order TxnID at EditSequence: it keeps
// the lines Keep names (QuickBooks deletes every line a Mod does not name)
// and adds the lines Add after them (each TxnLineID -1, as QuickBooks
// reads a new line). The change orders of Procore's commitments.
type PurchaseOrderMod struct {
	RequestID    string              `json:"-"`
	TxnID        string              `json:"txnId"`
	EditSequence string              `json:"editSequence"`
	Keep         []string            `json:"keep"`
	Add          []PurchaseOrderLine `json:"add"`
}

func (m PurchaseOrderMod) requestElement() any {
	// PurchaseOrderLineMod: TxnLineID, ItemRef, …, Desc, …, Amount, …,
	// CustomerRef (qbxml130.xsd): a kept line names only its TxnLineID.
	type lineMod struct {
		TxnLineID   string   `xml:"TxnLineID"`
		ItemRef     *listRef `xml:"ItemRef,omitempty"`
		Desc        string   `xml:"Desc,omitempty"`
		Amount      *Money   `xml:"Amount,omitempty"`
		CustomerRef *listRef `xml:"CustomerRef,omitempty"`
	}
	// PurchaseOrderMod: TxnID, EditSequence, …, then the lines.
	type mod struct {
		TxnID        string    `xml:"TxnID"`
		EditSequence string    `xml:"EditSequence"`
		Lines        []lineMod `xml:"PurchaseOrderLineMod"`
	}
	out := mod{TxnID: m.TxnID, EditSequence: m.EditSequence}
	for _, id := range m.Keep {
		out.Lines = append(out.Lines, lineMod{TxnLineID: id})
	}
	for _, l := range m.Add {
		amount := l.Amount
		line := lineMod{TxnLineID: "-1", ItemRef: &listRef{l.ItemListID}, Desc: l.Desc, Amount: &amount}
		if l.CustomerListID != "" {
			line.CustomerRef = &listRef{l.CustomerListID}
		}
		out.Lines = append(out.Lines, line)
	}
	return struct {
		XMLName          xml.Name `xml:"PurchaseOrderModRq"`
		RequestID        string   `xml:"requestID,attr,omitempty"`
		PurchaseOrderMod mod      `xml:"PurchaseOrderMod"`
	}{RequestID: m.RequestID, PurchaseOrderMod: out}
}
