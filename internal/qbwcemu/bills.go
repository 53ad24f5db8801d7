package qbwcemu

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Bill is a vendor's bill in the company file.
type Bill struct {
	TxnID        string
	EditSequence string
	VendorListID string
	TxnDate      string
	RefNumber    string
	ExternalGUID string
	TimeModified time.Time
	Lines        []BillLine
}

// BillLine is an item line of a bill, linked to the purchase order line
// it bills when LinkTxnLineID is set.
type BillLine struct {
	TxnLineID      string
	ItemListID     string
	Desc           string
	Amount         string // as AMTTYPE
	CustomerListID string
	LinkTxnID      string
	LinkTxnLineID  string
}

// billIn is a BillAdd as read.
type billIn struct {
	txnIn
	Lines []struct {
		itemLineIn
		LinkToTxn struct {
			TxnID     string `xml:"TxnID"`
			TxnLineID string `xml:"TxnLineID"`
		} `xml:"LinkToTxn"`
	} `xml:"ItemLineAdd"`
}

// addBill adds a bill, refused with 3140 for a vendor, item, customer or
// purchase order line QuickBooks does not have.
func (q *QuickBooks) addBill(name string, r request) (string, bool) {
	in := r.BillAdd
	invalid := func(what, id string) (string, bool) { return invalidReference(name, r.RequestID, "Bill", what, id) }
	if !hasEntity(q.Vendors, in.VendorRef.ListID) {
		return invalid("Vendor", in.VendorRef.ListID)
	}
	at, seq := q.changed()
	bill := Bill{TxnID: fmt.Sprintf("%X-%s", 0x2000+len(q.Bills), seq), EditSequence: seq, VendorListID: in.VendorRef.ListID,
		TxnDate: in.TxnDate, RefNumber: in.RefNumber, ExternalGUID: in.GUID, TimeModified: at}
	if bill.TxnDate == "" {
		bill.TxnDate = q.now().Format("2006-01-02")
	}
	for i, l := range in.Lines {
		link := l.LinkToTxn
		switch {
		case !q.hasItem(l.ItemRef.ListID):
			return invalid("Item", l.ItemRef.ListID)
		case l.CustomerRef.ListID != "" && !hasEntity(q.Customers, l.CustomerRef.ListID):
			return invalid("Customer", l.CustomerRef.ListID)
		case link.TxnID != "" && !q.hasPurchaseOrderLine(link.TxnID, link.TxnLineID):
			return invalid("Purchase Order line", link.TxnLineID)
		}
		bill.Lines = append(bill.Lines, BillLine{TxnLineID: fmt.Sprintf("%s-%d", bill.TxnID, i+1), ItemListID: l.ItemRef.ListID,
			Desc: l.Desc, Amount: l.Amount, CustomerListID: l.CustomerRef.ListID, LinkTxnID: link.TxnID, LinkTxnLineID: link.TxnLineID})
	}
	q.Bills = append(q.Bills, bill)
	return element(name, r.RequestID, statusOK, nil, q.billRet(bill, true)), false
}

func (q *QuickBooks) hasPurchaseOrderLine(txnID, lineID string) bool {
	for _, po := range q.PurchaseOrders {
		if po.TxnID == txnID {
			return slices.ContainsFunc(po.Lines, func(l PurchaseOrderLine) bool { return l.TxnLineID == lineID })
		}
	}
	return false
}

// billQuery answers a BillQuery by RefNumber (every bill without one),
// with the lines when asked.
func (q *QuickBooks) billQuery(name string, r request) (string, bool) {
	var body strings.Builder
	for _, b := range q.Bills {
		if len(r.RefNumbers) == 0 || slices.Contains(r.RefNumbers, b.RefNumber) {
			body.WriteString(q.billRet(b, r.IncludeLineItems))
		}
	}
	if body.Len() == 0 {
		return element(name, r.RequestID, statusNoMatch, nil, ""), false
	}
	return element(name, r.RequestID, statusOK, nil, body.String()), false
}

// billRet writes a BillRet in schema order: TxnCore, VendorRef, TxnDate,
// AmountDue, RefNumber, ExternalGUID, the item lines when asked
// (qbxml130.xsd's BillRet and ItemLineRet).
func (q *QuickBooks) billRet(b Bill, lines bool) string {
	var s strings.Builder
	var total int64
	for _, l := range b.Lines {
		total += cents(l.Amount)
	}
	q.txnHead(&s, "BillRet", b.TxnID, b.EditSequence, b.VendorListID)
	fmt.Fprintf(&s, "<TxnDate>%s</TxnDate><AmountDue>%s</AmountDue>", esc(b.TxnDate), amount(total))
	optional(&s, "RefNumber", b.RefNumber)
	optional(&s, "ExternalGUID", b.ExternalGUID)
	for _, l := range b.Lines {
		if !lines {
			break
		}
		itemLineRet(&s, "ItemLineRet", l.TxnLineID, l.ItemListID, l.Desc, l.Amount, l.CustomerListID)
	}
	s.WriteString("</BillRet>")
	return s.String()
}

// BillList is the company file's bills, as they are now.
func (q *QuickBooks) BillList() []Bill {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]Bill(nil), q.Bills...)
}
