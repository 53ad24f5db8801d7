package qbwcemu

import (
	"errors"
	"runtime"
	"testing"

	"qbsettings/internal/qbxmlschema"
	"qbsettings/qbservice/qbxml"
)

// A job is added under its customer with its address and the service's
// mark, answered as QuickBooks answers (valid qbXML), found again by its
// full name or ListID, and changed at its EditSequence. A name in use
// (3100), a customer QuickBooks does not have (3140) and a stale
// EditSequence (3200) are refused.
func TestJobsAreAddedFoundAndChangedAsQuickBooksDoes(t *testing.T) {
	q := NewQuickBooks(items(1))
	job := qbxml.Job{Name: "Clinic West Wing", Parent: "Lakeview Health", IsActive: true, ExternalGUID: qbxml.GUID("p"),
		Address: qbxml.Address{Addr1: "12 Lake Rd", City: "Concord", State: "NH", PostalCode: "03301"}}
	doc, _ := qbxml.MessageSet("13.0", qbxml.JobAdd{RequestID: "1", Job: job})
	answer, _, _ := q.ProcessInSession(doc)
	if runtime.GOOS != "windows" {
		var invalid *qbxmlschema.Invalid
		if err := qbxmlschema.Check(answer); errors.As(err, &invalid) || err != nil {
			t.Fatalf("the answer is not qbXML: %v\n%s", err, answer)
		}
	}
	found := ask(t, q, qbxml.CustomerByName{FullName: "lakeview health:clinic west wing"})[0]
	if len(found.Customers) != 1 || found.Customers[0].ExternalGUID != job.ExternalGUID || found.Customers[0].Sublevel != 1 {
		t.Fatalf("found %+v", found)
	}
	c := found.Customers[0]
	byID := ask(t, q, qbxml.CustomerByID{ListID: c.ListID})[0]
	if len(byID.Customers) != 1 || byID.Customers[0].FullName != "Lakeview Health:Clinic West Wing" {
		t.Fatalf("by ListID %+v", byID)
	}
	if r := ask(t, q, qbxml.CustomerByName{FullName: "Nobody"})[0]; r.Status.Code != 500 || len(r.Customers) != 0 {
		t.Fatalf("not found %+v", r.Status)
	}
	for name, bad := range map[string]qbxml.Request{
		"name in use":     qbxml.JobAdd{Job: qbxml.Job{Name: "Clinic Expansion", Parent: "Lakeview Health"}},
		"a vendor's name": qbxml.JobAdd{Job: qbxml.Job{Name: "Apex Concrete Supply"}},
		"no customer":     qbxml.JobAdd{Job: qbxml.Job{Name: "Gym", Parent: "Nobody"}},
		"stale":           qbxml.JobMod{ListID: c.ListID, EditSequence: "1", Job: qbxml.Job{Name: "Clinic West Wing 2"}},
	} {
		want := map[string]int{"name in use": 3100, "a vendor's name": 3100, "no customer": 3140, "stale": 3200}[name]
		if r := ask(t, q, bad)[0]; r.Status.Code != want {
			t.Errorf("%s: %+v", name, r.Status)
		}
	}
	changed := ask(t, q, qbxml.JobMod{ListID: c.ListID, EditSequence: c.EditSequence, Job: qbxml.Job{Name: "Clinic West Wing 2", IsActive: true}})[0]
	if len(changed.Customers) != 1 || changed.Customers[0].FullName != "Lakeview Health:Clinic West Wing 2" || changed.Customers[0].EditSequence == c.EditSequence {
		t.Fatalf("changed %+v", changed)
	}
}
