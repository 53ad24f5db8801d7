package budgets

import (
	"context"
	"errors"
	"fmt"

	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/records"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Export is create_budget and update_budget. It is refused before
// QuickBooks is asked anything when the project or a cost code is not
// synced with QuickBooks, when an amount is one QuickBooks cannot hold,
// when the budget has no lines, or when the company file has estimates
// turned off.
type Export struct{}

func (Export) Plan(ctx context.Context, env records.Env, r records.Request) ([]records.Job, *records.Outcome, error) {
	p, err := read(r.Data)
	if readable := err == nil; !readable || p.Budget.ID <= 0 {
		return nil, records.EndsWith(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: "budget"}), nil
	}
	estimate, problem := estimateOf(p)
	if problem != nil {
		return nil, problem, nil
	}
	if off, err := records.EstimatesOff(ctx, env); off != nil || err != nil {
		return nil, off, err
	}
	// The service's mark of this budget's estimate: found again by it
	// after an answer lost to a kill or a dropped session.
	estimate.ExternalGUID = qbxml.GUID(fmt.Sprintf("procore company %d budget %d", env.Company, p.Budget.ID))
	asked := qbjobs.EstimateAsked{Estimate: estimate, TxnID: p.estimateOf()}
	return []records.Job{{Kind: servicedb.JobEstimate, Input: qbjobs.Encode(asked)}}, nil, nil
}

// estimateOf is the budget's estimate, or the outcome of a budget
// QuickBooks could not be given.
func estimateOf(p exported) (qbxml.EstimateAdd, *records.Outcome) {
	fail := func(problem, field string) (qbxml.EstimateAdd, *records.Outcome) {
		return qbxml.EstimateAdd{}, records.EndsWith(problem, serviceapi.ActivityResult{Field: field})
	}
	job := p.job()
	switch {
	case job == "":
		return fail(serviceapi.ActivityNotLinked, "project")
	case len(p.JobCosts) == 0:
		return fail(serviceapi.ActivityInvalidRecord, "job_costs")
	}
	e := qbxml.EstimateAdd{CustomerListID: job}
	for _, c := range p.JobCosts {
		item := records.ItemOfCostCode(c.CostCodeOriginID)
		if item == "" {
			return fail(serviceapi.ActivityNotLinked, "costCode")
		}
		amount, err := c.NewAmount.Money()
		if err != nil {
			return fail(serviceapi.ActivityInvalidRecord, "amount")
		}
		e.Lines = append(e.Lines, qbxml.EstimateLine{ItemListID: item, Amount: amount})
	}
	return e, nil
}

func (Export) Finish(ctx context.Context, env records.Env, r records.Request, jobs []servicedb.Job) (records.Outcome, error) {
	job := jobs[0]
	if job.State == servicedb.JobFailed {
		return records.QuickBooksRefused(job), nil
	}
	p, err := read(r.Data)
	var got qbjobs.TxnWritten
	if err := errors.Join(err, qbjobs.Decode(job.Output, &got)); err != nil {
		return records.Outcome{}, err
	}
	estimate := got.Txn
	name := fmt.Sprintf("budget %d", p.Budget.ID)
	refused, err := records.MarkSynced(ctx, env, []records.Synced{records.NewSynced("budget", p.Budget.ID, name, estimate.TxnID, estimate.EditSequence)})
	if err != nil {
		return records.Outcome{}, err
	}
	more, err := syncTransactions(ctx, env, p, estimate.TxnID, linesOf(p, estimate))
	if err != nil {
		return records.Outcome{}, err
	}
	refused = append(refused, more...)
	count := records.WrittenCount(got.Found, p.estimateOf() != "")
	return records.Ended(serviceapi.ActivityResult{Counts: map[string]int{count: 1}, TxnID: estimate.TxnID, Refused: refused}), nil
}

// linesOf are the estimate's lines of the budget's job costs, by job
// cost id, paired by item as the estimate was written (qbxml.PairByItem).
func linesOf(p exported, estimate qbxml.Txn) map[int64]string {
	wanted := make([]string, len(p.JobCosts))
	for j, c := range p.JobCosts {
		wanted[j] = records.ItemOfCostCode(c.CostCodeOriginID)
	}
	out := map[int64]string{}
	for j, i := range qbxml.PairByItem(estimate.LineItems(), wanted) {
		if i >= 0 {
			out[p.JobCosts[j].ID] = estimate.Lines[i].TxnLineID
		}
	}
	return out
}

// transactionSynced is an ERP transaction marked synced
// (erp_transactions/sync, TG22).
type transactionSynced struct {
	ID       int64  `json:"id"`
	OriginID string `json:"origin_id"`
	Synced   bool   `json:"synced"`
}

// syncTransactions marks the budget's unsynced transactions synced, each
// as "<TxnID>|<TxnLineID>|<its id>": the estimate's line of its job cost,
// and its own id, since origin_ids are unique in a company and a line
// has a transaction for each change. It returns those Procore refused.
func syncTransactions(ctx context.Context, env records.Env, p exported, txnID string, lines map[int64]string) ([]serviceapi.ActivityRefused, error) {
	var list []transactionSynced
	names := map[string]string{}
	for _, t := range p.Transactions {
		line, ok := lines[t.JobCostID]
		if t.Synced || !ok {
			continue
		}
		origin := fmt.Sprintf("%s|%s|%d", txnID, line, t.ID)
		list = append(list, transactionSynced{ID: t.ID, OriginID: origin, Synced: true})
		names[origin] = fmt.Sprintf("transaction %d", t.ID)
	}
	if len(list) == 0 {
		return nil, nil
	}
	call := procore.SyncCall{Target: "/rest/v1.0/erp_transactions/sync", Fields: map[string]any{"project_id": p.Budget.ProjectID}}
	done, err := procore.Sync(ctx, env.Procore, call, list)
	if err != nil {
		return nil, err
	}
	return records.Refused(done.Errors, names), nil
}
