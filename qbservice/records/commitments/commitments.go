// Package commitments moves Procore's commitments (subcontracts and
// purchase orders) to QuickBooks, as erp_events_dictionary.md's
// create_commitment asks: each becomes a purchase order of the vendor,
// one line a commitment item on the item of its cost code, for the job;
// then the commitment and its items are marked synced with the purchase
// order's TxnID and TxnLineIDs. The purchase order's number follows the
// setting Use Procore Contract # (rule 1 of erp-integrator.md §2).
package commitments

import (
	"encoding/json"
	"sort"

	"qbsettings/qbservice/records"
)

// exported is create_commitment's payload (erp_events_dictionary.md).
type exported struct {
	JobID      string `json:"job_id"`
	Commitment struct {
		ID          int64  `json:"id"`
		Number      string `json:"number"`
		Code        string `json:"code"` // the QuickBooks ID typed at export
		Title       string `json:"title"`
		Description string `json:"description"`
		Type        string `json:"type"` // WorkOrderContract or PurchaseOrderContract
		// ContractDate is a date, or a date and time.
		ContractDate string `json:"contract_date"`
		Vendor       struct {
			ID       int64  `json:"id"`
			Company  string `json:"company"`
			OriginID string `json:"origin_id"`
		} `json:"vendor"`
		Project struct {
			Name     string `json:"name"`
			OriginID string `json:"origin_id"`
		} `json:"project"`
	} `json:"commitment"`
	Items          []item `json:"commitment_items"`
	AdditionalData struct {
		AccountingDate string `json:"accounting_date"`
	} `json:"additional_data"`
}

// item is a commitment item: its amount, what it is for, and its project
// cost code, whose origin_id is "<job ListID>|<item ListID>" (or a
// Service item's ListID alone).
type item struct {
	ID          int64          `json:"id"`
	Amount      records.Amount `json:"amount"`
	TotalAmount records.Amount `json:"total_amount"`
	Description string         `json:"description"`
	Position    int            `json:"position"`
	CostCode    struct {
		FullCode string `json:"full_code"`
		OriginID string `json:"origin_id"`
	} `json:"cost_code"`
}

// read reads create_commitment's payload, its items in their order on
// the commitment (position, then id): the order of the purchase order's
// lines.
func read(data string) (exported, error) {
	var p exported
	if err := json.Unmarshal([]byte(data), &p); err != nil {
		return p, err
	}
	sort.SliceStable(p.Items, func(i, j int) bool {
		a, b := p.Items[i], p.Items[j]
		if a.Position != b.Position {
			return a.Position < b.Position
		}
		return a.ID < b.ID
	})
	return p, nil
}

// itemType is external_data's item_type of a commitment of type t
// (erp-integrator.md §4.5: derived from commitment.type).
func itemType(t string) string {
	if t == "PurchaseOrderContract" {
		return "purchase_order_contract"
	}
	return "work_order_contract"
}

// txnDate is the purchase order's date: the accounting date, else the
// contract date, as YYYY-MM-DD; "" (QuickBooks' today) for neither.
func txnDate(p exported) string {
	for _, d := range []string{p.AdditionalData.AccountingDate, p.Commitment.ContractDate} {
		if len(d) >= 10 && isDate(d[:10]) {
			return d[:10]
		}
	}
	return ""
}

func isDate(s string) bool {
	for i, r := range s {
		if i == 4 || i == 7 {
			if r != '-' {
				return false
			}
		} else if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
