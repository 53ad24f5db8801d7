package qbxml

import "encoding/xml"

// CostKind is a kind of QuickBooks transaction job costs are read from:
// those whose item lines carry a job and an item, as Procore's QuickBooks
// connector counts them ("must be coded to Service Items that are synced
// with Procore Cost Codes"; expenses and journal entries are not).
type CostKind string

// The kinds of cost transaction, in the order they are read. A credit's
// lines lower the job's costs.
const (
	CostBill             CostKind = "Bill"
	CostCheck            CostKind = "Check"
	CostCreditCardCharge CostKind = "CreditCardCharge"
	CostItemReceipt      CostKind = "ItemReceipt"
	CostVendorCredit     CostKind = "VendorCredit"
	CostCreditCardCredit CostKind = "CreditCardCredit"
)

// CostKinds are the kinds of cost transaction, in the order they are read.
var CostKinds = []CostKind{CostBill, CostCheck, CostCreditCardCharge, CostItemReceipt, CostVendorCredit, CostCreditCardCredit}

// Credit tells whether a kind's lines lower a job's costs.
func (k CostKind) Credit() bool { return k == CostVendorCredit || k == CostCreditCardCredit }

// DeletedTxn is a transaction QuickBooks says was deleted, and when.
type DeletedTxn struct {
	Kind        CostKind `json:"kind"`
	TxnID       string   `json:"txnId"`
	TimeDeleted string   `json:"timeDeleted,omitempty"`
}

// CostQuery asks for the transactions of Kind changed since From
// (QuickBooks' time, as it wrote it; all when ""), with their lines, a
// page of at most MaxReturned at a time with an iterator.
type CostQuery struct {
	Kind        CostKind
	RequestID   string
	Iterator    Iterator
	IteratorID  string
	MaxReturned int
	From        string
}

func (q CostQuery) requestElement() any {
	// <Kind>Query: TxnFilter's MaxReturned and ModifiedDateRangeFilter,
	// then IncludeLineItems (qbxml130.xsd's TxnQuery, BillQuery's
	// BillFilter).
	type modified struct {
		From string `xml:"FromModifiedDate"`
	}
	var since *modified
	if q.From != "" {
		since = &modified{q.From}
	}
	return struct {
		XMLName          xml.Name
		RequestID        string    `xml:"requestID,attr,omitempty"`
		Iterator         string    `xml:"iterator,attr,omitempty"`
		IteratorID       string    `xml:"iteratorID,attr,omitempty"`
		MaxReturned      int       `xml:"MaxReturned,omitempty"`
		Modified         *modified `xml:"ModifiedDateRangeFilter,omitempty"`
		IncludeLineItems bool      `xml:"IncludeLineItems"`
	}{XMLName: xml.Name{Local: string(q.Kind) + "QueryRq"}, RequestID: q.RequestID, Iterator: string(q.Iterator), IteratorID: q.IteratorID,
		MaxReturned: q.MaxReturned, Modified: since, IncludeLineItems: true}
}

// DeletedQuery asks for the cost transactions deleted since From (all
// QuickBooks keeps when "").
type DeletedQuery struct {
	RequestID string
	From      string
}

func (q DeletedQuery) requestElement() any {
	// TxnDeletedQuery: TxnDelType (one or more), DeletedDateRangeFilter.
	type deleted struct {
		From string `xml:"FromDeletedDate"`
	}
	var since *deleted
	if q.From != "" {
		since = &deleted{q.From}
	}
	kinds := make([]string, len(CostKinds))
	for i, k := range CostKinds {
		kinds[i] = string(k)
	}
	return struct {
		XMLName   xml.Name `xml:"TxnDeletedQueryRq"`
		RequestID string   `xml:"requestID,attr,omitempty"`
		Kinds     []string `xml:"TxnDelType"`
		Since     *deleted `xml:"DeletedDateRangeFilter,omitempty"`
	}{RequestID: q.RequestID, Kinds: kinds, Since: since}
}
