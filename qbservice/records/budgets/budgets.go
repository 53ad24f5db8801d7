// Package budgets moves Procore's budgets to QuickBooks, as
// erp_events_dictionary.md's create_budget and update_budget ask: a
// project's budget becomes an estimate for its job, a line a budget line
// (a job cost) on the item of its cost code at its amount; exported
// again, the estimate is changed to match. Then the budget is marked
// synced with the estimate's TxnID, and its ERP transactions (the
// changes Procore records to a budget) with the lines they are on.
// Procore's QuickBooks connector needs the estimate: "A project's budget
// must be synced before Job Costs can be retrieved" (procore-research.md).
package budgets

import (
	"encoding/json"

	"qbsettings/qbservice/records"
)

// exported is create_budget's and update_budget's payload
// (erp_events_dictionary.md); update_budget's budget has its origin_id,
// and its transactions are the unsynced ones only.
type exported struct {
	JobID  string `json:"job_id"`
	Budget struct {
		ID        int64           `json:"id"`
		OriginID  json.RawMessage `json:"origin_id"`
		ProjectID int64           `json:"project_id"`
	} `json:"budget"`
	JobCosts     []jobCost     `json:"job_costs"`
	Transactions []transaction `json:"transactions"`
}

// jobCost is a budget line: its cost code's origin_id ("<job
// ListID>|<item ListID>") and its amount now.
type jobCost struct {
	ID                 int64          `json:"id"`
	CostCodeOriginID   string         `json:"cost_code_origin_id"`
	BudgetLineItemID   int64          `json:"budget_line_item_id"`
	NewAmount          records.Amount `json:"new_amount"`
	JobOriginID        string         `json:"job_origin_id"`
	LineItemTypeOrigin string         `json:"line_item_type_origin_id"`
}

// transaction is an ERP transaction: a change Procore recorded to a
// budget line (Erp::OriginalEstimateTransaction…), to be marked synced.
type transaction struct {
	ID        int64          `json:"id"`
	Value     records.Amount `json:"value"`
	Type      string         `json:"type"`
	JobCostID int64          `json:"job_cost_id"`
	Synced    bool           `json:"synced"`
}

func read(data string) (exported, error) {
	var p exported
	err := json.Unmarshal([]byte(data), &p)
	return p, err
}

// estimateOf is the TxnID of the estimate the budget was exported to
// before (its origin_id), or "".
func (p exported) estimateOf() string { return records.TextOf(p.Budget.OriginID) }

// job is the budget's job: job_id, else a job cost's job.
func (p exported) job() string {
	id := records.FirstOf(p.JobID)
	for _, c := range p.JobCosts {
		id = records.FirstOf(id, c.JobOriginID)
	}
	return id
}
