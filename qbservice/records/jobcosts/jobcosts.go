// Package jobcosts brings QuickBooks' job costs to Procore, as Procore's
// QuickBooks Desktop connector counts them: the item lines of bills,
// checks, card charges and item receipts (less vendor and card credits)
// coded to a job and to a Service item synced as one of its project's cost
// codes ("Expenses entered in QuickBooks Desktop will not be picked up").
// The ERP Request sync_single_job, which Procore sends for each synced
// project every two hours, reads what changed in QuickBooks since the
// last read, then syncs the project's job costs by cost code
// (erp_job_costs/sync, TG22), as the settings Procore's Budget Direct
// Cost Columns and Hide Job To Date Costs Column on the Budget say (rule
// 3 of erp-integrator.md §2; syncrules.DirectCostsOf).
package jobcosts

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/records"
	"qbsettings/qbservice/records/costcodes"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
	"qbsettings/syncrules"
)

// Refresh is sync_single_job.
type Refresh struct{}

// refreshed is sync_single_job's payload (erp_events_dictionary.md): the
// project's origin_id (its job's ListID), and Procore's project with
// whether it asks for its job cost transactions.
type refreshed struct {
	ID         string `json:"id"`
	Additional struct {
		ProcoreProjectID int64 `json:"procore_project_id"`
		TransactionsSync *bool `json:"job_cost_transactions_sync_enabled"`
	} `json:"additional_job_data"`
}

func readable(err error) bool { return err == nil }

func read(data string) (refreshed, error) {
	var p refreshed
	err := json.Unmarshal([]byte(data), &p)
	p.ID = strings.TrimSpace(p.ID)
	return p, err
}

func (Refresh) Plan(_ context.Context, _ records.Env, r records.Request) ([]records.Job, *records.Outcome, error) {
	// A payload that is not sync_single_job's names no synced job.
	if p, err := read(r.Data); readable(err) && p.ID != "" {
		return []records.Job{{Kind: servicedb.JobJobCosts}}, nil, nil
	}
	return nil, records.EndsWith(serviceapi.ActivityNotLinked, serviceapi.ActivityResult{Field: "project"}), nil
}

// jobCost is a cost code's job costs as erp_job_costs/sync takes them
// (TG22); a figure left out is left as Procore has it.
type jobCost struct {
	CostCodeID     int64        `json:"cost_code_id"`
	LineItemTypeID int64        `json:"line_item_type_id"`
	JobToDate      *json.Number `json:"job_to_date_cost,omitempty"`
	MonthToDate    json.Number  `json:"month_to_date_cost"`
}

func (Refresh) Finish(ctx context.Context, env records.Env, r records.Request, jobs []servicedb.Job) (records.Outcome, error) {
	job := jobs[0]
	if job.State == servicedb.JobFailed {
		return records.QuickBooksRefused(job), nil
	}
	p, err := read(r.Data)
	var got qbjobs.CostsRead
	if err := errors.Join(err, qbjobs.Decode(job.Output, &got)); err != nil {
		return records.Outcome{}, err
	}
	project, err := projectOf(ctx, env, p)
	switch {
	case err != nil:
		return records.Outcome{}, err
	case project == 0:
		return records.Failed(serviceapi.ActivityNotLinked, serviceapi.ActivityResult{Field: "project"}), nil
	}
	rule := syncrules.DirectCostsOf(env.Settings.DirectCostColumn, env.Settings.HideJobToDateCosts)
	if err := configure(ctx, env, project, p, rule); err != nil {
		return records.Outcome{}, err
	}
	costs, names, err := jobCosts(ctx, env, p.ID, project, rule)
	if err != nil {
		return records.Outcome{}, err
	}
	call := procore.SyncCall{Target: "/rest/v1.0/erp_job_costs/sync", Fields: map[string]any{"company_id": env.Company, "job_origin_id": p.ID}}
	done, err := procore.Sync(ctx, env.Procore, call, costs)
	if err != nil {
		return records.Outcome{}, err
	}
	result := serviceapi.ActivityResult{Counts: map[string]int{serviceapi.CountRead: got.Read, serviceapi.CountSynced: len(done.Entities)},
		Rules: rulesOf(rule), Refused: records.RefusedByCostCode(done.Errors, names)}
	return records.Ended(result), nil
}

// projectOf is Procore's project of the request: the one it names, else
// the one synced with the job (List projects); 0 for none.
func projectOf(ctx context.Context, env records.Env, p refreshed) (int64, error) {
	if id := p.Additional.ProcoreProjectID; id > 0 {
		return id, nil
	}
	projects, err := records.SyncedProjects(ctx, env)
	for _, x := range projects {
		if x.Job == p.ID {
			return x.ID, err
		}
	}
	return 0, err
}

// configure asks the project's configuration for its job cost
// transactions to be imported, or not, as rule 3 says (TG22: PATCH
// /rest/v1.0/projects/{id}/configuration), when Procore's request says
// it asks otherwise (or does not say).
func configure(ctx context.Context, env records.Env, project int64, p refreshed, rule syncrules.DirectCosts) error {
	if now := p.Additional.TransactionsSync; now != nil && *now == rule.TransactionsImported {
		return nil
	}
	body := map[string]any{"configuration": map[string]any{"erp_job_cost_transaction_syncing_enabled": rule.TransactionsImported}}
	_, err := env.Procore.Do(ctx, http.MethodPatch, fmt.Sprintf("/rest/v1.0/projects/%d/configuration", project), body, nil)
	return err
}

// jobCosts are the job costs of each of the project's cost codes synced
// with one of job's items: zero for a code with none (its costs may have
// been deleted in QuickBooks), job-to-date left out when rule 3 says;
// and each code's full code in Procore (by its id).
func jobCosts(ctx context.Context, env records.Env, job string, project int64, rule syncrules.DirectCosts) ([]jobCost, map[int64]string, error) {
	codes, err := costcodes.ProjectCostCodes(ctx, env, project)
	if err != nil {
		return nil, nil, err
	}
	other, err := costcodes.OtherCostType(ctx, env)
	if err != nil {
		return nil, nil, err
	}
	now := env.Now()
	totals, err := env.DB.CostTotals(ctx, job, now.Format("2006-01")+"-01")
	if err != nil {
		return nil, nil, err
	}

	byItem := map[string]servicedb.CostTotal{}
	for _, t := range totals {
		byItem[t.Item] = t
	}
	var out []jobCost
	for origin, id := range codes.IDs {
		codeJob, item, ok := strings.Cut(origin, "|")
		if !ok || codeJob != job {
			continue
		}
		t := byItem[item]
		c := jobCost{CostCodeID: id, LineItemTypeID: other, MonthToDate: money(t.ThisMonth)}
		if rule.JobToDateSent {
			jtd := money(t.ToDate)
			c.JobToDate = &jtd
		}
		out = append(out, c)
	}
	return out, codes.Codes, nil
}

func money(cents int64) json.Number { return json.Number(qbxml.Money(cents).String()) }

// rulesOf are the rules that shaped the job costs: whether QuickBooks
// fills the Direct Cost column, and whether job-to-date figures went.
func rulesOf(rule syncrules.DirectCosts) []serviceapi.ActivityRule {
	out := []serviceapi.ActivityRule{{Rule: serviceapi.RuleDirectCostReadOnly, Setting: string(settings.FieldDirectCostColumn)}}
	if !rule.TransactionsImported {
		out[0].Rule = serviceapi.RuleDirectCostEditable
	}
	if !rule.JobToDateSent {
		out = append(out, serviceapi.ActivityRule{Rule: serviceapi.RuleJobToDateHidden, Setting: string(settings.FieldHideJobToDateCosts)})
	}
	return out
}
