// Package changeorders moves Procore's commitment change orders to
// QuickBooks, as erp_events_dictionary.md's
// create_commitment_change_order asks: the change order's lines are added
// to the commitment's purchase order, every line it has kept (QuickBooks
// deletes the lines a change does not name), then the change order and
// its lines are marked synced with the purchase order's new TxnLineIDs.
package changeorders

import (
	"encoding/json"
	"strings"

	"qbsettings/qbservice/records"
)

// exported is create_commitment_change_order's payload.
type exported struct {
	JobOrigin  string `json:"job_origin_id"`
	Commitment struct {
		ID       int64  `json:"id"`
		OriginID string `json:"origin_id"` // its purchase order's TxnID
		Project  struct {
			OriginID string `json:"origin_id"`
		} `json:"project"`
	} `json:"commitment"`
	CommitmentItems []struct {
		ID int64 `json:"id"`
	} `json:"commitment_items"`
	ChangeOrder struct {
		ID     int64           `json:"id"`
		Number json.RawMessage `json:"number"` // a number or text
		Title  string          `json:"title"`
	} `json:"change_order"`
	Items []struct {
		ID          int64          `json:"id"`
		Amount      records.Amount `json:"amount"`
		TotalAmount records.Amount `json:"total_amount"`
		Description string         `json:"description"`
		CostCode    struct {
			OriginID string `json:"origin_id"`
		} `json:"cost_code"`
	} `json:"change_order_items"`
}

func read(data string) (exported, error) {
	var p exported
	err := json.Unmarshal([]byte(data), &p)
	return p, err
}

// name is the change order as the activity names it: its number, else
// its title.
func (p exported) name() string {
	if n := strings.Trim(string(p.ChangeOrder.Number), `" `); n != "" && n != "null" {
		return n
	}
	return p.ChangeOrder.Title
}
