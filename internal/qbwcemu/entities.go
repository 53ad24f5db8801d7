package qbwcemu

import (
	"fmt"
	"sort"
	"strings"
)

// Entity is a vendor, or a customer or job (a job is a sub-customer:
// "Summit Ridge Builders:Lakeview Clinic"), of the company file.
type Entity struct {
	ListID   string
	Name     string
	FullName string
	IsActive bool
}

// MaxEntityNameRunes is QuickBooks' limit on a vendor's or customer's
// name (41), and MaxCustomerFullNameRunes on a job's full name (209).
const (
	MaxEntityNameRunes       = 41
	MaxCustomerFullNameRunes = 209
)

// entityIterator is the entities with the active status asked (active
// only when none is), by full name.
func entityIterator(all []Entity, active string, ret func(Entity) string) *iterator {
	var out []Entity
	for _, e := range all {
		if active == "InactiveOnly" && e.IsActive || (active == "" || active == "ActiveOnly") && !e.IsActive {
			continue
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].FullName < out[j].FullName })
	return &iterator{total: len(out), ret: func(i int) string { return ret(out[i]) }}
}

// vendorRet writes a VendorRet in schema order.
func vendorRet(e Entity) string {
	return fmt.Sprintf("<VendorRet><ListID>%s</ListID><TimeCreated>2024-01-15T10:00:00-08:00</TimeCreated><TimeModified>2024-01-15T10:00:00-08:00</TimeModified>"+
		"<EditSequence>1705341600</EditSequence><Name>%s</Name><IsActive>%t</IsActive></VendorRet>", esc(e.ListID), esc(e.Name), e.IsActive)
}

// customerRet writes a CustomerRet in schema order: a job has its
// customer as ParentRef, and its Sublevel.
func customerRet(e Entity) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<CustomerRet><ListID>%s</ListID><TimeCreated>2024-01-15T10:00:00-08:00</TimeCreated><TimeModified>2024-01-15T10:00:00-08:00</TimeModified>"+
		"<EditSequence>1705341600</EditSequence><Name>%s</Name><FullName>%s</FullName><IsActive>%t</IsActive>",
		esc(e.ListID), esc(e.Name), esc(e.FullName), e.IsActive)
	if parent, _, sub := cutLast(e.FullName); sub {
		fmt.Fprintf(&b, "<ParentRef><FullName>%s</FullName></ParentRef>", esc(parent))
	}
	fmt.Fprintf(&b, "<Sublevel>%d</Sublevel></CustomerRet>", strings.Count(e.FullName, ":"))
	return b.String()
}
