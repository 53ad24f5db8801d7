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
