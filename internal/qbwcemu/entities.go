package qbwcemu

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Entity is a vendor, or a customer or job (a job is a sub-customer:
// "Summit Ridge Builders:Lakeview Clinic"), of the company file.
type Entity struct {
	ListID       string
	Name         string
	FullName     string
	IsActive     bool
	EditSequence string // "" is taken as the company file's first
	// TimeModified is when it last changed (the zero time: when the
	// company file was made).
	TimeModified time.Time
	CompanyName  string
	Address      Address
	Phone        string
	Fax          string
	Email        string
	// ExternalGUID is the mark an application gave a customer it added.
	ExternalGUID string
}

// Address is the part of an address the emulator keeps.
type Address struct {
	Addr1, City, State, PostalCode, Country string
}

// fileMade is when the company file was made: the time of what it held
// from the start.
var fileMade = time.Date(2024, 1, 15, 10, 0, 0, 0, time.FixedZone("PST", -8*3600))

// qbTime writes a time as QuickBooks does, with its offset.
func qbTime(t time.Time) string {
	if t.IsZero() {
		t = fileMade
	}
	return t.Format("2006-01-02T15:04:05-07:00")
}

func (e Entity) editSequence() string {
	if e.EditSequence == "" {
		return "1705341600"
	}
	return e.EditSequence
}

// MaxEntityNameRunes is QuickBooks' limit on a vendor's or customer's
// name (41), and MaxCustomerFullNameRunes on a job's full name (209).
const (
	MaxEntityNameRunes       = 41
	MaxCustomerFullNameRunes = 209
)

// entityIterator is the entities with the active status asked (active
// only when none is) changed at or after from (any time when zero), by
// full name.
func entityIterator(all []Entity, active string, from time.Time, ret func(Entity) string) *iterator {
	var out []Entity
	for _, e := range all {
		if active == "InactiveOnly" && e.IsActive || (active == "" || active == "ActiveOnly") && !e.IsActive {
			continue
		}
		if modified := e.TimeModified; !from.IsZero() && (modified.IsZero() && fileMade.Before(from) || !modified.IsZero() && modified.Before(from)) {
			continue
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].FullName < out[j].FullName })
	return &iterator{total: len(out), ret: func(i int) string { return ret(out[i]) }}
}

// vendorRet writes a VendorRet in schema order (qbxml130.xsd 8841).
func vendorRet(e Entity) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<VendorRet><ListID>%s</ListID><TimeCreated>2024-01-15T10:00:00-08:00</TimeCreated><TimeModified>%s</TimeModified>"+
		"<EditSequence>%s</EditSequence><Name>%s</Name><IsActive>%t</IsActive>", esc(e.ListID), qbTime(e.TimeModified), esc(e.editSequence()), esc(e.Name), e.IsActive)
	if e.CompanyName != "" {
		fmt.Fprintf(&b, "<CompanyName>%s</CompanyName>", esc(e.CompanyName))
	}
	if a := e.Address; a != (Address{}) {
		b.WriteString("<VendorAddress>")
		for _, f := range [][2]string{{"Addr1", a.Addr1}, {"City", a.City}, {"State", a.State}, {"PostalCode", a.PostalCode}, {"Country", a.Country}} {
			if f[1] != "" {
				fmt.Fprintf(&b, "<%s>%s</%s>", f[0], esc(f[1]), f[0])
			}
		}
		b.WriteString("</VendorAddress>")
	}
	for _, f := range [][2]string{{"Phone", e.Phone}, {"Fax", e.Fax}, {"Email", e.Email}} {
		if f[1] != "" {
			fmt.Fprintf(&b, "<%s>%s</%s>", f[0], esc(f[1]), f[0])
		}
	}
	b.WriteString("</VendorRet>")
	return b.String()
}

// customerRet writes a CustomerRet in schema order: a job has its
// customer as ParentRef, and its Sublevel.
func customerRet(e Entity) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<CustomerRet><ListID>%s</ListID><TimeCreated>2024-01-15T10:00:00-08:00</TimeCreated><TimeModified>%s</TimeModified>"+
		"<EditSequence>%s</EditSequence><Name>%s</Name><FullName>%s</FullName><IsActive>%t</IsActive>",
		esc(e.ListID), qbTime(e.TimeModified), esc(e.editSequence()), esc(e.Name), esc(e.FullName), e.IsActive)
	if parent, _, sub := cutLast(e.FullName); sub {
		fmt.Fprintf(&b, "<ParentRef><FullName>%s</FullName></ParentRef>", esc(parent))
	}
	fmt.Fprintf(&b, "<Sublevel>%d</Sublevel>", strings.Count(e.FullName, ":"))
	if a := e.Address; a != (Address{}) {
		b.WriteString("<BillAddress>")
		for _, f := range [][2]string{{"Addr1", a.Addr1}, {"City", a.City}, {"State", a.State}, {"PostalCode", a.PostalCode}} {
			optional(&b, f[0], f[1])
		}
		b.WriteString("</BillAddress>")
	}
	optional(&b, "ExternalGUID", e.ExternalGUID)
	b.WriteString("</CustomerRet>")
	return b.String()
}
