package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/records"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// CustomerField is the key of the jobs export's custom field (the ERP
// connection's metadata) in which the approver names the QuickBooks
// customer the job goes under: Procore's own connector asks for one at
// Accept (erp-integrator.md §4.10). Blank, the job is a customer of its
// own at the top of QuickBooks' list.
const CustomerField = "quickbooks_customer"

// Export is create_or_update_job: a project an approver accepted becomes
// a QuickBooks job, or, exported before, its job is changed to match.
//
// The job's name is the QuickBooks ID typed at export (origin_code), else
// the project's name: a job's name is its only ID in QuickBooks. A name
// QuickBooks already has for something the service did not add fails with
// a message that says "code", so that Procore lets the user type another
// (the technical guide's note on create_or_update_job). Then the project
// and its cost codes are marked synced, the cost codes as "<job
// ListID>|<item ListID>", and their cost types too.
type Export struct{}

// exported is create_or_update_job's payload (erp_events_dictionary.md).
type exported struct {
	Job struct {
		ID           int64           `json:"id"`
		Name         string          `json:"name"`
		OriginID     json.RawMessage `json:"origin_id"`
		OriginCode   string          `json:"origin_code"`
		Address      string          `json:"address"`
		City         string          `json:"city"`
		StateCode    string          `json:"state_code"`
		Zip          string          `json:"zip"`
		Active       *bool           `json:"active"`
		CustomFields map[string]struct {
			Value json.RawMessage `json:"value"`
		} `json:"custom_fields"`
		ERPCustomFields map[string]json.RawMessage `json:"erp_custom_fields"`
	} `json:"job"`
	CostCodes []costCode `json:"all_cost_codes"`
}

// costCode is one of the project's cost codes, with the Service item it
// was made from (standard_cost_code_origin_id, its ListID) and its cost
// types.
type costCode struct {
	ID            int64  `json:"id"`
	FullCode      string `json:"full_code"`
	Name          string `json:"name"`
	Standard      string `json:"standard_cost_code_origin_id"`
	LineItemTypes []struct {
		ID int64 `json:"id"`
	} `json:"line_item_types"`
}

func read(data string) (exported, error) {
	var p exported
	err := json.Unmarshal([]byte(data), &p)
	return p, err
}

// linkedTo is the ListID of the job the project was exported to before
// (its origin_id), or "".
func (p exported) linkedTo() string { return records.TextOf(p.Job.OriginID) }

// customer is the customer the approver named, from the job's custom
// fields (as the sample sends one: {data_type, value}) or its ERP custom
// fields (as create_vendor's are: the value itself).
func (p exported) customer() string {
	if f, ok := p.Job.CustomFields[CustomerField]; ok {
		return records.TextOf(f.Value)
	}
	return records.TextOf(p.Job.ERPCustomFields[CustomerField])
}

// mark is the service's mark of a project's job.
func mark(company, project int64) string {
	return qbxml.GUID(fmt.Sprintf("procore company %d project %d", company, project))
}

func (Export) Plan(_ context.Context, env records.Env, r records.Request) ([]records.Job, *records.Outcome, error) {
	p, err := read(r.Data)
	if readable := err == nil; !readable || p.Job.ID <= 0 {
		return nil, records.EndsWith(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: "name"}), nil
	}
	job, problem := jobOf(p)
	if problem != nil {
		return nil, problem, nil
	}
	for _, cc := range p.CostCodes {
		// A project cost code is a QuickBooks item's only when it came
		// from the ERP's standard list: Procore's connector integrates no
		// project with others (erp-integrator.md §2).
		if strings.TrimSpace(cc.Standard) == "" {
			return nil, records.EndsWith(serviceapi.ActivityNotLinked, serviceapi.ActivityResult{Field: "projectCostCodes"}), nil
		}
	}
	job.ExternalGUID = mark(env.Company, p.Job.ID)
	asked := qbjobs.JobAsked{Job: job, ListID: p.linkedTo()}
	return []records.Job{{Kind: servicedb.JobJob, Input: qbjobs.Encode(asked)}}, nil, nil
}

// jobOf is the project's job, or the outcome of one QuickBooks could not
// hold, named by the Procore field it comes from.
func jobOf(p exported) (qbxml.Job, *records.Outcome) {
	x := p.Job
	nameField := "name"
	if strings.TrimSpace(x.OriginCode) != "" {
		nameField = "origin_code"
	}
	job := qbxml.Job{Name: records.FirstOf(x.OriginCode, x.Name), Parent: p.customer(), IsActive: x.Active == nil || *x.Active,
		Address: qbxml.Address{Addr1: strings.TrimSpace(x.Address), City: strings.TrimSpace(x.City),
			State: strings.TrimSpace(x.StateCode), PostalCode: strings.TrimSpace(x.Zip)}}
	fields := map[string]string{"Name": nameField, "FullName": CustomerField, "Addr1": "address", "City": "city", "State": "state_code", "PostalCode": "zip"}
	invalid := func(element string, limit int) *records.Outcome {
		return records.EndsWith(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: fields[element], Limit: limit})
	}
	if job.Name == "" || strings.Contains(job.Name, ":") {
		return job, invalid("Name", 0)
	}
	for _, l := range job.Limits() {
		if settings.HasHiddenCharacter(l.Value) {
			return job, invalid(l.Element, 0)
		}
	}
	var tooLong *qbxml.TooLongError
	if errors.As(qbxml.CheckLimits(job.Limits()...), &tooLong) {
		return job, invalid(tooLong.Element, tooLong.Limit)
	}
	return job, nil
}

func (Export) Finish(ctx context.Context, env records.Env, r records.Request, jobs []servicedb.Job) (records.Outcome, error) {
	job := jobs[0]
	p, err := read(r.Data)
	switch {
	case job.State == servicedb.JobFailed && job.Failure.Problem == servicedb.FailureNameInUse:
		name, _ := jobOf(p)
		return records.Failed(serviceapi.ActivityNameInUse, serviceapi.ActivityResult{Field: "origin_code", Name: name.FullName()}), nil
	case job.State == servicedb.JobFailed:
		return records.QuickBooksRefused(job), nil
	}
	var got qbjobs.JobWritten
	if err := errors.Join(err, qbjobs.Decode(job.Output, &got)); err != nil {
		return records.Outcome{}, err
	}
	qb := got.Customer
	marks := []records.Synced{records.NewSynced("project", p.Job.ID, p.Job.Name, qb.ListID, qb.EditSequence)}
	for _, cc := range p.CostCodes {
		marks = append(marks, records.Synced{ItemType: "cost_code", ItemID: cc.ID, OriginID: CostCodeOrigin(qb.ListID, cc.Standard)})
	}
	refused, err := records.MarkSynced(ctx, env, marks)
	if err != nil {
		return records.Outcome{}, err
	}
	more, err := syncCostTypes(ctx, env, p)
	if err != nil {
		return records.Outcome{}, err
	}
	refused = append(refused, more...)
	count := records.WrittenCount(got.Found, p.linkedTo() != "")
	return records.Ended(serviceapi.ActivityResult{Counts: map[string]int{count: 1}, ListID: qb.ListID, Name: qb.FullName, Refused: refused}), nil
}

// CostCodeOrigin is the origin_id of a project cost code: its job's
// ListID and its item's, as Procore's QuickBooks connector writes them.
func CostCodeOrigin(jobListID, itemListID string) string {
	return jobListID + "|" + strings.TrimSpace(itemListID)
}

// syncCostTypes marks the cost types of the project's cost codes synced,
// and returns those Procore refused.
func syncCostTypes(ctx context.Context, env records.Env, p exported) ([]serviceapi.ActivityRefused, error) {
	var list []records.CostTypeSynced
	names := map[int64]string{}
	for _, cc := range p.CostCodes {
		for _, t := range cc.LineItemTypes {
			list = append(list, records.CostTypeSynced{CostCodeID: cc.ID, LineItemTypeID: t.ID, Synced: true})
		}
		names[cc.ID] = cc.FullCode
	}
	return records.SyncCostTypes(ctx, env, p.Job.ID, list, names)
}
