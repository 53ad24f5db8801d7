package costcodes

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/procore"
	"qbsettings/qbservice/records"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// newCode is a cost code new in QuickBooks: its Service item, its
// parent item's ListID ("" at the top), its standard cost code in
// Procore, and whether no item is under it (a budget line goes on a cost
// code at the bottom of its tiers).
type newCode struct {
	item     servicedb.Item
	parent   string
	standard int64
	leaf     bool
}

// addToBudgets is Automatically Add New Cost Codes to Budgets on
// QuickBooks-Integrated Projects (rule 2 of erp-integrator.md §2): each
// new cost code, missing from a project synced with a QuickBooks job,
// becomes one of its cost codes (cost_codes/sync, origin_id "<job
// ListID>|<item ListID>", with the cost type Other), and a budget line of
// 0.00 on it when its budget has none (budget_line_items/sync). A project
// not synced with QuickBooks is never touched. Repeated, it adds nothing
// twice: what the project has is read first. It gives a rule for each
// code, naming how many budgets took it, and the projects whose budget
// Procore refused (locked, say), with Procore's reasons.
func addToBudgets(ctx context.Context, env records.Env, codes []newCode) ([]serviceapi.ActivityRule, []serviceapi.ActivityRefused, error) {
	other, err := OtherCostType(ctx, env)
	if err != nil {
		return nil, nil, err
	}
	projects, err := records.SyncedProjects(ctx, env)
	if err != nil {
		return nil, nil, err
	}
	added := map[string]int{} // budgets that took each code, by ListID
	var refused []serviceapi.ActivityRefused
	for _, p := range projects {
		took, why, err := addToProject(ctx, env, p, codes, other)
		if err != nil {
			return nil, nil, err
		}
		for _, id := range took {
			added[id]++
		}
		if why != nil {
			refused = append(refused, *why)
		}
	}
	var rules []serviceapi.ActivityRule
	for _, c := range codes {
		if c.leaf {
			rules = append(rules, serviceapi.ActivityRule{Rule: serviceapi.RuleAddedToBudgets, Setting: string(settings.FieldAutoAddNewCostCodes),
				From: c.item.FullName, To: strconv.Itoa(added[c.item.ListID])})
		}
	}
	return rules, refused, nil
}

// notAdded are the rules of new cost codes left out of the projects'
// budgets, the setting being off.
func notAdded(codes []newCode) []serviceapi.ActivityRule {
	var rules []serviceapi.ActivityRule
	for _, c := range codes {
		if c.leaf {
			rules = append(rules, serviceapi.ActivityRule{Rule: serviceapi.RuleNotAddedToBudgets, Setting: string(settings.FieldAutoAddNewCostCodes), From: c.item.FullName})
		}
	}
	return rules
}

// addToProject adds the codes p lacks to it, and a budget line on each
// that has none; it returns the ListIDs of the codes its budget took,
// and Procore's refusal of its budget lines, if any.
func addToProject(ctx context.Context, env records.Env, p records.Project, codes []newCode, other int64) ([]string, *serviceapi.ActivityRefused, error) {
	existing, err := ProjectCostCodes(ctx, env, p.ID)
	if err != nil {
		return nil, nil, err
	}
	have := existing.IDs
	budgeted, err := budgetedCostCodes(ctx, env, p.ID)
	if err != nil {
		return nil, nil, err
	}
	// A tier at a time from the top: a code's parent is made before it.
	byLevel := slices.Clone(codes)
	slices.SortStableFunc(byLevel, func(a, b newCode) int {
		return strings.Count(a.item.FullName, ":") - strings.Count(b.item.FullName, ":")
	})
	origin := func(it servicedb.Item) string { return p.Job + "|" + it.ListID }
	var made []records.CostTypeSynced
	for level := 0; len(byLevel) > 0; level++ {
		var tier []projectCode
		for len(byLevel) > 0 && strings.Count(byLevel[0].item.FullName, ":") == level {
			c := byLevel[0]
			byLevel = byLevel[1:]
			if _, ok := have[origin(c.item)]; ok {
				continue
			}
			pc := projectCode{Code: leaf(c.item.FullName), Name: codeName(c.item), StandardID: c.standard, OriginID: origin(c.item)}
			if c.parent != "" {
				pc.ParentID = have[p.Job+"|"+c.parent]
			}
			tier = append(tier, pc)
		}
		if len(tier) == 0 {
			continue
		}
		call := procore.SyncCall{Target: fmt.Sprintf("/rest/v1.0/cost_codes/sync?project_id=%d", p.ID)}
		done, err := procore.Sync(ctx, env.Procore, call, tier)
		if err != nil {
			return nil, nil, err
		}
		for _, raw := range done.Entities {
			var s syncedCode
			if json.Unmarshal(raw, &s) == nil && s.ID != 0 {
				have[s.OriginID] = s.ID
				made = append(made, records.CostTypeSynced{CostCodeID: s.ID, LineItemTypeID: other, Synced: true})
			}
		}
	}
	if _, err := records.SyncCostTypes(ctx, env, p.ID, made, nil); err != nil {
		return nil, nil, err
	}
	var lines []budgetLine
	var took []string
	for _, c := range codes {
		id, ok := have[origin(c.item)]
		if c.leaf && ok && !budgeted[id] {
			lines = append(lines, budgetLine{CostCodeID: id, LineItemTypeID: other})
			took = append(took, c.item.ListID)
		}
	}
	if len(lines) == 0 {
		return nil, nil, nil
	}
	body := map[string]any{"project_id": p.ID, "budget_line_items": lines}
	_, err = env.Procore.Do(ctx, http.MethodPost, "/rest/v1.0/budget_line_items/sync", body, &[]json.RawMessage{})
	var refused *procore.Error
	if errors.As(err, &refused) && refused.Kind == procore.KindRefused {
		// A budget Procore keeps locked (erp-integrator.md §4.13): the
		// codes are the project's, not its budget's.
		return nil, &serviceapi.ActivityRefused{Name: p.Name, Reasons: []string{refused.Detail}}, nil
	}
	return took, nil, err
}

// projectCode is a project cost code as cost_codes/sync takes it
// (RestV10CostCodesSyncPatch): code, name, its standard cost code, its
// parent's id, and origin_id.
type projectCode struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	StandardID int64  `json:"standard_cost_code_id"`
	ParentID   int64  `json:"parent_id,omitempty"`
	OriginID   string `json:"origin_id"`
}

// budgetLine is a budget line item as budget_line_items/sync takes one
// (RestV10BudgetLineItemsSyncPost; erp-integrator.md §2, rule 2).
type budgetLine struct {
	CostCodeID     int64   `json:"cost_code_id"`
	LineItemTypeID int64   `json:"line_item_type_id"`
	Amount         float64 `json:"original_budget_amount"`
}

// ProjectCodes are a project's cost codes synced with QuickBooks.
type ProjectCodes struct {
	IDs   map[string]int64 // Procore's id, by origin_id
	Codes map[int64]string // the full code ("01-100"), by Procore's id
}

// ProjectCostCodes are project's cost codes that have an origin_id (List
// cost codes, every page); those without one are the project's own.
func ProjectCostCodes(ctx context.Context, env records.Env, projectID int64) (ProjectCodes, error) {
	out := ProjectCodes{IDs: map[string]int64{}, Codes: map[int64]string{}}
	err := procore.List(ctx, env.Procore, fmt.Sprintf("/rest/v1.0/cost_codes?project_id=%d", projectID), func(page []struct {
		ID       int64           `json:"id"`
		FullCode string          `json:"full_code"`
		OriginID json.RawMessage `json:"origin_id"`
	}) error {
		for _, c := range page {
			if origin := records.TextOf(c.OriginID); origin != "" {
				out.IDs[origin], out.Codes[c.ID] = c.ID, c.FullCode
			}
		}
		return nil
	})
	return out, err
}

// budgetedCostCodes are the cost codes project's budget has a line on
// (List budget line items, every page; the cost code as an object or its
// id).
func budgetedCostCodes(ctx context.Context, env records.Env, projectID int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	err := procore.List(ctx, env.Procore, fmt.Sprintf("/rest/v1.0/budget_line_items?project_id=%d", projectID), func(page []struct {
		CostCodeID int64 `json:"cost_code_id"`
		CostCode   struct {
			ID int64 `json:"id"`
		} `json:"cost_code"`
	}) error {
		for _, l := range page {
			out[max(l.CostCodeID, l.CostCode.ID)] = true
		}
		return nil
	})
	return out, err
}
