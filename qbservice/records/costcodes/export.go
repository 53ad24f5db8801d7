package costcodes

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/records"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Export is create_standard_cost_codes: each code an approver accepted
// becomes a Service item, under its parent's item (parent_origin_id, or
// a parent exported with it), found first by its full name (the
// bookkeeper may have it; an attempt before a kill may have made it),
// else added; each is marked synced and its own Request Detail closed
// with how it ended. A code QuickBooks could not hold (a name over 31
// characters, a colon, a hidden character, a parent it does not have)
// is refused before QuickBooks is asked anything.
type Export struct{}

// exportedCode is one record of create_standard_cost_codes
// (erp_events_dictionary.md).
type exportedCode struct {
	ID              int64  `json:"id"`
	Code            string `json:"code"`
	FullCode        string `json:"full_code"`
	Name            string `json:"name"`
	ParentID        int64  `json:"parent_id"`
	ParentOriginID  string `json:"parent_origin_id"`
	RequestDetailID int64  `json:"request_detail_id"`
	ERPCustomFields struct {
		IncomeAccount  string `json:"income_account_origin_id"`
		ExpenseAccount string `json:"expense_account_origin_id"`
	} `json:"erp_custom_fields"`
}

// asked is a code's job as kept: the item, and the code it is for.
type asked struct {
	servicedb.NewItem
	CodeID   int64 `json:"codeId"`
	DetailID int64 `json:"detailId"`
}

// planned is a code, with its item or why it cannot be one.
type planned struct {
	code    exportedCode
	item    servicedb.NewItem
	problem *serviceapi.ActivityDetail
}

// plan reads the codes and places each under its parent: parents first.
func plan(data string, items []servicedb.Item) ([]planned, error) {
	var codes []exportedCode
	if err := json.Unmarshal([]byte(data), &codes); err != nil {
		return nil, err
	}
	byListID := map[string]string{}
	for _, it := range items {
		if it.Type == "Service" {
			byListID[it.ListID] = it.FullName
		}
	}
	byID := map[int64]*planned{}
	out := make([]planned, len(codes))
	for i, c := range codes {
		out[i] = planned{code: c}
		byID[c.ID] = &out[i]
	}
	var place func(p *planned, depth int)
	place = func(p *planned, depth int) {
		if p.item.Name != "" || p.problem != nil {
			return
		}
		c := p.code
		name := strings.TrimSpace(c.Code)
		fail := func(field string, limit int) {
			p.problem = &serviceapi.ActivityDetail{Problem: serviceapi.ActivityInvalidRecord, Field: field, Limit: limit}
		}
		switch {
		case name == "" || strings.Contains(name, ":") || settings.HasHiddenCharacter(name) || settings.HasHiddenCharacter(c.Name):
			fail("code", 0)
			return
		case utf8.RuneCountInString(name) > qbxml.MaxItemName:
			fail("code", qbxml.MaxItemName)
			return
		case utf8.RuneCountInString(c.Name) > qbxml.MaxDescription:
			fail("name", qbxml.MaxDescription)
			return
		}
		parent := ""
		switch inBatch := byID[c.ParentID]; {
		case c.ParentOriginID != "":
			var known bool
			if parent, known = byListID[c.ParentOriginID]; !known {
				fail("parent", 0)
				return
			}
		case c.ParentID != 0 && inBatch != nil && inBatch != p && depth < len(out):
			place(inBatch, depth+1)
			if inBatch.problem != nil {
				fail("parent", 0)
				return
			}
			parent = inBatch.item.FullName()
		}
		p.item = servicedb.NewItem{Name: name, Parent: parent, Description: strings.TrimSpace(c.Name),
			IncomeAccount: c.ERPCustomFields.IncomeAccount, ExpenseAccount: c.ERPCustomFields.ExpenseAccount}
		if utf8.RuneCountInString(p.item.FullName()) > qbxml.MaxItemFullName {
			p.item = servicedb.NewItem{}
			fail("code", qbxml.MaxItemFullName)
		}
	}
	for i := range out {
		place(&out[i], 0)
	}
	// Parents before their children.
	sort.SliceStable(out, func(i, j int) bool {
		return strings.Count(out[i].item.FullName(), ":") < strings.Count(out[j].item.FullName(), ":")
	})
	return out, nil
}

func (Export) Plan(ctx context.Context, env records.Env, r records.Request) ([]records.Job, *records.Outcome, error) {
	items, err := env.DB.Items(ctx)
	if err != nil {
		return nil, nil, err
	}
	codes, err := plan(r.Data, items)
	if err != nil || len(codes) == 0 {
		out := records.Failed(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: "code"})
		return nil, &out, nil //nolint:nilerr // a payload that is no list of codes ends the request
	}
	var jobs []records.Job
	for _, c := range codes {
		if c.problem == nil {
			input, err := json.Marshal(asked{NewItem: c.item, CodeID: c.code.ID, DetailID: c.code.RequestDetailID})
			if err != nil {
				return nil, nil, err
			}
			jobs = append(jobs, records.Job{Kind: servicedb.JobCreate, Input: string(input)})
		}
	}
	if len(jobs) == 0 {
		out := finished(codes, nil, nil)
		return nil, &out, nil
	}
	return jobs, nil, nil
}

func (Export) Finish(ctx context.Context, env records.Env, r records.Request, jobs []servicedb.Job) (records.Outcome, error) {
	items, err := env.DB.Items(ctx)
	if err != nil {
		return records.Outcome{}, err
	}
	codes, err := plan(r.Data, items)
	if err != nil {
		return records.Outcome{}, err
	}
	byCode := map[int64]servicedb.Job{}
	var synced []records.Synced
	for _, j := range jobs {
		var a asked
		if err := json.Unmarshal([]byte(j.Input), &a); err != nil {
			return records.Outcome{}, err
		}
		byCode[a.CodeID] = j
		if j.State == servicedb.JobDone {
			synced = append(synced, records.NewSynced("standard_cost_code", a.CodeID, a.FullName(), j.Result.ListID, j.Result.EditSequence))
		}
	}
	refused, err := records.MarkSynced(ctx, env, synced)
	if err != nil {
		return records.Outcome{}, err
	}
	return finished(codes, byCode, refused), nil
}

// finished is the outcome of an export: each code's Request Detail with
// how it ended, the counts, and failed when any code was not done.
func finished(codes []planned, jobs map[int64]servicedb.Job, refused []serviceapi.ActivityRefused) records.Outcome {
	refusedBy := map[string][]string{}
	for _, r := range refused {
		refusedBy[r.Name] = r.Reasons
	}
	result := serviceapi.ActivityResult{Counts: map[string]int{}}
	problem := ""
	for _, c := range codes {
		d := serviceapi.ActivityDetail{ID: c.code.RequestDetailID, Name: c.item.FullName()}
		if d.Name == "" {
			d.Name = c.code.FullCode
		}
		j, queued := jobs[c.code.ID]
		switch {
		case c.problem != nil:
			d.Problem, d.Field, d.Limit = c.problem.Problem, c.problem.Field, c.problem.Limit
		case !queued:
			// Placed now, not when it was planned: its parent was not known then.
			d.Problem, d.Field = serviceapi.ActivityInvalidRecord, "parent"
		case j.State == servicedb.JobFailed:
			f := j.Failure
			d.Problem, d.QuickBooks = serviceapi.ActivityQuickBooksRefused, &serviceapi.ActivityQuickBooksFail{StatusCode: f.StatusCode, HResult: f.HResult, Message: f.Message}
		case refusedBy[d.Name] != nil:
			d.Problem, d.Reasons = serviceapi.ActivityProcoreRefused, refusedBy[d.Name]
		default:
			var out struct {
				Found bool `json:"found"`
			}
			_ = json.Unmarshal([]byte(j.Output), &out)
			if out.Found {
				result.Counts[serviceapi.CountFound]++
			} else {
				result.Counts[serviceapi.CountAdded]++
			}
		}
		if d.Problem != "" && problem == "" {
			problem = d.Problem
		}
		result.Details = append(result.Details, d)
	}
	if problem != "" {
		return records.Failed(problem, result)
	}
	return records.Outcome{Result: result}
}
