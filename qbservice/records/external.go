package records

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"qbsettings/qbservice/procore"
	"qbsettings/serviceapi"
)

// Synced is a Procore record marked as synced with its QuickBooks record
// (erp_integrator.md §1.3, "Mark synced"): the ListID as its origin_id,
// and the EditSequence in origin_data, as the samples of
// erp_events_dictionary.md encode them.
type Synced struct {
	ItemType   string `json:"item_type"` // vendor, project, standard_cost_code…
	ItemID     int64  `json:"item_id"`
	OriginID   string `json:"origin_id"`
	OriginData string `json:"origin_data,omitempty"`
	name       string // for the activity, when Procore refuses it
}

// NewSynced marks Procore's itemType itemID, named name, as QuickBooks'
// listID at editSequence.
func NewSynced(itemType string, itemID int64, name, listID, editSequence string) Synced {
	return Synced{ItemType: itemType, ItemID: itemID, OriginID: listID, OriginData: OriginData(editSequence), name: name}
}

// OriginData is the origin_data of a record at QuickBooks' editSequence.
func OriginData(editSequence string) string {
	return fmt.Sprintf(`{"edit_sequence":%q}`, editSequence)
}

// EditSequenceOf is the EditSequence a record's origin_data holds, as
// this service writes it (a string of JSON) or as an object; "" for none.
func EditSequenceOf(originData json.RawMessage) string {
	var text string
	if json.Unmarshal(originData, &text) == nil {
		originData = json.RawMessage(text)
	}
	var d struct {
		EditSequence string `json:"edit_sequence"`
	}
	if json.Unmarshal(originData, &d) != nil {
		return ""
	}
	return d.EditSequence
}

// MarkSynced sends records to external_data/sync (TG22:
// PATCH /rest/v1.0/companies/{company_id}/external_data/sync {updates}),
// and returns those Procore refused.
func MarkSynced(ctx context.Context, env Env, records []Synced) ([]serviceapi.ActivityRefused, error) {
	path := fmt.Sprintf("/rest/v1.0/companies/%d/external_data/sync", env.Company)
	done, err := procore.Sync(ctx, env.Procore, procore.SyncCall{Target: path}, records)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, r := range records {
		names[r.OriginID] = r.name
	}
	return Refused(done.Errors, names), nil
}

// Refused are the records a sync call refused, each named by names (its
// name by origin_id; the origin_id itself when it has none).
func Refused(errs []procore.RecordError, names map[string]string) []serviceapi.ActivityRefused {
	var out []serviceapi.ActivityRefused
	for _, e := range errs {
		name := names[e.OriginID()]
		if name == "" {
			name = e.OriginID()
		}
		out = append(out, serviceapi.ActivityRefused{Name: name, Reasons: e.Reasons})
	}
	return out
}

// CostTypeSynced is a project cost code's cost type marked synced
// (cost_code_line_item_types/sync, TG22).
type CostTypeSynced struct {
	CostCodeID     int64 `json:"cost_code_id"`
	LineItemTypeID int64 `json:"line_item_type_id"`
	Synced         bool  `json:"synced"`
}

// SyncCostTypes marks the cost types of project's cost codes synced
// (PATCH /rest/v1.0/cost_code_line_item_types/sync?project_id=), and
// returns those Procore refused, named by names (by cost code id).
func SyncCostTypes(ctx context.Context, env Env, project int64, list []CostTypeSynced, names map[int64]string) ([]serviceapi.ActivityRefused, error) {
	if len(list) == 0 {
		return nil, nil
	}
	call := procore.SyncCall{Target: fmt.Sprintf("/rest/v1.0/cost_code_line_item_types/sync?project_id=%d", project)}
	done, err := procore.Sync(ctx, env.Procore, call, list)
	if err != nil {
		return nil, err
	}
	return RefusedByCostCode(done.Errors, names), nil
}

// RefusedByCostCode are the records Procore refused, each of a project
// cost code (its cost_code_id), named by names (by cost code id), else
// by the id.
func RefusedByCostCode(errs []procore.RecordError, names map[int64]string) []serviceapi.ActivityRefused {
	var out []serviceapi.ActivityRefused
	for _, e := range errs {
		var rec struct {
			CostCodeID int64 `json:"cost_code_id"`
		}
		_ = json.Unmarshal(e.Record, &rec)
		name := names[rec.CostCodeID]
		if name == "" {
			name = strconv.FormatInt(rec.CostCodeID, 10)
		}
		out = append(out, serviceapi.ActivityRefused{Name: name, Reasons: e.Reasons})
	}
	return out
}
