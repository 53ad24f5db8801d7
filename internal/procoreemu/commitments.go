package procoreemu

// ExportedCommitment is a commitment a user exports from a project's
// Commitments tool: a subcontract (WorkOrderContract) or a purchase order
// (PurchaseOrderContract) to a vendor, for a project, with its lines.
type ExportedCommitment struct {
	Type                       string // WorkOrderContract (the default) or PurchaseOrderContract
	Number                     string // the Procore contract #
	Code                       string // the QuickBooks ID typed at export ("" for none)
	Title, Description         string
	Vendor                     int64  // the Procore vendor's id
	ProjectName, ProjectOrigin string // the project, and its QuickBooks job's ListID
	AccountingDate             string // YYYY-MM-DD, "" for none
	Items                      []ExportedItem
}

// ExportedItem is a line of an exported commitment: its amount as
// Procore writes one ("250.0"), and its project cost code with that
// code's origin_id ("<job ListID>|<item ListID>").
type ExportedItem struct {
	Description, Amount      string
	CostCode, CostCodeOrigin string
}

// ExportCommitment plays a user exporting a commitment, accepted by the
// Accounting Approver: the commitment and its line items are Procore
// records (external_data/sync marks them), and one create_commitment
// request carries them in the shape of erp_events_dictionary.md's sample
// (a vendor and project with their origin_id and origin_data, line items
// with their cost code). It returns the request and its detail, and the
// commitment's and its items' Procore ids.
func (e *Emulator) ExportCommitment(companyID int64, x ExportedCommitment) (request, detail, commitment int64, items []int64) {
	e.mu.Lock()
	c := e.companies[companyID]
	kind := x.Type
	if kind == "" {
		kind = "WorkOrderContract"
	}
	vendor := Record{"id": x.Vendor, "company": nil, "origin_id": nil, "origin_data": nil}
	if i, ok := c.vendors.byID[x.Vendor]; ok {
		v := c.vendors.rows[i]
		vendor = Record{"id": x.Vendor, "company": v["name"], "origin_id": v["origin_id"], "origin_data": v["origin_data"]}
	}
	project := Record{"id": int64(86), "name": x.ProjectName, "origin_id": nilIfEmpty(x.ProjectOrigin), "origin_data": nil}
	made := c.commitments.insert(Record{"number": x.Number, "title": x.Title, "type": kind})
	commitment = made["id"].(int64)
	list := make([]Record, len(x.Items))
	for i, it := range x.Items {
		line := c.lineItems.insert(Record{"description": it.Description, "amount": it.Amount, "holder_id": commitment})
		items = append(items, line["id"].(int64))
		list[i] = Record{"id": line["id"], "amount": it.Amount, "description": it.Description, "extended_amount": it.Amount,
			"total_amount": it.Amount, "quantity": "0.0", "unit_cost": "0.0", "tax_amount": "0.0", "position": i + 1,
			"origin_id": nil, "origin_data": nil, "holder": Record{"id": commitment, "holder_type": kind},
			"cost_code": Record{"id": 1400 + i, "full_code": it.CostCode, "code": it.CostCode, "origin_id": nilIfEmpty(it.CostCodeOrigin),
				"biller_origin_id": nilIfEmpty(x.ProjectOrigin), "line_item_types": []Record{{"id": 47, "name": "Other", "code": "O"}}},
			"line_item_type": Record{"id": 47, "name": "Other", "code": "O"}, "project": project}
	}
	if e.requests == nil {
		e.requests, e.details = map[int64]*erpRequest{}, map[int64]*requestDetail{}
	}
	e.nextID++
	req := &erpRequest{id: e.nextID, company: companyID, name: "create_commitment", createdAt: e.now()}
	detail = e.newDetail(req.id)
	req.data = Record{
		"job_id": nilIfEmpty(x.ProjectOrigin), "request_detail_id": detail, "company_id": companyID,
		"commitment": Record{"id": commitment, "accounting_method": "amount", "number": x.Number, "code": nilIfEmpty(x.Code),
			"title": x.Title, "description": x.Description, "status": "Approved", "type": kind, "retainage_percent": nil,
			"contract_date": nil, "origin_id": nil, "origin_data": nil, "vendor": vendor, "project": project},
		"commitment_items": list,
		"additional_data":  Record{"accounting_date": nilIfEmpty(x.AccountingDate)},
	}
	e.requests[req.id] = req
	e.fire(companyID, "ERP Requests", "create", req.id, nil)
	e.mu.Unlock()
	e.RunDeliveries()
	return req.id, detail, commitment, items
}
