// Package qbjobs is what each kind of job of the service's queue is asked
// and what it answers, as the JSON kept with the job: the connector does
// the job in QuickBooks, and the sync's packages queue it and read its
// answer.
package qbjobs

import (
	"encoding/json"

	"qbsettings/qbservice/qbxml"
	"qbsettings/serviceapi"
)

// VendorsAsked is a servicedb.JobVendors job: read the vendors, active or
// not, changed since From (QuickBooks' time; every vendor when "").
type VendorsAsked struct {
	From string `json:"from,omitempty"`
}

// RecordsRead is what a vendors or customers job read (the records
// themselves are kept beside the job, servicedb.JobRecords): how many,
// and the latest TimeModified among them, as QuickBooks wrote it.
type RecordsRead struct {
	Read   int    `json:"read"`
	Latest string `json:"latest,omitempty"`
}

// VendorAsked is a servicedb.JobVendor job: find the vendor of Vendor's
// name, or else add Vendor.
type VendorAsked struct {
	Vendor qbxml.Vendor `json:"vendor"`
}

// VendorFound is the vendor a vendor job found (Found) or added.
type VendorFound struct {
	Vendor qbxml.Vendor `json:"vendor"`
	Found  bool         `json:"found"`
}

// PurchaseOrderAsked is a servicedb.JobPurchaseOrder job: find the
// purchase order marked PurchaseOrder.ExternalGUID among those of its
// number, or else add PurchaseOrder.
type PurchaseOrderAsked struct {
	PurchaseOrder qbxml.PurchaseOrderAdd `json:"purchaseOrder"`
}

// BillAsked is a servicedb.JobBill job: find the bill marked
// Bill.ExternalGUID among those of its number, or else add Bill for the
// vendor of the purchase order PurchaseOrder (its TxnID), which QuickBooks
// is asked for first.
type BillAsked struct {
	Bill          qbxml.BillAdd `json:"bill"`
	PurchaseOrder string        `json:"purchaseOrder"`
	// Shaped are the rules that shaped the bill, for the activity (the
	// settings may change before the job is done).
	Shaped []serviceapi.ActivityRule `json:"shaped,omitempty"`
}

// PurchaseOrderChangeAsked is a servicedb.JobPurchaseOrderChange job: add
// Change.Add to purchase order Change.TxnID, which has Known lines when
// the change is not made yet (QuickBooks is asked for its lines and
// EditSequence first; Change.Keep and EditSequence are filled from them).
type PurchaseOrderChangeAsked struct {
	Change qbxml.PurchaseOrderMod `json:"change"`
	Known  int                    `json:"known"`
	// ChangeOrder is the Procore change order it is (its id).
	ChangeOrder int64 `json:"changeOrder"`
}

// JobAsked is a servicedb.JobJob job: find the job of Job's full name
// marked Job.ExternalGUID, or else add Job; for a job exported before
// (ListID), change it to Job.
type JobAsked struct {
	Job    qbxml.Job `json:"job"`
	ListID string    `json:"listId,omitempty"`
}

// JobWritten is the job a job export found (Found), added or changed.
type JobWritten struct {
	Customer qbxml.Customer `json:"customer"`
	Found    bool           `json:"found"`
}

// EstimateAsked is a servicedb.JobEstimate job: find the estimate of
// Estimate's job marked Estimate.ExternalGUID, or else add Estimate; for
// a budget exported before (TxnID), change that estimate to hold
// Estimate's lines.
type EstimateAsked struct {
	Estimate qbxml.EstimateAdd `json:"estimate"`
	TxnID    string            `json:"txnId,omitempty"`
}

// CostsRead is what a servicedb.JobJobCosts job read: how many cost
// transactions changed, and how many were deleted, since the last read.
type CostsRead struct {
	Read    int `json:"read"`
	Deleted int `json:"deleted"`
}

// TxnWritten is the transaction a purchase order or bill job found
// (Found) or added, with its lines in order.
type TxnWritten struct {
	Txn   qbxml.Txn `json:"txn"`
	Found bool      `json:"found"`
}

// Encode is v as the JSON kept with a job.
func Encode(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("qbjobs: " + err.Error()) // the types above always marshal
	}
	return string(b)
}

// Decode reads the JSON kept with a job into v; "" leaves v as it is.
func Decode(text string, v any) error {
	if text == "" {
		return nil
	}
	return json.Unmarshal([]byte(text), v)
}
