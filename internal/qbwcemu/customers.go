package qbwcemu

import (
	"fmt"
	"strings"
	"time"
)

// customerIn is a CustomerAdd or CustomerMod as read.
type customerIn struct {
	ListID       string `xml:"ListID"`
	EditSequence string `xml:"EditSequence"`
	Name         string `xml:"Name"`
	IsActive     string `xml:"IsActive"`
	ParentRef    struct {
		FullName string `xml:"FullName"`
	} `xml:"ParentRef"`
	BillAddress struct {
		Addr1      string `xml:"Addr1"`
		City       string `xml:"City"`
		State      string `xml:"State"`
		PostalCode string `xml:"PostalCode"`
	} `xml:"BillAddress"`
	ExternalGUID string `xml:"ExternalGUID"`
}

func (in customerIn) address() Address {
	a := in.BillAddress
	return Address{Addr1: a.Addr1, City: a.City, State: a.State, PostalCode: a.PostalCode}
}

// customerQuery answers a CustomerQueryRq: by ListID or full name, or
// every customer and job a page at a time.
func (q *QuickBooks) customerQuery(name string, r request) (string, bool) {
	if r.Iterator != "" || len(r.FullNames)+len(r.ListIDs) == 0 {
		return q.listQuery(name, r, func() *iterator { return entityIterator(q.Customers, r.ActiveStatus, time.Time{}, customerRet) })
	}
	var body strings.Builder
	for _, want := range append(r.ListIDs, r.FullNames...) {
		i := q.customerOf(want)
		if i < 0 {
			return element(name, r.RequestID, status{500, "Warn", fmt.Sprintf(
				"The query request has not been fully completed. There was a required element (%q) that could not be found in QuickBooks.", want)},
				nil, body.String()), false
		}
		body.WriteString(customerRet(q.Customers[i]))
	}
	return element(name, r.RequestID, statusOK, nil, body.String()), false
}

// customerOf is the index of the customer or job whose ListID or full
// name (ignoring case) is id, or -1.
func (q *QuickBooks) customerOf(id string) int {
	for i, c := range q.Customers {
		if c.ListID == id || strings.EqualFold(c.FullName, id) {
			return i
		}
	}
	return -1
}

// addCustomer adds a customer, or a job under the customer its ParentRef
// names: refused with 3140 for a customer QuickBooks does not have, 3100
// for a full name in use (a vendor's too: one list of names).
func (q *QuickBooks) addCustomer(name string, r request) (string, bool) {
	in := r.CustomerAdd
	full := in.Name
	if parent := in.ParentRef.FullName; parent != "" {
		if q.customerOf(parent) < 0 {
			return invalidReference(name, r.RequestID, "Customer", "Customer", parent)
		}
		full = q.Customers[q.customerOf(parent)].FullName + ":" + in.Name
	}
	if q.nameInUse(full, "") {
		return element(name, r.RequestID, status{3100, "Error", fmt.Sprintf("The name %q of the list element is already in use.", in.Name)}, nil, ""), true
	}
	at, seq := q.changed()
	c := Entity{ListID: fmt.Sprintf("%08X-%d", 0xB0000000+len(q.Customers)+1, at.Unix()), Name: in.Name, FullName: full,
		IsActive: in.IsActive != "false", EditSequence: seq, TimeModified: at, Address: in.address(), ExternalGUID: in.ExternalGUID}
	q.Customers = append(q.Customers, c)
	return element(name, r.RequestID, statusOK, nil, customerRet(c)), false
}

// modCustomer changes a customer's or job's name, status and address:
// refused with 3120 for a ListID QuickBooks does not have, 3200 for an
// EditSequence that is not its own (it changed since it was read), 3100
// for a full name in use.
func (q *QuickBooks) modCustomer(name string, r request) (string, bool) {
	in := r.CustomerMod
	i := q.customerOf(in.ListID)
	if i < 0 || q.Customers[i].ListID != in.ListID {
		return element(name, r.RequestID, status{3120, "Error", fmt.Sprintf(refusals[3120], in.ListID)}, nil, ""), true
	}
	c := &q.Customers[i]
	full := c.FullName
	if in.Name != "" {
		parent, _, sub := cutLast(c.FullName)
		full = in.Name
		if sub {
			full = parent + ":" + in.Name
		}
	}
	switch {
	case c.editSequence() != in.EditSequence:
		return element(name, r.RequestID, status{3200, "Error", fmt.Sprintf(refusals[3200], in.ListID)}, nil, ""), true
	case q.nameInUse(full, in.ListID):
		return element(name, r.RequestID, status{3100, "Error", fmt.Sprintf("The name %q of the list element is already in use.", in.Name)}, nil, ""), true
	}
	if in.Name != "" {
		c.Name, c.FullName = in.Name, full
	}
	if in.IsActive != "" {
		c.IsActive = in.IsActive == "true"
	}
	if a := in.address(); a != (Address{}) {
		c.Address = a
	}
	c.TimeModified, c.EditSequence = q.changed()
	return element(name, r.RequestID, statusOK, nil, customerRet(*c)), false
}

// CustomerList is the company file's customers and jobs.
func (q *QuickBooks) CustomerList() []Entity {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]Entity(nil), q.Customers...)
}

// ChangeCustomer changes the customer or job listID as a bookkeeper does
// in QuickBooks' window (its EditSequence changes); false when there is
// none.
func (q *QuickBooks) ChangeCustomer(listID string, change func(*Entity)) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i := range q.Customers {
		if c := &q.Customers[i]; c.ListID == listID {
			change(c)
			c.TimeModified, c.EditSequence = q.changed()
			return true
		}
	}
	return false
}
