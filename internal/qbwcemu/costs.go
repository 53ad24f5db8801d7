package qbwcemu

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// CostTxn is a transaction a bookkeeper entered in QuickBooks that job
// costs are read from: a bill, check, credit card charge, item receipt,
// vendor credit or credit card credit, its item lines each for a job or
// none.
type CostTxn struct {
	Kind         string // Bill, Check, CreditCardCharge, ItemReceipt, VendorCredit, CreditCardCredit
	TxnID        string
	EditSequence string
	TimeModified time.Time
	VendorListID string
	TxnDate      string
	Lines        []CostTxnLine
}

// CostTxnLine is an item line of a cost transaction.
type CostTxnLine struct {
	TxnLineID      string
	ItemListID     string
	CustomerListID string
	Amount         string // as AMTTYPE
}

// deletedTxn is a transaction deleted, as TxnDeletedQuery answers it.
type deletedTxn struct {
	Kind, TxnID string
	At          time.Time
}

// AddCostTxn enters a cost transaction as a bookkeeper does, changed now;
// its TxnID, EditSequence and line ids are given. It returns the TxnID.
func (q *QuickBooks) AddCostTxn(t CostTxn) string {
	q.mu.Lock()
	defer q.mu.Unlock()
	at, seq := q.changed()
	t.TxnID, t.EditSequence, t.TimeModified = fmt.Sprintf("%X-%s", 0x7000+len(q.CostTxns), seq), seq, at
	if t.TxnDate == "" {
		t.TxnDate = at.Format("2006-01-02")
	}
	if t.VendorListID == "" {
		t.VendorListID = q.Vendors[0].ListID
	}
	for i := range t.Lines {
		t.Lines[i].TxnLineID = fmt.Sprintf("%s-%d", t.TxnID, i+1)
	}
	q.CostTxns = append(q.CostTxns, t)
	return t.TxnID
}

// ChangeCostTxn changes a cost transaction as a bookkeeper does (its
// EditSequence and TimeModified change); false when there is none.
func (q *QuickBooks) ChangeCostTxn(txnID string, change func(*CostTxn)) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i := range q.CostTxns {
		if t := &q.CostTxns[i]; t.TxnID == txnID {
			change(t)
			t.TimeModified, t.EditSequence = q.changed()
			return true
		}
	}
	return false
}

// DeleteCostTxn deletes a cost transaction as a bookkeeper does;
// TxnDeletedQuery then lists it. False when there is none.
func (q *QuickBooks) DeleteCostTxn(txnID string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	i := slices.IndexFunc(q.CostTxns, func(t CostTxn) bool { return t.TxnID == txnID })
	if i < 0 {
		return false
	}
	at, _ := q.changed()
	q.deleted = append(q.deleted, deletedTxn{Kind: q.CostTxns[i].Kind, TxnID: txnID, At: at})
	q.CostTxns = slices.Delete(q.CostTxns, i, i+1)
	return true
}

// costQuery answers a query of a kind of cost transaction changed since
// its ModifiedDateRangeFilter's date, with the lines when asked, a page
// at a time: the bookkeeper's, and for bills those the service added.
func (q *QuickBooks) costQuery(name, kind string, r request) (string, bool) {
	from, ok := parseQBTime(r.ModifiedFrom)
	if !ok {
		return element(name, r.RequestID, status{3020, "Error", fmt.Sprintf("There was an error when converting the date value %q in the field \"FromModifiedDate\".", r.ModifiedFrom)}, nil, ""), true
	}
	return q.listQuery(name, r, func() *iterator {
		var rets []string
		for _, t := range q.costTxnsOf(kind) {
			if t.TimeModified.Before(from) {
				continue
			}
			rets = append(rets, q.costRet(t, r.IncludeLineItems))
		}
		return &iterator{total: len(rets), ret: func(i int) string { return rets[i] }}
	})
}

// costTxnsOf are the cost transactions of kind, the service's bills
// among them, by TxnID.
func (q *QuickBooks) costTxnsOf(kind string) []CostTxn {
	var out []CostTxn
	for _, t := range q.CostTxns {
		if t.Kind == kind {
			out = append(out, t)
		}
	}
	if kind == "Bill" {
		for _, b := range q.Bills {
			t := CostTxn{Kind: "Bill", TxnID: b.TxnID, EditSequence: b.EditSequence, TimeModified: b.TimeModified, VendorListID: b.VendorListID, TxnDate: b.TxnDate}
			for _, l := range b.Lines {
				t.Lines = append(t.Lines, CostTxnLine{TxnLineID: l.TxnLineID, ItemListID: l.ItemListID, CustomerListID: l.CustomerListID, Amount: l.Amount})
			}
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].TxnID < out[j].TxnID })
	return out
}

// costRet writes a cost transaction's Ret in its schema order: TxnCore,
// the account or vendor it requires, TxnDate, its total, the item lines
// (qbxml130.xsd's CheckRet, CreditCardChargeRet, ItemReceiptRet,
// VendorCreditRet, CreditCardCreditRet, BillRet).
func (q *QuickBooks) costRet(t CostTxn, lines bool) string {
	var b strings.Builder
	var total int64
	for _, l := range t.Lines {
		total += cents(l.Amount)
	}
	fmt.Fprintf(&b, "<%sRet><TxnID>%s</TxnID><TimeCreated>%s</TimeCreated><TimeModified>%s</TimeModified><EditSequence>%s</EditSequence>",
		t.Kind, esc(t.TxnID), qbTime(t.TimeModified), qbTime(t.TimeModified), esc(t.EditSequence))
	const account = "<AccountRef><ListID>80000030-1</ListID></AccountRef>"
	vendor := fmt.Sprintf("<VendorRef><ListID>%s</ListID></VendorRef>", esc(t.VendorListID))
	date := fmt.Sprintf("<TxnDate>%s</TxnDate>", esc(t.TxnDate))
	switch t.Kind {
	case "Check", "CreditCardCharge", "CreditCardCredit":
		fmt.Fprintf(&b, "%s%s<Amount>%s</Amount>", account, date, amount(total))
	case "ItemReceipt":
		fmt.Fprintf(&b, "%s%s<TotalAmount>%s</TotalAmount>", vendor, date, amount(total))
	case "VendorCredit":
		fmt.Fprintf(&b, "%s%s<CreditAmount>%s</CreditAmount>", vendor, date, amount(total))
	default: // Bill
		fmt.Fprintf(&b, "%s%s<AmountDue>%s</AmountDue>", vendor, date, amount(total))
	}
	for _, l := range t.Lines {
		if !lines {
			break
		}
		itemLineRet(&b, "ItemLineRet", l.TxnLineID, l.ItemListID, "", l.Amount, l.CustomerListID)
	}
	fmt.Fprintf(&b, "</%sRet>", t.Kind)
	return b.String()
}

// deletedQuery answers a TxnDeletedQuery: the transactions of the kinds
// asked deleted since its DeletedDateRangeFilter's date.
func (q *QuickBooks) deletedQuery(name string, r request) (string, bool) {
	from, ok := parseQBTime(r.DeletedFrom)
	if !ok {
		return element(name, r.RequestID, status{3020, "Error", fmt.Sprintf("There was an error when converting the date value %q in the field \"FromDeletedDate\".", r.DeletedFrom)}, nil, ""), true
	}
	var body strings.Builder
	for _, d := range q.deleted {
		if !slices.Contains(r.DelTypes, d.Kind) || d.At.Before(from) {
			continue
		}
		fmt.Fprintf(&body, "<TxnDeletedRet><TxnDelType>%s</TxnDelType><TxnID>%s</TxnID><TimeCreated>%s</TimeCreated><TimeDeleted>%s</TimeDeleted></TxnDeletedRet>",
			esc(d.Kind), esc(d.TxnID), qbTime(fileMade), qbTime(d.At))
	}
	if body.Len() == 0 {
		return element(name, r.RequestID, statusNoMatch, nil, ""), false
	}
	return element(name, r.RequestID, statusOK, nil, body.String()), false
}
