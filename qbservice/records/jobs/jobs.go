// Package jobs brings QuickBooks' jobs to Procore as projects to import,
// as Procore's QuickBooks Desktop connector maps them: a Procore project
// is a QuickBooks job, a Customer:Job, or a customer with no jobs under
// it (erp-integrator.md §2). The ERP Request sync_jobs ("Refresh Jobs
// List") stages them in Procore's ERP Integrations tool, where a user
// makes projects of them; the export of a project (create_or_update_job)
// is part 2's.
package jobs

import (
	"context"
	"strings"

	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/records"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Refresh is sync_jobs: QuickBooks' customers and jobs are read, and
// every active job that no Procore project is linked to (by origin_id =
// its ListID) is staged to import (erp_projects/sync, TG22), named by its
// full name so that its customer shows. A customer with jobs is not a
// job itself. Projects already linked are left as they are in Procore:
// their names and details are Procore's to keep.
type Refresh struct{}

func (Refresh) Plan(context.Context, records.Env, records.Request) ([]records.Job, *records.Outcome, error) {
	return []records.Job{{Kind: servicedb.JobCustomers}}, nil, nil
}

// stagedProject is a job as erp_projects/sync takes it.
type stagedProject struct {
	Name     string `json:"name"`
	OriginID string `json:"origin_id"`
}

func (Refresh) Finish(ctx context.Context, env records.Env, _ records.Request, jobs []servicedb.Job) (records.Outcome, error) {
	job := jobs[0]
	if job.State == servicedb.JobFailed {
		return records.QuickBooksRefused(job), nil
	}
	linked, err := linkedProjects(ctx, env)
	if err != nil {
		return records.Outcome{}, err
	}
	// Which customers have jobs under them: a pass over what was read,
	// keeping only full names.
	parents := map[string]bool{}
	err = eachCustomer(ctx, env, job.ID, func(page []qbxml.Customer) error {
		for _, c := range page {
			if i := strings.LastIndex(c.FullName, ":"); i >= 0 {
				parents[strings.ToLower(c.FullName[:i])] = true
			}
		}
		return nil
	})
	if err != nil {
		return records.Outcome{}, err
	}
	result := serviceapi.ActivityResult{Counts: map[string]int{serviceapi.CountRead: 0}}
	call := procore.SyncCall{Target: "/rest/v1.0/erp_projects/sync", Fields: map[string]any{"company_id": env.Company}}
	err = eachCustomer(ctx, env, job.ID, func(page []qbxml.Customer) error {
		var staged []stagedProject
		names := map[string]string{}
		for _, c := range page {
			result.Counts[serviceapi.CountRead]++
			if !c.IsActive || parents[strings.ToLower(c.FullName)] || linked[c.ListID] {
				continue
			}
			staged = append(staged, stagedProject{Name: c.FullName, OriginID: c.ListID})
			names[c.ListID] = c.FullName
		}
		if len(staged) == 0 {
			return nil
		}
		done, err := procore.Sync(ctx, env.Procore, call, staged)
		if err != nil {
			return err
		}
		result.Counts[serviceapi.CountStaged] += len(done.Entities)
		for _, r := range records.Refused(done.Errors, names) {
			if len(result.Refused) < 100 {
				result.Refused = append(result.Refused, r)
			}
		}
		return nil
	})
	if err != nil {
		return records.Outcome{}, err
	}
	return records.Ended(result), nil
}

// eachCustomer gives what job read a page at a time.
func eachCustomer(ctx context.Context, env records.Env, jobID string, each func([]qbxml.Customer) error) error {
	for after := ""; ; {
		listed, err := env.DB.JobRecords(ctx, jobID, after, procore.MaxSyncRecords)
		if err != nil || len(listed) == 0 {
			return err
		}
		after = listed[len(listed)-1].ListID
		page := make([]qbxml.Customer, len(listed))
		for i, l := range listed {
			if err := qbjobs.Decode(l.JSON, &page[i]); err != nil {
				return err
			}
		}
		if err := each(page); err != nil {
			return err
		}
	}
}

// linkedProjects are the ListIDs the company's Procore projects are
// linked to.
func linkedProjects(ctx context.Context, env records.Env) (map[string]bool, error) {
	projects, err := records.SyncedProjects(ctx, env)
	out := map[string]bool{}
	for _, p := range projects {
		out[p.Job] = true
	}
	return out, err
}
