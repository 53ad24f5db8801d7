package erp

import (
	"context"
	"sort"

	"qbsettings/qbservice/records"
	"qbsettings/qbservice/records/costcodes"
	"qbsettings/qbservice/records/vendors"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// work is the work of the ERP Requests of one name, and the entity of the
// ERP connection's metadata whose records it moves.
type work struct {
	entity string
	records.Work
}

// works are the requests the service does, by request_name
// (erp_events_dictionary.md). Any other is closed as unsupported.
var works = map[string]work{
	"sync_vendors":  {"vendors", vendors.Refresh{}},
	"create_vendor": {"vendors", vendors.Export{}},
	// What Procore sends after a refresh "with no action required"
	// (erp-integrator.md §1.3): noted, and closed as done when they carry
	// a Request Detail.
	"create_vendor_in_procore": {"vendors", noted{}},
	"link_vendor":              {"vendors", noted{}},
	"link_all_vendors":         {"vendors", noted{}},
	"merge_vendors":            {"vendors", noted{}},
	"unlink_vendor":            {"vendors", noted{}},

	"sync_standard_cost_codes":   {"standard_cost_codes", costcodes.Refresh{}},
	"sync_standard_categories":   {"standard_cost_codes", costcodes.Categories{}},
	"create_standard_cost_codes": {"standard_cost_codes", costcodes.Export{}},
	// Done by Procore's support; the service keeps nothing of them
	// (erp_events_dictionary.md: "no required actions").
	"delete_standard_cost_codes": {"standard_cost_codes", noted{}},
	"unlink_standard_cost_codes": {"standard_cost_codes", noted{}},
}

// Handled names the entities whose work the service does, for the ERP
// connection's metadata (Metadata).
func Handled() []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range works {
		if !seen[w.entity] {
			seen[w.entity] = true
			out = append(out, w.entity)
		}
	}
	sort.Strings(out)
	return out
}

// noted is a request that asks nothing of QuickBooks: Procore did what it
// says (linked a vendor it staged…), and the service needs no record of
// it, since the next refresh reads the links from Procore.
type noted struct{}

func (noted) Plan(context.Context, records.Env, records.Request) ([]records.Job, *records.Outcome, error) {
	return nil, &records.Outcome{}, nil
}

func (noted) Finish(context.Context, records.Env, records.Request, []servicedb.Job) (records.Outcome, error) {
	return records.Outcome{Result: serviceapi.ActivityResult{}}, nil
}
