package vendors

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/records"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Refresh is sync_vendors, "Refresh Vendors List" in Procore's ERP tool:
// QuickBooks' vendors changed since the last refresh are read; a vendor
// Procore has not linked is staged to import (erp_vendors/sync, TG22), if
// it is active; a linked one whose EditSequence moved on is updated
// (vendors/sync) when the setting is Automatic, and only counted when it
// is Do Not Update (Rule 4 of erp-integrator.md §2). The request ends in
// success unless Procore refused records, which it names.
type Refresh struct{}

// The read's mark is kept with the setting it was made under: a vendor
// changed while updates were off is read again once they are on.
func mark(rule settings.VendorUpdates, since string) string { return string(rule) + "@" + since }

func (Refresh) Plan(ctx context.Context, env records.Env, _ records.Request) ([]records.Job, *records.Outcome, error) {
	kept, err := env.DB.RecordsReadSince(ctx)
	if err != nil {
		return nil, nil, err
	}
	from := ""
	if rule, since, ok := strings.Cut(kept, "@"); ok && rule == string(env.Settings.VendorUpdates) {
		from = since
	}
	return []records.Job{{Kind: servicedb.JobVendors, Input: qbjobs.Encode(qbjobs.VendorsAsked{From: from})}}, nil, nil
}

func (Refresh) Finish(ctx context.Context, env records.Env, _ records.Request, jobs []servicedb.Job) (records.Outcome, error) {
	job := jobs[0]
	if job.State == servicedb.JobFailed {
		return records.QuickBooksRefused(job), nil
	}
	var read qbjobs.RecordsRead
	if err := qbjobs.Decode(job.Output, &read); err != nil {
		return records.Outcome{}, err
	}
	linked, err := linkedVendors(ctx, env)
	if err != nil {
		return records.Outcome{}, err
	}
	result := serviceapi.ActivityResult{Counts: map[string]int{serviceapi.CountRead: 0}}
	// A page of what QuickBooks sent at a time, each page's calls made
	// before the next is read: memory stays flat however many vendors.
	for after := ""; ; {
		listed, err := env.DB.JobRecords(ctx, job.ID, after, procore.MaxSyncRecords)
		if err != nil {
			return records.Outcome{}, err
		}
		if len(listed) == 0 {
			break
		}
		after = listed[len(listed)-1].ListID
		if err := refreshPage(ctx, env, listed, linked, &result); err != nil {
			return records.Outcome{}, err
		}
	}
	if len(result.Refused) > 0 {
		// The mark stays: the next refresh reads them again.
		return records.Failed(serviceapi.ActivityProcoreRefused, result), nil
	}
	if read.Latest != "" {
		if err := env.DB.SetRecordsReadSince(ctx, env.Company, mark(env.Settings.VendorUpdates, read.Latest)); err != nil {
			return records.Outcome{}, err
		}
	}
	return records.Outcome{Result: result}, nil
}

// listedVendor is a vendor as List Vendors answers, with what the refresh
// reads of it.
type listedVendor struct {
	ID         int64           `json:"id"`
	OriginID   string          `json:"origin_id"`
	OriginData json.RawMessage `json:"origin_data"`
}

// refreshPage stages a page's new vendors and updates its linked ones
// that changed, as the setting says, counting what it did in result.
func refreshPage(ctx context.Context, env records.Env, listed []servicedb.Listed, linked map[string]listedVendor, result *serviceapi.ActivityResult) error {
	automatic := env.Settings.VendorUpdates != settings.VendorUpdatesNone
	var staged, updated []procoreVendor
	names := map[string]string{}
	for _, l := range listed {
		var v qbxml.Vendor
		if err := qbjobs.Decode(l.JSON, &v); err != nil {
			return err
		}
		result.Counts[serviceapi.CountRead]++
		names[v.ListID] = v.Name
		p, isLinked := linked[v.ListID]
		switch {
		case !isLinked && v.IsActive:
			staged = append(staged, procoreVendor{Name: v.Name, OriginID: v.ListID})
		case !isLinked:
		case records.EditSequenceOf(p.OriginData) == v.EditSequence:
		case automatic:
			u := fromQuickBooks(v)
			u.ID, u.OriginData = p.ID, records.OriginData(v.EditSequence)
			updated = append(updated, u)
		default:
			result.Counts[serviceapi.CountNotUpdated]++
		}
	}
	fields := map[string]any{"company_id": env.Company}
	for _, call := range []struct {
		target string
		list   []procoreVendor
		count  string
	}{{"/rest/v1.0/erp_vendors/sync", staged, serviceapi.CountStaged}, {"/rest/v1.0/vendors/sync", updated, serviceapi.CountUpdated}} {
		if len(call.list) == 0 {
			continue
		}
		done, err := procore.Sync(ctx, env.Procore, procore.SyncCall{Target: call.target, Fields: fields}, call.list)
		if err != nil {
			return err
		}
		result.Counts[call.count] += len(done.Entities)
		for _, r := range records.Refused(done.Errors, names) {
			// Named up to a hundred: enough to correct, and to see the
			// pattern when Procore refuses them all.
			if len(result.Refused) < maxRefusedNamed {
				result.Refused = append(result.Refused, r)
			}
		}
	}
	return nil
}

// maxRefusedNamed is how many refused vendors the activity names.
const maxRefusedNamed = 100

// linkedVendors are the company's Procore vendors linked to QuickBooks,
// by their origin_id (List Vendors, every page).
func linkedVendors(ctx context.Context, env records.Env) (map[string]listedVendor, error) {
	out := map[string]listedVendor{}
	err := procore.List(ctx, env.Procore, fmt.Sprintf("/rest/v1.0/vendors?company_id=%d", env.Company), func(page []listedVendor) error {
		for _, v := range page {
			if v.OriginID != "" {
				out[v.OriginID] = v
			}
		}
		return nil
	})
	return out, err
}
