package procoreemu

// ExportedCommitment is a commitment a user exports from a project's
// Commitments tool: a subcontract (WorkOrderContract) or a purchase order
// (PurchaseOrderContract) to a vendor, for a project, with its lines.
type ExportedCommitment struct {
	Type           string         `json:"type"`   // WorkOrderContract (the default) or PurchaseOrderContract
	Number         string         `json:"number"` // the Procore contract #
	Code           string         `json:"code"`   // the QuickBooks ID typed at export ("" for none)
	Title          string         `json:"title"`
	Description    string         `json:"description"`
	Vendor         int64          `json:"vendor"`         // the Procore vendor's id
	ProjectName    string         `json:"projectName"`    // the project
	ProjectOrigin  string         `json:"projectOrigin"`  // its QuickBooks job's ListID
	AccountingDate string         `json:"accountingDate"` // YYYY-MM-DD, "" for none
	Items          []ExportedItem `json:"items"`
}

// ExportedItem is a line of an exported commitment: its amount as
// Procore writes one ("250.0"), and its project cost code with that
// code's origin_id ("<job ListID>|<item ListID>").
type ExportedItem struct {
	Description    string `json:"description"`
	Amount         string `json:"amount"`
	CostCode       string `json:"costCode"`
	CostCodeOrigin string `json:"costCodeOrigin"`
}

// ExportCommitment plays a user exporting a commitment, accepted by the
// Accounting Approver: the commitment and its line items are Procore
// records (external_data/sync marks them), and one create_commitment
// request carries them in the shape of erp_events_dictionary.md's sample
// (a vendor and project with their origin_id and origin_data, line items
// with their cost code). It returns the request and its detail, and the
// commitment's and its items' Procore ids (all 0 for a company it does
// not have).
func (e *Emulator) ExportCommitment(companyID int64, x ExportedCommitment) (request, detail, commitment int64, items []int64) {
	e.mu.Lock()
	c := e.companies[companyID]
	if c == nil {
		e.mu.Unlock()
		return 0, 0, 0, nil
	}
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
	made := c.commitments.insert(Record{"number": x.Number, "title": x.Title, "type": kind, "project_origin_id": x.ProjectOrigin})
	commitment = made["id"].(int64)
	list := make([]Record, len(x.Items))
	for i, it := range x.Items {
		line := c.lineItems.insert(Record{"description": it.Description, "amount": it.Amount, "holder_id": commitment,
			"cost_code_origin_id": it.CostCodeOrigin})
		items = append(items, line["id"].(int64))
		list[i] = Record{"id": line["id"], "amount": it.Amount, "description": it.Description, "extended_amount": it.Amount,
			"total_amount": it.Amount, "quantity": "0.0", "unit_cost": "0.0", "tax_amount": "0.0", "position": i + 1,
			"origin_id": nil, "origin_data": nil, "holder": Record{"id": commitment, "holder_type": kind},
			"cost_code": Record{"id": 1400 + i, "full_code": it.CostCode, "code": it.CostCode, "origin_id": nilIfEmpty(it.CostCodeOrigin),
				"biller_origin_id": nilIfEmpty(x.ProjectOrigin), "line_item_types": []Record{{"id": 47, "name": "Other", "code": "O"}}},
			"line_item_type": Record{"id": 47, "name": "Other", "code": "O"}, "project": project}
	}
	req := e.newRequest(companyID, "create_commitment", nil)
	detail = e.newDetail(req.id)
	req.data = Record{
		"job_id": nilIfEmpty(x.ProjectOrigin), "request_detail_id": detail, "company_id": companyID,
		"commitment": Record{"id": commitment, "accounting_method": "amount", "number": x.Number, "code": nilIfEmpty(x.Code),
			"title": x.Title, "description": x.Description, "status": "Approved", "type": kind, "retainage_percent": nil,
			"contract_date": nil, "origin_id": nil, "origin_data": nil, "vendor": vendor, "project": project},
		"commitment_items": list,
		"additional_data":  Record{"accounting_date": nilIfEmpty(x.AccountingDate)},
	}
	e.announce(req)
	return req.id, detail, commitment, items
}

// AddStagedVendor plays a user pressing Add to Procore for a QuickBooks
// vendor staged in the ERP Integrations tool: a Procore vendor is made,
// linked to it (its origin_id), and create_vendor_in_procore is sent
// (erp_events_dictionary.md: no action required). It returns the new
// vendor's id; false when no vendor of that origin_id is staged.
func (e *Emulator) AddStagedVendor(companyID int64, originID string) (int64, bool) {
	e.mu.Lock()
	c := e.companies[companyID]
	var i int
	ok := c != nil
	if ok {
		i, ok = c.stagedVendors.byOrigin[originID]
	}
	if !ok {
		e.mu.Unlock()
		return 0, false
	}
	staged := c.stagedVendors.rows[i]
	made := c.vendors.insert(Record{"name": staged["name"], "origin_id": originID, "origin_data": staged["origin_data"]})
	e.announce(e.newRequest(companyID, "create_vendor_in_procore",
		Record{"vendor": Record{"id": made["id"], "name": made["name"], "origin_id": originID}, "company_id": companyID}))
	return made["id"].(int64), true
}

// ExportedChangeOrder is a change order a user exports on a commitment
// exported before: its number and title, and its lines.
type ExportedChangeOrder struct {
	Number int            `json:"number"`
	Title  string         `json:"title"`
	Items  []ExportedItem `json:"items"`
}

// ExportChangeOrder plays a user exporting a commitment change order,
// accepted: the change order and its lines are Procore records, and one
// create_commitment_change_order request carries them with the
// commitment as Procore knows it (its origin_id, its project's, its
// line items) in the shape of erp_events_dictionary.md's sample. It
// returns the request and its detail, and the change order's and its
// lines' Procore ids (all 0 for a commitment it does not have).
func (e *Emulator) ExportChangeOrder(companyID, commitment int64, x ExportedChangeOrder) (request, detail, changeOrder int64, items []int64) {
	e.mu.Lock()
	c := e.companies[companyID]
	var row Record
	if c != nil {
		if i, ok := c.commitments.byID[commitment]; ok {
			row = c.commitments.rows[i]
		}
	}
	if row == nil {
		e.mu.Unlock()
		return 0, 0, 0, nil
	}
	project, _ := row["project_origin_id"].(string)
	var existing []Record
	for _, it := range c.lineItems.rows {
		if it["holder_id"] == commitment {
			existing = append(existing, Record{"id": it["id"], "amount": it["amount"], "description": it["description"],
				"origin_id": it["origin_id"], "cost_code": Record{"origin_id": it["cost_code_origin_id"]}})
		}
	}
	made := c.changeOrders.insert(Record{"number": x.Number, "title": x.Title, "commitment_id": commitment})
	changeOrder = made["id"].(int64)
	list := make([]Record, len(x.Items))
	for i, it := range x.Items {
		line := c.lineItems.insert(Record{"description": it.Description, "amount": it.Amount, "change_order_id": changeOrder,
			"cost_code_origin_id": it.CostCodeOrigin})
		items = append(items, line["id"].(int64))
		list[i] = Record{"id": line["id"], "amount": it.Amount, "total_amount": it.Amount, "description": it.Description,
			"commitment_line_item_id": nil, "cost_code": Record{"full_code": it.CostCode, "origin_id": nilIfEmpty(it.CostCodeOrigin)}}
	}
	req := e.newRequest(companyID, "create_commitment_change_order", nil)
	detail = e.newDetail(req.id)
	req.data = Record{"job_origin_id": nilIfEmpty(project), "request_detail_id": detail,
		"commitment": Record{"id": commitment, "origin_id": row["origin_id"], "number": row["number"], "title": row["title"], "type": row["type"],
			"project": Record{"origin_id": nilIfEmpty(project)}},
		"commitment_items":   existing,
		"change_order":       Record{"id": changeOrder, "number": x.Number, "title": x.Title, "origin_id": nil},
		"change_order_items": list,
	}
	e.announce(req)
	return req.id, detail, changeOrder, items
}
