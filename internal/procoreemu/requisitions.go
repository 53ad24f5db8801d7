package procoreemu

// ExportedRequisition is a subcontractor invoice a user exports, on a
// commitment exported before (ContractOrigin, its purchase order's
// TxnID) for a project's job (JobOrigin). Commitment, when set, is the
// Procore commitment it bills: Procore fills in its origin_id, its
// project's, and those of its line items (a line each, in order) where
// the invoice leaves them out, as it does for a user.
type ExportedRequisition struct {
	Commitment     int64                     `json:"commitment"`
	InvoiceNumber  string                    `json:"invoiceNumber"`
	BillingDate    string                    `json:"billingDate"` // YYYY-MM-DD
	ContractOrigin string                    `json:"contractOrigin"`
	JobOrigin      string                    `json:"jobOrigin"`
	Lines          []ExportedRequisitionLine `json:"lines"`
}

// ExportedRequisitionLine is a line of an exported requisition: its
// amount this period and the retainage held and released on it, as
// Procore writes amounts ("500.0"); its cost code's and commitment line's
// origin_id.
type ExportedRequisitionLine struct {
	Description          string `json:"description"`
	Amount               string `json:"amount"`
	RetainageThisPeriod  string `json:"retainageThisPeriod"`
	ReleasedThisPeriod   string `json:"releasedThisPeriod"`
	CostCodeOrigin       string `json:"costCodeOrigin"`
	CommitmentItemOrigin string `json:"commitmentItemOrigin"`
}

// ExportRequisition plays a user exporting a subcontractor invoice from
// the ERP Integrations tool, accepted: ExportRequisitions of one.
func (e *Emulator) ExportRequisition(companyID int64, x ExportedRequisition) (request, detail, requisition int64, items []int64) {
	request, detail, ids, items := e.ExportRequisitions(companyID, []ExportedRequisition{x})
	if len(ids) == 0 {
		return 0, 0, 0, nil
	}
	return request, detail, ids[0], items
}

// ExportRequisitions plays a user exporting subcontractor invoices from
// the ERP Integrations tool at once, accepted: the requisitions and their
// lines are Procore records (external_data/sync marks them), and one
// create_requisitions request carries them in the shape of
// erp_events_dictionary.md's sample, with a Request Detail (TG22). It
// returns the request and its detail, and the requisitions' and their
// lines' Procore ids (none for a company it does not have).
func (e *Emulator) ExportRequisitions(companyID int64, xs []ExportedRequisition) (request, detail int64, requisitions, items []int64) {
	e.mu.Lock()
	c := e.companies[companyID]
	if c == nil {
		e.mu.Unlock()
		return 0, 0, nil, nil
	}
	list := make([]Record, len(xs))
	for n, x := range xs {
		x = c.billing(x)
		made := c.requisitions.insert(Record{"invoice_number": x.InvoiceNumber, "contract_origin_id": nilIfEmpty(x.ContractOrigin)})
		requisitions = append(requisitions, made["id"].(int64))
		lines := make([]Record, len(x.Lines))
		for i, l := range x.Lines {
			item := c.requisitionItems.insert(Record{"requisition_id": made["id"], "description": l.Description, "amount": l.Amount})
			items = append(items, item["id"].(int64))
			lines[i] = Record{"procore_requisition_item_id": item["id"], "accounting_method": "amount", "amount": l.Amount,
				"change_order_line_item_origin_id": nil, "commitment_item_origin_id": nilIfEmpty(l.CommitmentItemOrigin),
				"cost_code_id": 1400 + i, "cost_code_origin_id": nilIfEmpty(l.CostCodeOrigin), "description": l.Description,
				"line_item_description": l.Description, "qty": "0.0", "released_work_completed_this_period": zeroIfEmpty(l.ReleasedThisPeriod),
				"requisition_item_type": "Billings::ContractItem", "retainage_materials_presently_stored": "0.0",
				"retainage_materials_previously_stored": "0.0", "retainage_this_period": zeroIfEmpty(l.RetainageThisPeriod),
				"retainage_work_completed_this_period": zeroIfEmpty(l.RetainageThisPeriod), "tax_code_origin_id": nil, "unit_cost": "0.0", "uom": nil}
		}
		list[n] = Record{"procore_requisition_id": made["id"], "accounting_method": "amount", "billing_date": x.BillingDate, "code": x.InvoiceNumber,
			"contract_id": 1, "contract_origin_id": nilIfEmpty(x.ContractOrigin), "invoice_number": x.InvoiceNumber,
			"job_origin_id": nilIfEmpty(x.JobOrigin), "erp_custom_fields": Record{}, "line_items": lines}
	}
	req := e.newRequest(companyID, "create_requisitions", nil)
	detail = e.newDetail(req.id)
	req.data = Record{"request_detail_id": detail, "company_id": companyID, "requisitions": list}
	e.announce(req)
	return req.id, detail, requisitions, items
}

func zeroIfEmpty(s string) string {
	if s == "" {
		return "0.0"
	}
	return s
}

// billing is x with what Procore knows of the commitment it bills filled
// in; c's lock held.
func (c *company) billing(x ExportedRequisition) ExportedRequisition {
	i, ok := c.commitments.byID[x.Commitment]
	if !ok {
		return x
	}
	commitment := c.commitments.rows[i]
	if o, _ := commitment["origin_id"].(string); x.ContractOrigin == "" {
		x.ContractOrigin = o
	}
	if o, _ := commitment["project_origin_id"].(string); x.JobOrigin == "" {
		x.JobOrigin = o
	}
	var items []Record
	for _, it := range c.lineItems.rows {
		if it["holder_id"] == x.Commitment {
			items = append(items, it)
		}
	}
	x.Lines = append([]ExportedRequisitionLine(nil), x.Lines...)
	for j := range x.Lines {
		if j >= len(items) {
			break
		}
		l := &x.Lines[j]
		if o, _ := items[j]["origin_id"].(string); l.CommitmentItemOrigin == "" {
			l.CommitmentItemOrigin = o
		}
		if o, _ := items[j]["cost_code_origin_id"].(string); l.CostCodeOrigin == "" {
			l.CostCodeOrigin = o
		}
	}
	return x
}
