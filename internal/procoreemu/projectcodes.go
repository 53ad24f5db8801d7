package procoreemu

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"strconv"
)

// The project-level cost codes and budget line items an ERP integrator
// syncs (erp_technical_guide.md at 9fd9001, "TG22"; the OpenAPI's
// RestV10CostCodesSyncPatch, RestV10BudgetLineItemsSyncPost).

// projectOf is the project of the call's project_id (query, else body),
// or the answer for none.
func projectOf(r *http.Request, q *request) (int64, int, any, bool) {
	v := r.URL.Query().Get("project_id")
	if v == "" && len(q.body) > 0 {
		var b struct {
			ProjectID json.Number `json:"project_id"`
		}
		d := json.NewDecoder(bytes.NewReader(q.body))
		d.UseNumber()
		_ = d.Decode(&b)
		v = b.ProjectID.String()
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if _, ok := q.company.projects.byID[id]; err != nil || !ok {
		return 0, http.StatusNotFound, map[string]string{"errors": "Project not found"}, false
	}
	return id, 0, nil, true
}

// listCostCodes answers GET /rest/v1.0/cost_codes?project_id=…, paged:
// the project's cost codes with their origin_id (RestV10CostCodesGet).
func (e *Emulator) listCostCodes(h http.Header, r *http.Request, q *request) (int, any) {
	project, status, v, ok := projectOf(r, q)
	if !ok {
		return status, v
	}
	return http.StatusOK, e.page(h, r, projectRows(q.company.costCodes.all(), project))
}

// syncCostCodes answers PATCH /rest/v1.0/cost_codes/sync?project_id=…
// {updates: [{code, name, standard_cost_code_id, parent_id, origin_id}]}:
// "The Sync endpoint must be used when creating or updating cost codes"
// on an ERP-integrated project (TG22). A new cost code is the project's,
// with no cost types yet; an origin_id is unique in the company.
func (e *Emulator) syncCostCodes(h http.Header, r *http.Request, q *request) (int, any) {
	project, status, v, ok := projectOf(r, q)
	if !ok {
		return status, v
	}
	t := q.company.costCodes
	updates, status, v, ok := readUpdates(q.body)
	if !ok {
		return status, v
	}
	entities, errs := []Record{}, []Record{}
	for _, u := range updates {
		origin, _ := u["origin_id"].(string)
		if i, taken := t.byOrigin[origin]; taken && t.rows[i]["project_id"] != project {
			refused := maps.Clone(u)
			refused["errors"] = map[string][]string{"origin_id": {"has already been taken"}}
			errs = append(errs, refused)
			continue
		}
		got, reasons := t.sync(u, "code", "name")
		if reasons != nil {
			refused := maps.Clone(u)
			refused["errors"] = reasons
			errs = append(errs, refused)
			continue
		}
		id := got["id"].(int64)
		if got["project_id"] == nil {
			got = t.update(t.byID[id], Record{"project_id": project, "line_item_types": []Record{}})
		}
		entities = append(entities, got)
	}
	return http.StatusOK, Record{"entities": entities, "errors": errs}
}

// listBudgetLineItems answers GET /rest/v1.0/budget_line_items?project_id=…,
// paged: each with its cost code and cost type.
func (e *Emulator) listBudgetLineItems(h http.Header, r *http.Request, q *request) (int, any) {
	project, status, v, ok := projectOf(r, q)
	if !ok {
		return status, v
	}
	return http.StatusOK, e.page(h, r, projectRows(q.company.budgetLineItems.all(), project))
}

// syncBudgetLineItems answers POST /rest/v1.0/budget_line_items/sync
// {project_id, budget_line_items: [{cost_code_id, line_item_type_id,
// original_budget_amount}]} ("Create or update multiple Budget Line
// Items", RestV10BudgetLineItemsSyncPost): an array of the budget line
// items. A line on a cost code and type the budget has already is
// updated; a cost code not the project's is refused with 422, and so is
// a budget locked (LockBudget).
func (e *Emulator) syncBudgetLineItems(h http.Header, r *http.Request, q *request) (int, any) {
	project, status, v, ok := projectOf(r, q)
	if !ok {
		return status, v
	}
	if q.company.lockedBudgets[project] {
		return http.StatusUnprocessableEntity, map[string]string{"errors": "The budget is locked"}
	}
	var b struct {
		Lines []struct {
			CostCode json.Number `json:"cost_code_id"`
			CostType json.Number `json:"line_item_type_id"`
			Amount   json.Number `json:"original_budget_amount"`
		} `json:"budget_line_items"`
	}
	d := json.NewDecoder(bytes.NewReader(q.body))
	d.UseNumber()
	if d.Decode(&b) != nil {
		return http.StatusBadRequest, map[string]string{"errors": "budget_line_items must be a list"}
	}
	out := []Record{}
	for _, l := range b.Lines {
		costCode, _ := l.CostCode.Int64()
		costType, _ := l.CostType.Int64()
		i, found := q.company.costCodes.byID[costCode]
		if !found || q.company.costCodes.rows[i]["project_id"] != project {
			return http.StatusUnprocessableEntity, map[string]string{"errors": "Cost code is not in the project"}
		}
		row := Record{"project_id": project, "cost_code_id": costCode, "cost_code": Record{"id": costCode}, "line_item_type_id": costType,
			"original_budget_amount": l.Amount}
		existing := -1
		for j, x := range q.company.budgetLineItems.rows {
			if x["project_id"] == project && x["cost_code_id"] == costCode && x["line_item_type_id"] == costType {
				existing = j
			}
		}
		if existing >= 0 {
			out = append(out, q.company.budgetLineItems.update(existing, row))
			continue
		}
		out = append(out, q.company.budgetLineItems.insert(row))
	}
	return http.StatusOK, out
}

// BudgetLineItems are the line items of a project's budget.
func (e *Emulator) BudgetLineItems(companyID, project int64) []Record {
	return projectRows(e.read(companyID, func(c *company) *table { return c.budgetLineItems }), project)
}

// projectRows are the rows of project.
func projectRows(rows []Record, project int64) []Record {
	var out []Record
	for _, r := range rows {
		if r["project_id"] == project {
			out = append(out, r)
		}
	}
	return out
}

// LockBudget locks a project's budget, as a user does in Procore: its
// line items are refused (422).
func (e *Emulator) LockBudget(companyID, project int64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if c := e.companies[companyID]; c != nil {
		c.lockedBudgets[project] = true
	}
}
