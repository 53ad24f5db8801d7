package procoreemu

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// SyncSingleJob plays Procore's periodic sync_single_job for a project
// synced with a QuickBooks job (erp_events_dictionary.md: "Sent out
// periodically"; every two hours, procore-research.md): the job's
// origin_id, and the project with whether it asks for its job cost
// transactions. No Request Detail. It returns the request (0 for a
// project not synced).
func (e *Emulator) SyncSingleJob(companyID, project int64) int64 {
	e.mu.Lock()
	c := e.companies[companyID]
	var row Record
	if c != nil {
		if i, ok := c.projects.byID[project]; ok {
			row = c.projects.rows[i]
		}
	}
	origin, _ := row["origin_id"].(string)
	if origin == "" {
		e.mu.Unlock()
		return 0
	}
	enabled, _ := row["erp_job_cost_transaction_syncing_enabled"].(bool)
	req := e.newRequest(companyID, "sync_single_job", Record{"id": origin, "company_id": companyID,
		"additional_job_data": Record{"job_name": row["name"], "procore_project_id": project, "project_id": project, "start_date": nil,
			"job_cost_transactions_sync_enabled": enabled}})
	e.announce(req)
	return req.id
}

// configureProject answers PATCH /rest/v1.0/projects/{id}/configuration
// {configuration: {erp_job_cost_transaction_syncing_enabled}} (TG22,
// "Update Project Configuration"): the project keeps the flag.
func (e *Emulator) configureProject(h http.Header, r *http.Request, q *request) (int, any) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	i, ok := q.company.projects.byID[id]
	if !ok {
		return http.StatusNotFound, map[string]string{"errors": "Project not found"}
	}
	var b struct {
		Configuration struct {
			Enabled *bool `json:"erp_job_cost_transaction_syncing_enabled"`
		} `json:"configuration"`
	}
	if json.Unmarshal(q.body, &b) != nil {
		return http.StatusBadRequest, map[string]string{"errors": "configuration must be an object"}
	}
	if b.Configuration.Enabled != nil {
		q.company.projects.update(i, Record{"erp_job_cost_transaction_syncing_enabled": *b.Configuration.Enabled})
	}
	return http.StatusOK, Record{"id": id, "erp_job_cost_transaction_syncing_enabled": q.company.projects.rows[i]["erp_job_cost_transaction_syncing_enabled"]}
}

// syncJobCosts answers PATCH /rest/v1.0/erp_job_costs/sync {company_id,
// job_origin_id, updates: [{cost_code_id, line_item_type_id,
// job_to_date_cost, month_to_date_cost, …}]} (TG22, "Sync ERP Job
// Costs"): the job costs of a cost code of the project synced with the
// job, each figure sent kept (one left out stays as it was).
func (e *Emulator) syncJobCosts(h http.Header, r *http.Request, q *request) (int, any) {
	updates, status, v, ok := readUpdates(q.body)
	if !ok {
		return status, v
	}
	var b struct {
		Job string `json:"job_origin_id"`
	}
	_ = json.Unmarshal(q.body, &b)
	i, ok := q.company.projects.byOrigin[b.Job]
	if !ok || b.Job == "" {
		return http.StatusNotFound, map[string]string{"errors": "Project not found"}
	}
	project := q.company.projects.rows[i]["id"]
	entities, errs := []Record{}, []Record{}
	for _, u := range updates {
		costCode, _ := number(u["cost_code_id"])
		j, found := q.company.costCodes.byID[costCode]
		if !found || q.company.costCodes.rows[j]["project_id"] != project {
			u["errors"] = map[string][]string{"cost_code_id": {"not found"}}
			errs = append(errs, u)
			continue
		}
		if reason, refused := e.faults.refuseJobCosts[costCode]; refused {
			u["errors"] = map[string][]string{"base": {reason}}
			errs = append(errs, u)
			continue
		}
		row := Record{"project_id": project}
		for k, v := range u {
			row[k] = v
		}
		row["cost_code_id"], row["line_item_type_id"] = costCode, u["line_item_type_id"]
		existing := -1
		for k, x := range q.company.jobCosts.rows {
			if x["project_id"] == project && x["cost_code_id"] == costCode {
				existing = k
			}
		}
		if existing >= 0 {
			entities = append(entities, q.company.jobCosts.update(existing, row))
			continue
		}
		entities = append(entities, q.company.jobCosts.insert(row))
	}
	return http.StatusOK, Record{"entities": entities, "errors": errs}
}

// ERPJobCosts are a project's job costs as the integrator last synced
// them, by cost code.
func (e *Emulator) ERPJobCosts(companyID, project int64) []Record {
	return projectRows(e.read(companyID, func(c *company) *table { return c.jobCosts }), project)
}
