package procoreemu

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
)

// The company-level sync endpoints an ERP integrator calls
// (erp_integration/erp_technical_guide.md at 9fd9001, "TG22", and the
// OpenAPI's operations where it has them), each with the sync semantics
// of tutorials/using_sync_actions.md.

// syncStagedVendors answers PATCH /rest/v1.0/erp_vendors/sync {company_id,
// updates: [{name, origin_id}]}: QuickBooks vendors staged for the ERP
// tool's Ready to Import list (TG22; sync_vendors in
// erp_events_dictionary.md). A staged vendor needs its origin_id.
func (e *Emulator) syncStagedVendors(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := companyParam(r, q); !ok {
		return status, v
	}
	return syncAction(q.body, q.company.stagedVendors, "name", "origin_id")
}

// syncStagedProjects answers PATCH /rest/v1.0/erp_projects/sync: QuickBooks
// jobs staged to import (TG22, sync_jobs).
func (e *Emulator) syncStagedProjects(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := companyParam(r, q); !ok {
		return status, v
	}
	return syncAction(q.body, q.company.stagedProjects, "name", "origin_id")
}

// syncStandardCostCodes answers PATCH /rest/v1.0/standard_cost_codes/sync
// {company_id, standard_cost_code_list_id, updates: [{name, code,
// origin_id, parent_id}]} (TG22; the OpenAPI requires the three). The
// list must be the company's ERP list, made with its ERP connection.
func (e *Emulator) syncStandardCostCodes(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := companyParam(r, q); !ok {
		return status, v
	}
	var b struct {
		ListID json.Number `json:"standard_cost_code_list_id"`
	}
	d := json.NewDecoder(bytes.NewReader(q.body))
	d.UseNumber()
	_ = d.Decode(&b)
	list, err := strconv.ParseInt(b.ListID.String(), 10, 64)
	if err != nil || q.company.erp == nil || list != q.company.erp.standardCostCodeListID {
		return http.StatusNotFound, map[string]string{"errors": "Standard Cost Code List not found"}
	}
	return syncAction(q.body, q.company.standardCostCodes, "name", "code")
}

// syncLineItemTypes answers PATCH /rest/v1.0/line_item_types/sync
// {company_id, updates: [{name, csv_import_code, base_type, origin_id}]}
// (TG22; base_type one of the OpenAPI's enum).
func (e *Emulator) syncLineItemTypes(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := companyParam(r, q); !ok {
		return status, v
	}
	return syncAction(q.body, q.company.lineItemTypes, "name")
}

// syncExternalData answers PATCH
// /rest/v1.0/companies/{company_id}/external_data/sync {updates:
// [{item_type, item_id, origin_id, origin_data}]}: marks Procore records
// as synced with the ERP's ids (TG22; the item types of
// erp_external_data_details.md). Answers {entities: [{id, item_type,
// item_id, origin_id}], errors}. An origin_id another record of the type
// has is refused.
func (e *Emulator) syncExternalData(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := pathCompany(r, q); !ok {
		return status, v
	}
	updates, status, v, ok := readUpdates(q.body)
	if !ok {
		return status, v
	}
	entities, errs := []Record{}, []Record{}
	for _, u := range updates {
		if reasons := e.markSynced(q.company, u); reasons != nil {
			u["errors"] = reasons
			errs = append(errs, u)
			continue
		}
		e.nextID++
		entities = append(entities, Record{"id": e.nextID, "item_type": u["item_type"], "item_id": u["item_id"], "origin_id": u["origin_id"]})
	}
	return http.StatusOK, Record{"entities": entities, "errors": errs}
}

func (e *Emulator) markSynced(c *company, u Record) map[string][]string {
	t := c.byItemType(u["item_type"])
	if t == nil {
		return map[string][]string{"item_type": {"is not included in the list"}}
	}
	id, ok := number(u["item_id"])
	i, found := t.byID[id]
	if !ok || !found {
		return map[string][]string{"item_id": {"not found"}}
	}
	origin, _ := u["origin_id"].(string)
	if origin == "" {
		return map[string][]string{"origin_id": {"can't be blank"}}
	}
	if j, taken := t.byOrigin[origin]; taken && j != i {
		return map[string][]string{"origin_id": {"has already been taken"}}
	}
	t.update(i, Record{"origin_id": origin, "origin_data": u["origin_data"]})
	return nil
}

// byItemType is the table of an external data item_type.
func (c *company) byItemType(itemType any) *table {
	switch itemType {
	case "vendor":
		return c.vendors
	case "standard_cost_code":
		return c.standardCostCodes
	case "project":
		return c.projects
	case "cost_code":
		return c.costCodes
	case "budget":
		return c.budgets
	case "work_order_contract", "purchase_order_contract":
		return c.commitments
	case "line_item":
		return c.lineItems
	case "change_order":
		return c.changeOrders
	case "requisition":
		return c.requisitions
	case "requisition_contract_item", "requisition_contract_detail_item", "requisition_change_order_item":
		return c.requisitionItems
	}
	return nil
}
