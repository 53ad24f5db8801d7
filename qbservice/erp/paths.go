package erp

import "fmt"

// Procore's paths the integrator calls, in one place. Those marked [I]
// are not published (docs/procore.md, "Where the documents are silent"):
// kept here so that a real Procore's answer changes one line.

func erpConnectionsPath(company int64) string {
	return fmt.Sprintf("/rest/v1.0/companies/%d/erp_connections", company)
}

// [I] One ERP connection, whose metadata is updated by PATCH: the
// metadata-update path is unpublished (erp-integrator.md §4.3).
func erpConnectionPath(company, connection int64) string {
	return fmt.Sprintf("/rest/v1.0/companies/%d/erp_connections/%d", company, connection)
}

const hooksPath = "/rest/v1.0/webhooks/hooks"

func hookPath(hook int64) string { return fmt.Sprintf("/rest/v1.0/webhooks/hooks/%d", hook) }

func triggersPath(hook int64) string {
	return fmt.Sprintf("/rest/v1.0/webhooks/hooks/%d/triggers", hook)
}

func deliveriesPath(hook, company int64) string {
	return fmt.Sprintf("/rest/v1.0/webhooks/hooks/%d/deliveries?company_id=%d", hook, company)
}

// [I] The ERP Request's show: "fetch the event payload using the ERP
// Request API" (erp_technical_guide.md), path unpublished.
func erpRequestPath(company, request int64) string {
	return fmt.Sprintf("/rest/v1.0/companies/%d/erp_requests/%d", company, request)
}

// A Request Detail: closed by PATCH (TG22); [I] read by GET.
func requestDetailPath(company, detail int64) string {
	return fmt.Sprintf("/rest/v1.0/companies/%d/erp_request_details/%d", company, detail)
}
