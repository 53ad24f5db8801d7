package erp

import (
	"context"
	"slices"

	"qbsettings/backend/settings"

	"qbsettings/qbservice/records"
	"qbsettings/qbservice/records/budgets"
	"qbsettings/qbservice/records/changeorders"
	"qbsettings/qbservice/records/commitments"
	"qbsettings/qbservice/records/costcodes"
	"qbsettings/qbservice/records/jobcosts"
	"qbsettings/qbservice/records/jobs"
	"qbsettings/qbservice/records/requisitions"
	"qbsettings/qbservice/records/vendors"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// work is the work of the ERP Requests of one name, the entity of the
// ERP connection's metadata whose records it moves, and which way; and
// the setting whose rule shapes those records, if any.
type work struct {
	entity string
	way    way
	records.Work
	applies []settings.Field
}

// way is which way a request moves records.
type way int

const (
	noted    way = iota // neither: Procore tells what it did
	inbound             // from QuickBooks to Procore (import)
	outbound            // from Procore to QuickBooks (export)
)

// works are the requests the service does, by request_name
// (erp_events_dictionary.md). Any other is closed as unsupported.
var works = map[string]work{
	"sync_vendors":  {"vendors", inbound, vendors.Refresh{}, []settings.Field{settings.FieldVendorUpdates}},
	"create_vendor": {"vendors", outbound, vendors.Export{}, nil},
	// What Procore sends after a refresh "with no action required"
	// (erp-integrator.md §1.3): noted, and closed as done when they carry
	// a Request Detail.
	"create_vendor_in_procore": {"vendors", noted, note{}, nil},
	"link_vendor":              {"vendors", noted, note{}, nil},
	"link_all_vendors":         {"vendors", noted, note{}, nil},
	"merge_vendors":            {"vendors", noted, note{}, nil},
	"unlink_vendor":            {"vendors", noted, note{}, nil},

	"sync_standard_cost_codes":   {"standard_cost_codes", inbound, costcodes.Refresh{}, []settings.Field{settings.FieldAutoAddNewCostCodes}},
	"sync_standard_categories":   {"standard_cost_codes", inbound, costcodes.Categories{}, nil},
	"create_standard_cost_codes": {"standard_cost_codes", outbound, costcodes.Export{}, nil},
	// Done by Procore's support; the service keeps nothing of them
	// (erp_events_dictionary.md: "no required actions").
	"delete_standard_cost_codes": {"standard_cost_codes", noted, note{}, nil},
	"unlink_standard_cost_codes": {"standard_cost_codes", noted, note{}, nil},

	"sync_jobs":            {"jobs", inbound, jobs.Refresh{}, nil},
	"create_or_update_job": {"jobs", outbound, jobs.Export{}, nil},
	// Sent for each synced project every two hours: its job costs.
	"sync_single_job": {"job_costs", inbound, jobcosts.Refresh{}, []settings.Field{settings.FieldDirectCostColumn, settings.FieldHideJobToDateCosts}},
	// A user made a project of a staged job: nothing is required
	// (erp_events_dictionary.md); its cost codes and job costs are part 2's.
	"create_job_in_procore": {"jobs", noted, note{}, nil},
	// Procore's support unsynced a project and its records: the next
	// export finds its job by the service's mark.
	"reset_job": {"jobs", noted, note{}, nil},

	"create_budget": {"budgets", outbound, budgets.Export{}, nil},
	"update_budget": {"budgets", outbound, budgets.Export{}, nil},

	"create_commitment": {"commitments", outbound, commitments.Export{}, []settings.Field{settings.FieldUseProcoreContractNumber}},

	"create_commitment_change_order": {"commitment_change_orders", outbound, changeorders.Export{}, nil},
	"create_requisitions":            {"requisitions", outbound, requisitions.Export{}, []settings.Field{settings.FieldRetainageItem}},
}

// Handled is which way the service moves each entity's records, for the
// ERP connection's metadata (Metadata).
func Handled() map[string]Ways {
	out := map[string]Ways{}
	for _, w := range works {
		ways := out[w.entity]
		ways.Import = ways.Import || w.way == inbound
		ways.Export = ways.Export || w.way == outbound
		out[w.entity] = ways
	}
	return out
}

// Applied are the settings whose rules shape the records the service
// writes today, for health's capabilities (rule.<key>).
func Applied() []settings.Field {
	var out []settings.Field
	for _, w := range works {
		for _, f := range w.applies {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Ways say whether an entity's records are imported from QuickBooks,
// exported to it, or both.
type Ways struct{ Import, Export bool }

// note is a request that asks nothing of QuickBooks: Procore did what it
// says (linked a vendor it staged…), and the service needs no record of
// it, since the next refresh reads the links from Procore.
type note struct{}

func (note) Plan(context.Context, records.Env, records.Request) ([]records.Job, *records.Outcome, error) {
	return nil, &records.Outcome{}, nil
}

func (note) Finish(context.Context, records.Env, records.Request, []servicedb.Job) (records.Outcome, error) {
	return records.Outcome{Result: serviceapi.ActivityResult{}}, nil
}
