package qbwcemu

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// PurchaseOrder is a purchase order of the company file.
type PurchaseOrder struct {
	TxnID        string
	EditSequence string
	VendorListID string
	TxnDate      string
	RefNumber    string
	Memo         string
	VendorMsg    string
	ExternalGUID string
	Lines        []PurchaseOrderLine
}

// PurchaseOrderLine is a line of a purchase order.
type PurchaseOrderLine struct {
	TxnLineID      string
	ItemListID     string
	Desc           string
	Amount         string // as AMTTYPE
	CustomerListID string
}

// listRef is a reference to a list entity (ItemRef, VendorRef…) as read.
type listRef struct {
	ListID string `xml:"ListID"`
}

// txnIn is what a transaction's add names in common: its vendor, date,
// number and the service's mark.
type txnIn struct {
	VendorRef listRef `xml:"VendorRef"`
	TxnDate   string  `xml:"TxnDate"`
	RefNumber string  `xml:"RefNumber"`
	GUID      string  `xml:"ExternalGUID"`
}

// itemLineIn is an item line of a transaction's add, as read.
type itemLineIn struct {
	ItemRef     listRef `xml:"ItemRef"`
	Desc        string  `xml:"Desc"`
	Amount      string  `xml:"Amount"`
	CustomerRef listRef `xml:"CustomerRef"`
}

// purchaseOrderIn is a PurchaseOrderAdd as read.
type purchaseOrderIn struct {
	txnIn
	Memo      string       `xml:"Memo"`
	VendorMsg string       `xml:"VendorMsg"`
	Lines     []itemLineIn `xml:"PurchaseOrderLineAdd"`
}

// invalidReference is QuickBooks' refusal of a reference to what it does
// not have (3140), in a transaction of kind.
func invalidReference(name, requestID, kind, what, id string) (string, bool) {
	return element(name, requestID, status{3140, "Error",
		fmt.Sprintf("There is an invalid reference to QuickBooks %s %q in the %s.", what, id, kind)}, nil, ""), true
}

// addPurchaseOrder adds a purchase order, refused with 3140 for a vendor,
// item or customer QuickBooks does not have.
func (q *QuickBooks) addPurchaseOrder(name string, r request) (string, bool) {
	in := r.PurchaseOrderAdd
	invalid := func(what, id string) (string, bool) {
		return invalidReference(name, r.RequestID, "Purchase Order", what, id)
	}
	if q.InventoryOff {
		return element(name, r.RequestID, featureOff, nil, ""), true
	}
	if !hasEntity(q.Vendors, in.VendorRef.ListID) {
		return invalid("Vendor", in.VendorRef.ListID)
	}
	_, seq := q.changed()
	po := PurchaseOrder{TxnID: fmt.Sprintf("%X-%s", 0x1000+len(q.PurchaseOrders), seq), EditSequence: seq, VendorListID: in.VendorRef.ListID,
		TxnDate: in.TxnDate, RefNumber: in.RefNumber, Memo: in.Memo, VendorMsg: in.VendorMsg, ExternalGUID: in.GUID}
	for i, l := range in.Lines {
		switch {
		case !q.hasItem(l.ItemRef.ListID):
			return invalid("Item", l.ItemRef.ListID)
		case l.CustomerRef.ListID != "" && !hasEntity(q.Customers, l.CustomerRef.ListID):
			return invalid("Customer", l.CustomerRef.ListID)
		}
		po.Lines = append(po.Lines, PurchaseOrderLine{TxnLineID: fmt.Sprintf("%s-%d", po.TxnID, i+1), ItemListID: l.ItemRef.ListID,
			Desc: l.Desc, Amount: l.Amount, CustomerListID: l.CustomerRef.ListID})
	}
	q.PurchaseOrders = append(q.PurchaseOrders, po)
	return element(name, r.RequestID, statusOK, nil, q.purchaseOrderRet(po, true)), false
}

// featureOff is QuickBooks' refusal of what a preference turned off
// needs (consolibyte/quickbooks-php's list of status codes: 3250).
var featureOff = status{3250, "Error", "This feature is not enabled or not available in this version of QuickBooks."}

// purchaseOrderQuery answers a PurchaseOrderQuery by TxnID or RefNumber
// (every purchase order without either), with the lines when asked.
func (q *QuickBooks) purchaseOrderQuery(name string, r request) (string, bool) {
	var body strings.Builder
	for _, po := range q.PurchaseOrders {
		if (len(r.TxnIDs) == 0 || slices.Contains(r.TxnIDs, po.TxnID)) && (len(r.RefNumbers) == 0 || slices.Contains(r.RefNumbers, po.RefNumber)) {
			body.WriteString(q.purchaseOrderRet(po, r.IncludeLineItems))
		}
	}
	if body.Len() == 0 {
		return element(name, r.RequestID, statusNoMatch, nil, ""), false
	}
	return element(name, r.RequestID, statusOK, nil, body.String()), false
}

func hasEntity(list []Entity, listID string) bool {
	for _, e := range list {
		if e.ListID == listID {
			return true
		}
	}
	return false
}

func (q *QuickBooks) hasItem(listID string) bool {
	for _, it := range q.Items {
		if it.ListID == listID {
			return true
		}
	}
	return false
}

// purchaseOrderRet writes a PurchaseOrderRet in schema order: TxnCore,
// VendorRef, TxnDate, RefNumber, TotalAmount, Memo, VendorMsg,
// ExternalGUID, the lines when asked (qbxml130.xsd's PurchaseOrderRet
// and PurchaseOrderLineRet).
func (q *QuickBooks) purchaseOrderRet(po PurchaseOrder, lines bool) string {
	var b strings.Builder
	var total int64 // cents
	for _, l := range po.Lines {
		total += cents(l.Amount)
	}
	q.txnHead(&b, "PurchaseOrderRet", po.TxnID, po.EditSequence, po.VendorListID)
	optional(&b, "TxnDate", po.TxnDate)
	optional(&b, "RefNumber", po.RefNumber)
	fmt.Fprintf(&b, "<TotalAmount>%s</TotalAmount>", amount(total))
	optional(&b, "Memo", po.Memo)
	optional(&b, "VendorMsg", po.VendorMsg)
	optional(&b, "ExternalGUID", po.ExternalGUID)
	for _, l := range po.Lines {
		if !lines {
			break
		}
		itemLineRet(&b, "PurchaseOrderLineRet", l.TxnLineID, l.ItemListID, l.Desc, l.Amount, l.CustomerListID)
	}
	b.WriteString("</PurchaseOrderRet>")
	return b.String()
}

// txnHead begins a transaction's Ret element: its TxnCore (TxnID, times,
// EditSequence) and VendorRef.
func (q *QuickBooks) txnHead(b *strings.Builder, element, txnID, editSequence, vendor string) {
	fmt.Fprintf(b, "<%s><TxnID>%s</TxnID><TimeCreated>%s</TimeCreated><TimeModified>%s</TimeModified><EditSequence>%s</EditSequence>",
		element, esc(txnID), qbTime(q.now()), qbTime(q.now()), esc(editSequence))
	fmt.Fprintf(b, "<VendorRef><ListID>%s</ListID></VendorRef>", esc(vendor))
}

// itemLineRet writes an item line of a transaction in schema order:
// TxnLineID, ItemRef, Desc, Amount, CustomerRef.
func itemLineRet(b *strings.Builder, element, lineID, item, desc, amt, customer string) {
	fmt.Fprintf(b, "<%s><TxnLineID>%s</TxnLineID><ItemRef><ListID>%s</ListID></ItemRef>", element, esc(lineID), esc(item))
	optional(b, "Desc", desc)
	fmt.Fprintf(b, "<Amount>%s</Amount>", esc(amt))
	if customer != "" {
		fmt.Fprintf(b, "<CustomerRef><ListID>%s</ListID></CustomerRef>", esc(customer))
	}
	fmt.Fprintf(b, "</%s>", element)
}

// optional writes the element name with value, when there is one.
func optional(b *strings.Builder, name, value string) {
	if value != "" {
		fmt.Fprintf(b, "<%s>%s</%s>", name, esc(value), name)
	}
}

// PurchaseOrderList is the company file's purchase orders, as they are now.
func (q *QuickBooks) PurchaseOrderList() []PurchaseOrder {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]PurchaseOrder(nil), q.PurchaseOrders...)
}

// cents reads an AMTTYPE the schema took (QuickBooks reads amounts its
// own way: the emulator does not borrow the service's qbxml.Money, so a
// fault in it would show) ("-20.00", "5", "12.5" are all
// AMTTYPE-shaped: at most two decimals).
func cents(amt string) int64 {
	neg := strings.HasPrefix(amt, "-")
	whole, frac, _ := strings.Cut(strings.TrimLeft(amt, "+-"), ".")
	frac = (frac + "00")[:2]
	w, _ := strconv.ParseInt(whole, 10, 64)
	f, _ := strconv.ParseInt(frac, 10, 64)
	if neg {
		return -(w*100 + f)
	}
	return w*100 + f
}

// amount writes cents as QuickBooks writes an amount.
func amount(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d.%02d", sign, c/100, c%100)
}

// SetPreferences turns the company file's preferences on or off, as a
// bookkeeper does in Edit > Preferences: Inventory and purchase orders,
// and estimates.
func (q *QuickBooks) SetPreferences(inventory, estimates bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.InventoryOff, q.EstimatesOff = !inventory, !estimates
}

// purchaseOrderModIn is a PurchaseOrderMod as read.
type purchaseOrderModIn struct {
	TxnID        string `xml:"TxnID"`
	EditSequence string `xml:"EditSequence"`
	Lines        []struct {
		TxnLineID string `xml:"TxnLineID"`
		itemLineIn
	} `xml:"PurchaseOrderLineMod"`
}

// modPurchaseOrder changes a purchase order as QuickBooks does: the
// lines named are kept, those of TxnLineID -1 added, and every other line
// deleted. One open in another window is refused (3176), an EditSequence
// not its own (3200), a line or item it does not have (3120, 3140).
func (q *QuickBooks) modPurchaseOrder(name string, r request) (string, bool) {
	in := r.PurchaseOrderMod
	refuse := func(code int, message string) (string, bool) {
		return element(name, r.RequestID, status{code, "Error", message}, nil, ""), true
	}
	i := slices.IndexFunc(q.PurchaseOrders, func(po PurchaseOrder) bool { return po.TxnID == in.TxnID })
	switch {
	case i < 0:
		return refuse(3120, fmt.Sprintf("Object %q specified in the request cannot be found.", in.TxnID))
	case q.InUse[in.TxnID]:
		return refuse(3176, fmt.Sprintf("There was an error when modifying a Purchase Order %q. The record is in use by another user.", q.PurchaseOrders[i].RefNumber))
	case in.EditSequence != q.PurchaseOrders[i].EditSequence:
		return refuse(3200, fmt.Sprintf("The provided edit sequence for %q is out-of-date.", in.EditSequence))
	}
	po := q.PurchaseOrders[i]
	var lines []PurchaseOrderLine
	for _, l := range in.Lines {
		if l.TxnLineID != "-1" {
			j := slices.IndexFunc(po.Lines, func(k PurchaseOrderLine) bool { return k.TxnLineID == l.TxnLineID })
			if j < 0 {
				return refuse(3120, fmt.Sprintf("Object %q specified in the request cannot be found.", l.TxnLineID))
			}
			lines = append(lines, po.Lines[j])
			continue
		}
		if !q.hasItem(l.ItemRef.ListID) {
			return invalidReference(name, r.RequestID, "Purchase Order", "Item", l.ItemRef.ListID)
		}
		q.lineSeq++
		lines = append(lines, PurchaseOrderLine{TxnLineID: fmt.Sprintf("%s-m%d", po.TxnID, q.lineSeq), ItemListID: l.ItemRef.ListID,
			Desc: l.Desc, Amount: l.Amount, CustomerListID: l.CustomerRef.ListID})
	}
	_, po.EditSequence = q.changed()
	po.Lines = lines
	q.PurchaseOrders[i] = po
	return element(name, r.RequestID, statusOK, nil, q.purchaseOrderRet(po, true)), false
}

// SetInUse opens the purchase order txnID in another window of
// QuickBooks (on), or closes it.
func (q *QuickBooks) SetInUse(txnID string, on bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.InUse == nil {
		q.InUse = map[string]bool{}
	}
	q.InUse[txnID] = on
}
