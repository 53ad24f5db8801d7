package procoreemu

import (
	"net/http"
)

// ExportedProject is a project a user sends to the ERP Integrations tool
// and an approver accepts for export: new (ID 0), or one exported before
// (its id; its origin_id is then its job's). Code is the QuickBooks ID
// typed at export (origin_code), Customer the QuickBooks customer named
// in the export's custom field; CostCodes are made with a new project.
type ExportedProject struct {
	ID        int64              `json:"id"`
	Name      string             `json:"name"`
	Code      string             `json:"code"`
	Customer  string             `json:"customer"`
	Address   string             `json:"address"`
	City      string             `json:"city"`
	State     string             `json:"state"`
	Zip       string             `json:"zip"`
	CostCodes []ExportedCostCode `json:"costCodes"`
}

// ExportedCostCode is a project cost code made from the ERP standard
// cost code list: its code and name, and the standard code's origin_id
// (a QuickBooks Service item's ListID; "" for a code not from the list).
type ExportedCostCode struct {
	Code     string `json:"code"`
	FullCode string `json:"fullCode"`
	Name     string `json:"name"`
	Standard string `json:"standard"`
}

// otherCostType is the company's cost type "Other" (code O), which
// Procore's QuickBooks connector gives every cost code.
const otherCostType = int64(9)

// ExportProject plays a project's export, accepted: a new project and
// its cost codes are Procore records (external_data/sync marks them),
// and one create_or_update_job request carries them in the shape of
// erp_events_dictionary.md's sample (the job with its origin_code and
// custom fields, all_cost_codes with their cost types; the Request
// Detail beside request_data). It returns the request, its detail, the
// project's id and its cost codes' (all 0 for what it does not have).
func (e *Emulator) ExportProject(companyID int64, x ExportedProject) (request, detail, project int64, costCodes []int64) {
	e.mu.Lock()
	c := e.companies[companyID]
	var row Record
	switch {
	case c == nil:
	case x.ID == 0:
		row = c.projects.insert(Record{"name": x.Name, "origin_code": x.Code})
		for _, cc := range x.CostCodes {
			c.costCodes.insert(Record{"project_id": row["id"], "code": cc.Code, "full_code": cc.FullCode, "name": cc.Name,
				"standard_cost_code_origin_id": nilIfEmpty(cc.Standard), "line_item_types": []Record{{"id": otherCostType, "synced": false}}})
		}
	default:
		if i, ok := c.projects.byID[x.ID]; ok {
			row = c.projects.update(i, Record{"name": x.Name, "origin_code": x.Code})
		}
	}
	if row == nil {
		e.mu.Unlock()
		return 0, 0, 0, nil
	}
	project = row["id"].(int64)
	all := []Record{}
	for _, cc := range c.costCodes.rows {
		if cc["project_id"] != project {
			continue
		}
		costCodes = append(costCodes, cc["id"].(int64))
		all = append(all, Record{"id": cc["id"], "name": cc["name"], "full_code": cc["full_code"], "code": cc["code"],
			"origin_id": cc["origin_id"], "origin_data": nil, "biller": x.Name, "biller_id": project, "biller_type": "Project",
			"budgeted": false, "parent": Record{"id": nil}, "sortable_code": cc["full_code"],
			"line_item_types":              []Record{{"id": otherCostType, "name": "Other", "code": "O", "base_type": nil, "origin_id": nil}},
			"standard_cost_code_origin_id": cc["standard_cost_code_origin_id"]})
	}
	custom := Record{}
	if x.Customer != "" {
		custom["quickbooks_customer"] = Record{"data_type": "string", "value": x.Customer}
	}
	req := e.newRequest(companyID, "create_or_update_job", nil)
	detail = e.newDetail(req.id)
	req.data = Record{
		"job": Record{"id": project, "name": x.Name, "origin_id": row["origin_id"], "origin_data": row["origin_data"],
			"origin_code": nilIfEmpty(x.Code), "custom_fields": custom, "erp_custom_fields": Record{},
			"address": x.Address, "city": x.City, "state_code": x.State, "zip": x.Zip,
			"latitude": nil, "longitude": nil, "synced": row["origin_id"] != nil, "active": true},
		"all_cost_codes": all,
	}
	// The sample carries the Request Detail beside request_data.
	req.detailBeside = detail
	e.announce(req)
	return req.id, detail, project, costCodes
}

// ResetJob plays Procore's support resetting a project at a user's
// request: the project and its cost codes return to an unsynced state
// (their origin_id gone), and reset_job is sent, with no action required
// (erp_events_dictionary.md). It returns false for a project it does not
// have.
func (e *Emulator) ResetJob(companyID, project int64) bool {
	e.mu.Lock()
	c := e.companies[companyID]
	var i int
	ok := c != nil
	if ok {
		i, ok = c.projects.byID[project]
	}
	if !ok {
		e.mu.Unlock()
		return false
	}
	row := c.projects.update(i, Record{"origin_id": nil, "origin_data": nil})
	for j, cc := range c.costCodes.rows {
		if cc["project_id"] == project {
			c.costCodes.update(j, Record{"origin_id": nil, "origin_data": nil})
		}
	}
	e.announce(e.newRequest(companyID, "reset_job", Record{"project": Record{"id": project, "name": row["name"], "origin_id": nil, "origin_data": nil}}))
	return true
}

// CostCodes are a project's cost codes as Procore has them now.
func (e *Emulator) CostCodes(companyID, project int64) []Record {
	return projectRows(e.read(companyID, func(c *company) *table { return c.costCodes }), project)
}

// syncCostTypes answers PATCH
// /rest/v1.0/cost_code_line_item_types/sync?project_id= {updates:
// [{cost_code_id, line_item_type_id, synced}]} (TG22, "Sync Cost Code
// Cost Type Assignments"): a cost code of the project and one of its
// cost types, marked synced or not; a cost type of the company not yet
// the code's is assigned to it. Each other record is refused.
func (e *Emulator) syncCostTypes(h http.Header, r *http.Request, q *request) (int, any) {
	project, status, v, ok := projectOf(r, q)
	if !ok {
		return status, v
	}
	updates, status, v, ok := readUpdates(q.body)
	if !ok {
		return status, v
	}
	entities, errs := []Record{}, []Record{}
	for _, u := range updates {
		costCode, _ := number(u["cost_code_id"])
		costType, _ := number(u["line_item_type_id"])
		synced := u["synced"] != false
		sent := Record{"cost_code_id": u["cost_code_id"], "line_item_type_id": u["line_item_type_id"], "synced": u["synced"]}
		i, found := q.company.costCodes.byID[costCode]
		if !found || q.company.costCodes.rows[i]["project_id"] != project {
			sent["errors"] = map[string][]string{"cost_code_id": {"not found"}}
			errs = append(errs, sent)
			continue
		}
		row := q.company.costCodes.rows[i]
		types, _ := row["line_item_types"].([]Record)
		assigned := false
		for _, t := range types {
			if t["id"] == costType {
				t["synced"] = synced
				assigned = true
			}
		}
		if _, known := q.company.lineItemTypes.byID[costType]; !assigned && (known || costType == otherCostType) {
			// A cost type of the company: assigned to the cost code now.
			row["line_item_types"] = append(types, Record{"id": costType, "synced": synced})
			assigned = true
		}
		if !assigned {
			sent["errors"] = map[string][]string{"line_item_type_id": {"is not a cost type of the company"}}
			errs = append(errs, sent)
			continue
		}
		entities = append(entities, sent)
	}
	return http.StatusOK, Record{"entities": entities, "errors": errs}
}
