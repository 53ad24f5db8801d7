package procoreemu

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// erpConnection is a company's ERP connection: where Procore sends its
// events and the metadata the integrator registered.
type erpConnection struct {
	id                     int64
	serviceURL             string
	metadata               json.RawMessage
	standardCostCodeListID int64
}

// createERPConnection answers POST
// /rest/v1.0/companies/{company_id}/erp_connections with {connection:
// {service_url, metadata}}: {id, standard_cost_code_list_id}; making it
// also makes the company's one ERP Standard Cost Code List
// (erp_integration/erp_technical_guide.md at 9fd9001, and at 06dad9d;
// erp_metadata_details.md for the metadata). The company in the path must
// be the header's.
func (e *Emulator) createERPConnection(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := pathCompany(r, q); !ok {
		return status, v
	}
	var b struct {
		Connection struct {
			ServiceURL string          `json:"service_url"`
			Metadata   json.RawMessage `json:"metadata"`
		} `json:"connection"`
	}
	if json.Unmarshal(q.body, &b) != nil || b.Connection.ServiceURL == "" {
		return http.StatusUnprocessableEntity, map[string]any{"errors": map[string][]string{"service_url": {"can't be blank"}}}
	}
	c := q.company
	if c.erp == nil {
		e.nextID++
		list := e.nextID
		e.nextID++
		c.erp = &erpConnection{id: e.nextID, standardCostCodeListID: list}
	}
	c.erp.serviceURL, c.erp.metadata = b.Connection.ServiceURL, b.Connection.Metadata
	return http.StatusCreated, map[string]any{"id": c.erp.id, "standard_cost_code_list_id": c.erp.standardCostCodeListID}
}

// erpListID is the company's ERP Standard Cost Code List, 0 before its
// ERP connection is made.
func (c *company) erpListID() int64 {
	if c.erp == nil {
		return 0
	}
	return c.erp.standardCostCodeListID
}

// updateERPConnection answers PATCH
// /rest/v1.0/companies/{company_id}/erp_connections/{id} with {connection:
// {metadata}}: the integrator's metadata replaced. The path is the
// research's choice [I] (erp-integrator.md §4.3: the metadata-update path
// is not published); the body is the create's.
func (e *Emulator) updateERPConnection(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := pathCompany(r, q); !ok {
		return status, v
	}
	c := q.company
	if c.erp == nil || r.PathValue("id") != strconv.FormatInt(c.erp.id, 10) {
		return http.StatusNotFound, map[string]string{"errors": "ERP connection not found"}
	}
	var b struct {
		Connection struct {
			Metadata json.RawMessage `json:"metadata"`
		} `json:"connection"`
	}
	if json.Unmarshal(q.body, &b) != nil || len(b.Connection.Metadata) == 0 {
		return http.StatusUnprocessableEntity, map[string]any{"errors": map[string][]string{"metadata": {"can't be blank"}}}
	}
	c.erp.metadata = b.Connection.Metadata
	return http.StatusOK, map[string]any{"id": c.erp.id}
}

// ERPMetadata is the metadata of the company's ERP connection, as the
// integrator last sent it (nil before it made one).
func (e *Emulator) ERPMetadata(companyID int64) json.RawMessage {
	e.mu.Lock()
	defer e.mu.Unlock()
	if c := e.companies[companyID]; c != nil && c.erp != nil {
		return append(json.RawMessage(nil), c.erp.metadata...)
	}
	return nil
}
