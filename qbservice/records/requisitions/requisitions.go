// Package requisitions moves Procore's subcontractor invoices to
// QuickBooks, as erp_events_dictionary.md's create_requisitions asks:
// each becomes a bill of the vendor of the commitment's purchase order,
// one line an invoice line on the item of its cost code, for the job,
// linked to the purchase order line it bills; the retainage held and
// released is a line each on the Invoice Retainage Item (rule 5 of
// erp-integrator.md §2). Then the requisition and its lines are marked
// synced with the bill's TxnID and TxnLineIDs.
package requisitions

import (
	"encoding/json"

	"qbsettings/qbservice/records"
)

// exported is create_requisitions' payload (erp_events_dictionary.md).
type exported struct {
	Requisitions []requisition `json:"requisitions"`
}

// requisition is a subcontractor invoice, on the commitment whose
// purchase order is ContractOrigin (its TxnID), for the job JobOrigin.
type requisition struct {
	ID             int64  `json:"procore_requisition_id"`
	BillingDate    string `json:"billing_date"`
	Code           string `json:"code"`
	InvoiceNumber  string `json:"invoice_number"`
	ContractOrigin string `json:"contract_origin_id"`
	JobOrigin      string `json:"job_origin_id"`
	Lines          []line `json:"line_items"`
}

// line is a requisition's line: its amount this period, the retainage
// held and released on it, its cost code, and the commitment line (or
// change order line) it bills.
type line struct {
	ID                  int64          `json:"procore_requisition_item_id"`
	Amount              records.Amount `json:"amount"`
	Description         string         `json:"description"`
	CostCodeOrigin      string         `json:"cost_code_origin_id"`
	CommitmentItem      string         `json:"commitment_item_origin_id"`
	ChangeOrderItem     string         `json:"change_order_line_item_origin_id"`
	ItemType            string         `json:"requisition_item_type"`
	RetainageThisPeriod records.Amount `json:"retainage_this_period"`
	Released            records.Amount `json:"released_work_completed_this_period"`
}

func read(data string) (exported, error) {
	var p exported
	err := json.Unmarshal([]byte(data), &p)
	return p, err
}

// itemType is external_data's item_type of a requisition line of type t
// (TG22): a contract item, a contract detail item, a change order item.
func itemType(t string) string {
	switch t {
	case "Billings::ContractDetailItem":
		return "requisition_contract_detail_item"
	case "Billings::ChangeOrderItem":
		return "requisition_change_order_item"
	}
	return "requisition_contract_item"
}

// The words a bill's retainage lines carry in QuickBooks, where the
// bookkeeper reads them.
const (
	heldWords     = "Retainage held"
	releasedWords = "Retainage released"
)
