// Package costcodes moves cost codes between QuickBooks and Procore, as
// Procore's QuickBooks Desktop connector maps them: a Procore standard
// cost code is a QuickBooks Service item, its tiers the item's parents,
// and the one cost type is "Other" (erp-integrator.md §2). The ERP
// Requests: sync_standard_cost_codes (QuickBooks' Service items into the
// company's ERP Standard Cost Code List), sync_standard_categories (the
// cost type), create_standard_cost_codes (codes an approver accepted,
// found in QuickBooks by their full name or added, each with its own
// Request Detail).
package costcodes

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"strings"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/records"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Refresh is sync_standard_cost_codes: QuickBooks' items are read again
// (the app's item list is refreshed with them), then every Service item
// that is active, or above one that is, is synced to the company's ERP
// Standard Cost Code List a tier at a time (standard_cost_codes/sync,
// TG22): code = the item's name, name = its description (or its name),
// origin_id = its ListID, parent_id = its parent's Procore id.
type Refresh struct{}

func (Refresh) Plan(context.Context, records.Env, records.Request) ([]records.Job, *records.Outcome, error) {
	return []records.Job{{Kind: servicedb.JobRefresh}}, nil, nil
}

// standardCostCode is a code as standard_cost_codes/sync takes it.
type standardCostCode struct {
	Name       string `json:"name"`
	Code       string `json:"code"`
	OriginID   string `json:"origin_id"`
	OriginData string `json:"origin_data,omitempty"`
	ParentID   int64  `json:"parent_id,omitempty"`
}

// syncedCode is a code as Procore answers it.
type syncedCode struct {
	ID       int64  `json:"id"`
	OriginID string `json:"origin_id"`
}

func (Refresh) Finish(ctx context.Context, env records.Env, _ records.Request, jobs []servicedb.Job) (records.Outcome, error) {
	if jobs[0].State == servicedb.JobFailed {
		return records.QuickBooksRefused(jobs[0]), nil
	}
	reg, _, err := env.DB.Registration(ctx, env.Company)
	if err != nil {
		return records.Outcome{}, err
	}
	items, err := env.DB.Items(ctx)
	if err != nil {
		return records.Outcome{}, err
	}
	// The Invoice Retainage Item is no cost code (rule 5: Procore's
	// connector asks that it not be one): it stays out of the list.
	var leftOut []serviceapi.ActivityRule
	items = slices.DeleteFunc(items, func(it servicedb.Item) bool {
		if it.ListID != env.Settings.RetainageItem.ListID || it.ListID == "" {
			return false
		}
		leftOut = append(leftOut, serviceapi.ActivityRule{Rule: serviceapi.RuleRetainageItemLeftOut,
			Setting: string(settings.FieldRetainageItem), From: it.FullName})
		return true
	})
	tiers, byFullName := tiersOf(items)
	result := serviceapi.ActivityResult{Counts: map[string]int{serviceapi.CountRead: len(byFullName)}, Rules: leftOut}
	names := map[string]string{}
	procoreID := map[string]int64{} // by ListID
	call := procore.SyncCall{Target: "/rest/v1.0/standard_cost_codes/sync",
		Fields: map[string]any{"company_id": env.Company, "standard_cost_code_list_id": reg.CostCodeListID}}
	for _, tier := range tiers {
		var codes []standardCostCode
		for _, it := range tier {
			c := standardCostCode{Name: codeName(it), Code: leaf(it.FullName), OriginID: it.ListID, OriginData: records.OriginData(it.EditSequence)}
			if parent, _, sub := cutLast(it.FullName); sub {
				c.ParentID = procoreID[byFullName[parent].ListID]
				if c.ParentID == 0 {
					// Its parent was refused: it cannot be placed.
					continue
				}
			}
			names[it.ListID] = it.FullName
			codes = append(codes, c)
		}
		done, err := procore.Sync(ctx, env.Procore, call, codes)
		if err != nil {
			return records.Outcome{}, err
		}
		for _, raw := range done.Entities {
			var s syncedCode
			if json.Unmarshal(raw, &s) == nil && s.ID != 0 {
				procoreID[s.OriginID] = s.ID
			}
		}
		result.Counts[serviceapi.CountSynced] += len(done.Entities)
		result.Refused = append(result.Refused, records.Refused(done.Errors, names)...)
	}
	rules, refused, err := newToBudgets(ctx, env, items, procoreID)
	if err != nil {
		return records.Outcome{}, err
	}
	result.Rules = append(result.Rules, rules...)
	result.Refused = append(result.Refused, refused...)
	return records.Ended(result), nil
}

// newToBudgets finds the cost codes new in QuickBooks, those synced now
// to the standard list (procoreID, by ListID) that the service never
// synced before, and adds them to the synced projects' budgets, or not,
// as Automatically Add New Cost Codes to Budgets says (rule 2). The first
// refresh of a company finds none new: what QuickBooks had then is the
// list every project was made from. Then they are kept as synced.
func newToBudgets(ctx context.Context, env records.Env, items []servicedb.Item, procoreID map[string]int64) ([]serviceapi.ActivityRule, []serviceapi.ActivityRefused, error) {
	sent, err := env.DB.StandardCodesSent(ctx, env.Company)
	if err != nil {
		return nil, nil, err
	}
	byFullName := map[string]servicedb.Item{}
	hasChildren := map[string]bool{}
	for _, it := range items {
		byFullName[it.FullName] = it
		if parent, _, sub := cutLast(it.FullName); sub {
			hasChildren[parent] = true
		}
	}
	var codes []newCode
	var now []string
	for _, it := range items {
		standard, synced := procoreID[it.ListID]
		if !synced {
			continue
		}
		now = append(now, it.ListID)
		if len(sent) == 0 || sent[it.ListID] {
			continue
		}
		c := newCode{item: it, standard: standard, leaf: !hasChildren[it.FullName]}
		if parent, _, sub := cutLast(it.FullName); sub {
			c.parent = byFullName[parent].ListID
		}
		codes = append(codes, c)
	}
	var rules []serviceapi.ActivityRule
	var refused []serviceapi.ActivityRefused
	switch {
	case len(codes) == 0:
	case env.Settings.AutoAddNewCostCodes:
		if rules, refused, err = addToBudgets(ctx, env, codes); err != nil {
			return nil, nil, err
		}
	default:
		rules = notAdded(codes)
	}
	return rules, refused, env.DB.KeepStandardCodesSent(ctx, env.Company, now)
}

// codeName is a cost code's name: its item's description, else its own
// name.
func codeName(it servicedb.Item) string {
	if name := strings.TrimSpace(it.Description); name != "" {
		return name
	}
	return leaf(it.FullName)
}

// tiersOf are the Service items to sync, a tier at a time from the top
// (a parent before its children), each by full name; and every Service
// item by full name, lower-cased as QuickBooks compares them.
func tiersOf(items []servicedb.Item) ([][]servicedb.Item, map[string]servicedb.Item) {
	byFullName := map[string]servicedb.Item{}
	keep := map[string]bool{}
	for _, it := range items {
		if it.Type != "Service" {
			continue
		}
		byFullName[strings.ToLower(it.FullName)] = it
		if it.IsActive {
			// It, and every item above it.
			for name := it.FullName; ; {
				keep[strings.ToLower(name)] = true
				parent, _, sub := cutLast(name)
				if !sub {
					break
				}
				name = parent
			}
		}
	}
	var tiers [][]servicedb.Item
	for key := range keep {
		it, ok := byFullName[key]
		if !ok {
			continue
		}
		level := strings.Count(it.FullName, ":")
		for len(tiers) <= level {
			tiers = append(tiers, nil)
		}
		tiers[level] = append(tiers[level], it)
	}
	for _, t := range tiers {
		sort.Slice(t, func(i, j int) bool { return t[i].FullName < t[j].FullName })
	}
	// Looked up by a parent's full name as written in its child's.
	exact := map[string]servicedb.Item{}
	for _, it := range byFullName {
		exact[it.FullName] = it
	}
	return tiers, exact
}

// cutLast splits a full name into its parent's and its own name.
func cutLast(fullName string) (parent, name string, sub bool) {
	i := strings.LastIndex(fullName, ":")
	if i < 0 {
		return "", fullName, false
	}
	return fullName[:i], fullName[i+1:], true
}

func leaf(fullName string) string { _, name, _ := cutLast(fullName); return name }

// Categories is sync_standard_categories: the one cost type Procore's
// QuickBooks connector uses, "Other" ("QuickBooks 'Classes' are not
// equivalent to Procore 'Cost Types'"), synced to line_item_types/sync
// (TG22). Nothing is asked of QuickBooks.
type Categories struct{}

// otherOriginID is the cost type's origin_id: QuickBooks has no record of
// it, so the service names it.
const otherOriginID = "qbsettings-other"

func (Categories) Plan(context.Context, records.Env, records.Request) ([]records.Job, *records.Outcome, error) {
	return nil, nil, nil
}

func (Categories) Finish(ctx context.Context, env records.Env, _ records.Request, _ []servicedb.Job) (records.Outcome, error) {
	done, err := syncOther(ctx, env)
	if err != nil {
		return records.Outcome{}, err
	}
	result := serviceapi.ActivityResult{Counts: map[string]int{serviceapi.CountSynced: len(done.Entities)},
		Refused: records.Refused(done.Errors, map[string]string{otherOriginID: "Other"})}
	return records.Ended(result), nil
}

// syncOther syncs the cost type Other to the company's line item types.
func syncOther(ctx context.Context, env records.Env) (procore.Synced, error) {
	other := map[string]string{"name": "Other", "csv_import_code": "O", "base_type": "other", "origin_id": otherOriginID}
	return procore.Sync(ctx, env.Procore, procore.SyncCall{Target: "/rest/v1.0/line_item_types/sync",
		Fields: map[string]any{"company_id": env.Company}}, []map[string]string{other})
}

// OtherCostType is Procore's id of the cost type Other, synced again to
// learn it (a sync answers with the record).
func OtherCostType(ctx context.Context, env records.Env) (int64, error) {
	done, err := syncOther(ctx, env)
	if err != nil {
		return 0, err
	}
	for _, raw := range done.Entities {
		var s syncedCode
		if json.Unmarshal(raw, &s) == nil && s.ID != 0 {
			return s.ID, nil
		}
	}
	return 0, errors.New("procore answered the cost type Other without its id")
}
