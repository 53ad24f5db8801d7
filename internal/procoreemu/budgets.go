package procoreemu

import (
	"net/http"
)

// ExportedBudget is a project's budget a user sends to the ERP tool and
// an approver accepts: its lines, each a cost code (its origin_id,
// "<job ListID>|<item ListID>") and its amount now, as Procore writes
// one ("44.45").
type ExportedBudget struct {
	Project int64                `json:"project"`
	Lines   []ExportedBudgetLine `json:"lines"`
}

// ExportedBudgetLine is a budget line of an exported budget.
type ExportedBudgetLine struct {
	CostCodeOrigin string `json:"costCodeOrigin"`
	Amount         string `json:"amount"`
}

// ExportBudget plays a budget's export, accepted. The first export of a
// project's budget sends create_budget; once the budget is synced (its
// origin_id set), update_budget, with only the transactions not synced.
// Each line that is new or whose amount moved records an ERP transaction
// of the change (Procore's names for a change's type are not published
// beyond Erp::OriginalEstimateTransaction [I]). The payload has
// erp_events_dictionary.md's shape: job_id, the budget, job_costs (every
// line) and transactions. It returns the request, its detail and the
// budget's id (all 0 for a project it does not have).
func (e *Emulator) ExportBudget(companyID int64, x ExportedBudget) (request, detail, budget int64) {
	e.mu.Lock()
	c := e.companies[companyID]
	var project Record
	if c != nil {
		if i, ok := c.projects.byID[x.Project]; ok {
			project = c.projects.rows[i]
		}
	}
	if project == nil {
		e.mu.Unlock()
		return 0, 0, 0
	}
	var row Record
	for _, b := range c.budgets.rows {
		if b["project_id"] == x.Project {
			row = b
		}
	}
	if row == nil {
		row = c.budgets.insert(Record{"project_id": x.Project, "synced": false})
	}
	budget = row["id"].(int64)
	for _, l := range x.Lines {
		e.budgetLine(c, budget, l)
	}
	budgetLines, transactions := []Record{}, []Record{}
	for _, jc := range c.budgetLines.rows {
		if jc["budget_id"] == budget {
			budgetLines = append(budgetLines, Record{"id": jc["id"], "cost_code_origin_id": jc["cost_code_origin_id"], "line_item_type_origin_id": nil,
				"budget_line_item_id": jc["budget_line_item_id"], "new_amount": jc["amount"], "job_origin_id": project["origin_id"], "sub_job_origin_id": nil})
		}
	}
	for _, t := range c.erpTransactions.rows {
		if t["budget_id"] == budget && t["synced"] != true {
			transactions = append(transactions, Record{"id": t["id"], "origin_id": t["origin_id"], "code": nil, "value": t["value"], "synced": false,
				"type": t["type"], "procore_transaction_id": nil, "procore_transaction_type": nil, "job_cost_id": t["job_cost_id"], "notes": nil})
		}
	}
	name := "create_budget"
	if row["origin_id"] != nil {
		name = "update_budget"
	}
	req := e.newRequest(companyID, name, nil)
	detail = e.newDetail(req.id)
	req.data = Record{"job_id": project["origin_id"], "request_detail_id": detail,
		"budget":    Record{"id": budget, "origin_id": row["origin_id"], "origin_data": row["origin_data"], "synced": row["origin_id"] != nil, "custom_fields": Record{}, "project_id": x.Project},
		"job_costs": budgetLines, "transactions": transactions}
	e.announce(req)
	return req.id, detail, budget
}

// budgetLine keeps line on budget: a new job cost, or its new amount,
// each with the ERP transaction of the change.
func (e *Emulator) budgetLine(c *company, budget int64, l ExportedBudgetLine) {
	kind := "Erp::OriginalEstimateTransaction"
	for i, jc := range c.budgetLines.rows {
		if jc["budget_id"] != budget || jc["cost_code_origin_id"] != l.CostCodeOrigin {
			continue
		}
		if jc["amount"] == l.Amount {
			return
		}
		c.budgetLines.update(i, Record{"amount": l.Amount})
		c.erpTransactions.insert(Record{"budget_id": budget, "job_cost_id": jc["id"], "value": l.Amount, "type": "Erp::ApprovedEstimateChangeTransaction", "synced": false})
		return
	}
	e.nextID++
	jc := c.budgetLines.insert(Record{"budget_id": budget, "cost_code_origin_id": l.CostCodeOrigin, "amount": l.Amount, "budget_line_item_id": e.nextID})
	c.erpTransactions.insert(Record{"budget_id": budget, "job_cost_id": jc["id"], "value": l.Amount, "type": kind, "synced": false})
}

// ERPTransactions are the company's ERP transactions, synced or not.
func (e *Emulator) ERPTransactions(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.erpTransactions })
}

// Budgets are the company's budgets, with the origin_id an integrator
// gave them.
func (e *Emulator) Budgets(companyID int64) []Record {
	return e.read(companyID, func(c *company) *table { return c.budgets })
}

// syncERPTransactions answers PATCH /rest/v1.0/erp_transactions/sync
// {project_id, updates: [{id, origin_id, synced}]} (TG22, "Sync ERP
// Transactions"): a transaction of the project's budget, found by its id,
// is given its origin_id (unique in the company) and synced flag.
func (e *Emulator) syncERPTransactions(h http.Header, r *http.Request, q *request) (int, any) {
	project, status, v, ok := projectOf(r, q)
	if !ok {
		return status, v
	}
	updates, status, v, ok := readUpdates(q.body)
	if !ok {
		return status, v
	}
	t := q.company.erpTransactions
	entities, errs := []Record{}, []Record{}
	for _, u := range updates {
		id, _ := number(u["id"])
		i, found := t.byID[id]
		origin, _ := u["origin_id"].(string)
		var reasons map[string][]string
		switch {
		case !found || !q.company.budgetOf(t.rows[i]["budget_id"], project):
			reasons = map[string][]string{"id": {"not found"}}
		case origin == "":
			reasons = map[string][]string{"origin_id": {"can't be blank"}}
		}
		if j, taken := t.byOrigin[origin]; reasons == nil && taken && j != i {
			reasons = map[string][]string{"origin_id": {"has already been taken"}}
		}
		if reasons != nil {
			u["errors"] = reasons
			errs = append(errs, u)
			continue
		}
		entities = append(entities, t.update(i, Record{"origin_id": origin, "synced": u["synced"] != false}))
	}
	return http.StatusOK, Record{"entities": entities, "errors": errs}
}

// budgetOf tells whether budget is project's.
func (c *company) budgetOf(budget any, project int64) bool {
	id, _ := number(budget)
	i, ok := c.budgets.byID[id]
	return ok && c.budgets.rows[i]["project_id"] == project
}
