package simulator

import (
	"fmt"

	"qbsettings/serviceapi"
)

// sampleCompany is the item list of an invented mid-size general contractor,
// written for this project: cost-code Service items in the CSI-division style
// contractors use in QuickBooks, sub-items under their division, the
// retainage item the help article asks for, and a few of the odd ones a real
// company file collects over the years.
var sampleCompany = []struct {
	name, typ, desc string
	active          bool
}{
	{"01 Fees & Permits", "Service", "General requirements: fees and permits", true},
	{"01 Fees & Permits:01.11 Fee - City License", "Service", "City business license fee", true},
	{"01 Fees & Permits:01.12 Fee - Building Permit", "Service", "Building permit fees", true},
	{"01 Fees & Permits:01.15 Fee - Plan Check", "Service", "Plan review fees", true},
	{"01 General Conditions", "Service", "Site supervision and general conditions", true},
	{"01 General Conditions:01.31 Project Management", "Service", "Project manager time", true},
	{"01 General Conditions:01.50 Temporary Facilities", "Service", "Site trailer, toilets, fencing", true},
	{"01 General Conditions:01.74 Final Cleaning", "Service", "Final clean before turnover", true},
	{"02 Existing Conditions:02.41 Demolition", "Service", "Selective demolition", true},
	{"03 Concrete", "Service", "Concrete division", true},
	{"03 Concrete:03.10 Forming", "Service", "Concrete forming and accessories", true},
	{"03 Concrete:03.20 Reinforcing", "Service", "Rebar and mesh", true},
	{"03 Concrete:03.30 Cast-in-Place", "Service", "Cast-in-place concrete", true},
	{"03 Concrete:03.35 Finishing", "Service", "Concrete finishing", true},
	{"04 Masonry:04.20 Unit Masonry", "Service", "CMU and brick", true},
	{"05 Metals:05.12 Structural Steel", "Service", "Structural steel framing", true},
	{"05 Metals:05.50 Misc. Metals", "Service", "Railings, ladders, embeds", true},
	{"06 Wood & Plastics:06.10 Rough Carpentry", "Service", "Framing and blocking", true},
	{"06 Wood & Plastics:06.20 Finish Carpentry", "Service", "Trim and millwork install", true},
	{"07 Thermal & Moisture:07.21 Insulation", "Service", "Batt and rigid insulation", true},
	{"07 Thermal & Moisture:07.50 Roofing", "Service", "Membrane roofing", true},
	{"08 Openings:08.11 Doors & Frames", "Service", "Hollow metal doors and frames", true},
	{"08 Openings:08.50 Windows", "Service", "Windows", true},
	{"09 Finishes:09.21 Drywall", "Service", "Gypsum board assemblies", true},
	{"09 Finishes:09.30 Tile", "Service", "Ceramic tile", true},
	{"09 Finishes:09.65 Resilient Flooring", "Service", "Resilient flooring", true},
	{"09 Finishes:09.91 Painting", "Service", "Painting", true},
	{"22 Plumbing", "Service", "Plumbing subcontract", true},
	{"23 HVAC", "Service", "Heating, ventilating and air conditioning", true},
	{"26 Electrical", "Service", "Electrical subcontract", true},
	{"31 Earthwork:31.23 Excavation & Fill", "Service", "Excavation and backfill", true},
	{"32 Exterior Improvements:32.12 Asphalt Paving", "Service", "Paving", true},
	{"Retainage Payable", "Service", "Retainage held on subcontractor invoices", true},
	{"Retainage Receivable", "OtherCharge", "Retainage billed to the owner", true},
	{"Change Order Markup", "OtherCharge", "Overhead and profit on change orders", true},
	{"Permit Reimbursement", "OtherCharge", "Permit costs billed back to the owner", true},
	{"Retention - Old", "Service", "Retainage item used before 2021", false},
	{"15 Mechanical (1995 format)", "Service", "Old MasterFormat division, replaced by 22 and 23", false},
	{"Job Materials", "NonInventory", "Materials bought for a job", true},
	{"Small Tools", "NonInventory", "Small tools and consumables", true},
}

// SampleItems returns the sample company's items, with ListIDs and edit
// sequences shaped like QuickBooks' own.
func SampleItems() []serviceapi.Item {
	items := make([]serviceapi.Item, len(sampleCompany))
	for i, s := range sampleCompany {
		seq := 1468535100 + i*7
		items[i] = serviceapi.Item{
			ListID:       fmt.Sprintf("8000%04X-%d", i+1, seq),
			FullName:     s.name,
			Type:         s.typ,
			IsActive:     s.active,
			EditSequence: fmt.Sprint(seq),
			Description:  s.desc,
		}
	}
	return items
}

// GeneratedItems returns n items (for tests of very large company files):
// the sample company first, then numbered cost codes, every 50th inactive.
func GeneratedItems(n int) []serviceapi.Item {
	items := SampleItems()
	if n <= len(items) {
		return items[:n]
	}
	for i := len(items); i < n; i++ {
		seq := 1500000000 + i
		items = append(items, serviceapi.Item{
			ListID:       fmt.Sprintf("%08X-%d", 0x90000000+i, seq),
			FullName:     fmt.Sprintf("%02d Division %02d:%02d.%05d Cost Code %d", i%50, i%50, i%50, i, i),
			Type:         []string{"Service", "Service", "Service", "OtherCharge"}[i%4],
			IsActive:     i%50 != 0,
			EditSequence: fmt.Sprint(seq),
		})
	}
	return items
}
