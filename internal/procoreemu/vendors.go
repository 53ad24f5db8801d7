package procoreemu

import (
	"net/http"
	"sort"
)

// listCompanies answers GET /rest/v1.0/companies: the companies the
// account reaches (oauth/oauth_client_credentials.md shows the call with
// the Procore-Company-Id header a DMSA must send).
func (e *Emulator) listCompanies(h http.Header, r *http.Request, q *request) (int, any) {
	var out []Record
	for _, id := range q.client.Companies {
		if c := e.companies[id]; c != nil {
			out = append(out, Record{"id": c.id, "name": c.name, "is_active": true})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i]["id"].(int64) < out[j]["id"].(int64) })
	return http.StatusOK, e.page(h, r, out)
}

// listVendors answers GET /rest/v1.0/vendors?company_id=…, paged, with
// filters[origin_id] (the OpenAPI's List Vendors, RestV10VendorsGet).
func (e *Emulator) listVendors(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := companyParam(r, q); !ok {
		return status, v
	}
	vendors := q.company.vendors.all()
	if origins, ok := r.URL.Query()["filters[origin_id]"]; ok {
		vendors = withOrigin(vendors, origins)
	}
	return http.StatusOK, e.page(h, r, vendors)
}

// syncVendors answers PATCH /rest/v1.0/vendors/sync {company_id,
// updates} (the OpenAPI's RestV10VendorsSyncPatch; the sync semantics of
// tutorials/using_sync_actions.md). A new vendor needs a name.
func (e *Emulator) syncVendors(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := companyParam(r, q); !ok {
		return status, v
	}
	return syncAction(q.body, q.company.vendors, "name")
}

func withOrigin(records []Record, origins []string) []Record {
	want := map[string]bool{}
	for _, o := range origins {
		want[o] = true
	}
	var out []Record
	for _, r := range records {
		if o, ok := r["origin_id"].(string); ok && want[o] {
			out = append(out, r)
		}
	}
	return out
}

// AddVendor adds a vendor to the company's directory, as a user does in
// Procore, and returns it with its id.
func (e *Emulator) AddVendor(companyID int64, v Record) Record {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.companies[companyID].vendors.insert(v)
}

// listProjects answers GET /rest/v1.0/projects?company_id=…, paged (the
// OpenAPI's List projects, RestV10ProjectsGet), each with its origin_id.
func (e *Emulator) listProjects(h http.Header, r *http.Request, q *request) (int, any) {
	if status, v, ok := companyParam(r, q); !ok {
		return status, v
	}
	return http.StatusOK, e.page(h, r, q.company.projects.all())
}

// AddProject adds a project to the company, as a user does in Procore
// (with an origin_id: one made from a staged QuickBooks job), and
// returns it with its id.
func (e *Emulator) AddProject(companyID int64, p Record) Record {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.companies[companyID].projects.insert(p)
}
