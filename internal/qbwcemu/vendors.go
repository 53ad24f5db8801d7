package qbwcemu

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// vendorIn is a VendorAdd or VendorMod as read.
type vendorIn struct {
	ListID        string `xml:"ListID"`
	EditSequence  string `xml:"EditSequence"`
	Name          string `xml:"Name"`
	IsActive      string `xml:"IsActive"`
	CompanyName   string `xml:"CompanyName"`
	VendorAddress struct {
		Addr1      string `xml:"Addr1"`
		City       string `xml:"City"`
		State      string `xml:"State"`
		PostalCode string `xml:"PostalCode"`
		Country    string `xml:"Country"`
	} `xml:"VendorAddress"`
	Phone string `xml:"Phone"`
	Fax   string `xml:"Fax"`
	Email string `xml:"Email"`
}

// vendorQuery answers a VendorQueryRq: by full name, or the vendors
// changed since FromModifiedDate a page at a time.
func (q *QuickBooks) vendorQuery(name string, r request) (string, bool) {
	if r.Iterator == "" && len(r.FullNames) > 0 {
		var body strings.Builder
		for _, want := range r.FullNames {
			i := q.vendorNamed(want)
			if i < 0 {
				return element(name, r.RequestID, status{500, "Warn", fmt.Sprintf(
					"The query request has not been fully completed. There was a required element (%q) that could not be found in QuickBooks.", want)},
					nil, body.String()), false
			}
			body.WriteString(vendorRet(q.Vendors[i]))
		}
		return element(name, r.RequestID, statusOK, nil, body.String()), false
	}
	from, ok := parseQBTime(r.From)
	if !ok {
		return element(name, r.RequestID, status{3020, "Error", fmt.Sprintf("There was an error when converting the date value %q in the field \"FromModifiedDate\".", r.From)}, nil, ""), true
	}
	return q.listQuery(name, r, func() *iterator { return entityIterator(q.Vendors, r.ActiveStatus, from, vendorRet) })
}

// parseQBTime reads a DATETIMETYPE as QuickBooks takes it (a time without
// an offset is the company file's, here Pacific); "" is the zero time.
func parseQBTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	for _, layout := range []string{"2006-01-02T15:04:05-07:00", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, strings.TrimSpace(s), fileMade.Location()); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// vendorNamed is the index of the vendor named name (ignoring case, as
// QuickBooks compares names), or -1.
func (q *QuickBooks) vendorNamed(name string) int {
	for i, v := range q.Vendors {
		if strings.EqualFold(v.Name, name) {
			return i
		}
	}
	return -1
}

// nameInUse tells whether a vendor, customer or job other than listID
// has name: QuickBooks' names of vendors and customers are one list.
func (q *QuickBooks) nameInUse(name, listID string) bool {
	for _, list := range [][]Entity{q.Vendors, q.Customers} {
		for _, e := range list {
			if e.ListID != listID && strings.EqualFold(e.FullName, name) {
				return true
			}
		}
	}
	return false
}

// changed is a change's time and the EditSequence after it: QuickBooks'
// EditSequence is a count of seconds that grows with every change.
func (q *QuickBooks) changed() (time.Time, string) {
	now := q.now().Truncate(time.Second)
	q.sequence = max(q.sequence+1, now.Unix())
	return now, strconv.FormatInt(q.sequence, 10)
}

func (q *QuickBooks) now() time.Time {
	if q.Clock != nil {
		return q.Clock()
	}
	return time.Now().In(fileMade.Location())
}

// addVendor adds a vendor, refused with 3100 when its name is in use.
func (q *QuickBooks) addVendor(name string, r request) (string, bool) {
	in := r.VendorAdd
	if q.nameInUse(in.Name, "") {
		return element(name, r.RequestID, status{3100, "Error", fmt.Sprintf("The name %q of the list element is already in use.", in.Name)}, nil, ""), true
	}
	at, seq := q.changed()
	v := Entity{ListID: fmt.Sprintf("%08X-%d", 0xA0000000+len(q.Vendors)+1, at.Unix()), Name: in.Name, FullName: in.Name,
		IsActive: in.IsActive != "false", EditSequence: seq, TimeModified: at}
	in.copyTo(&v)
	q.Vendors = append(q.Vendors, v)
	return element(name, r.RequestID, statusOK, nil, vendorRet(v)), false
}

func (in vendorIn) copyTo(v *Entity) {
	a := in.VendorAddress
	v.CompanyName, v.Phone, v.Fax, v.Email = in.CompanyName, in.Phone, in.Fax, in.Email
	v.Address = Address{Addr1: a.Addr1, City: a.City, State: a.State, PostalCode: a.PostalCode, Country: a.Country}
}

// modVendor changes a vendor's name: refused with 3120 for a ListID
// QuickBooks does not have, 3200 for an EditSequence that is not the
// vendor's (it changed since it was read), 3100 for a name in use.
func (q *QuickBooks) modVendor(name string, r request) (string, bool) {
	in := r.VendorMod
	i := -1
	for j, v := range q.Vendors {
		if v.ListID == in.ListID {
			i = j
		}
	}
	switch {
	case i < 0:
		return element(name, r.RequestID, status{3120, "Error", fmt.Sprintf(refusals[3120], in.ListID)}, nil, ""), true
	case q.Vendors[i].editSequence() != in.EditSequence:
		return element(name, r.RequestID, status{3200, "Error", fmt.Sprintf(refusals[3200], in.ListID)}, nil, ""), true
	case in.Name != "" && q.nameInUse(in.Name, in.ListID):
		return element(name, r.RequestID, status{3100, "Error", fmt.Sprintf("The name %q of the list element is already in use.", in.Name)}, nil, ""), true
	}
	v := &q.Vendors[i]
	if in.Name != "" {
		v.Name, v.FullName = in.Name, in.Name
	}
	v.TimeModified, v.EditSequence = q.changed()
	return element(name, r.RequestID, statusOK, nil, vendorRet(*v)), false
}

// RenameVendor renames the vendor listID as a bookkeeper does in
// QuickBooks' window: its EditSequence and TimeModified change. ok is
// false when there is no such vendor or the name is in use.
func (q *QuickBooks) RenameVendor(listID, name string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.nameInUse(name, listID) {
		return false
	}
	for i := range q.Vendors {
		if v := &q.Vendors[i]; v.ListID == listID {
			v.Name, v.FullName = name, name
			v.TimeModified, v.EditSequence = q.changed()
			return true
		}
	}
	return false
}

// AddVendors adds vendors as a bookkeeper does in QuickBooks' window,
// each changed now; ListIDs are given where missing.
func (q *QuickBooks) AddVendors(vendors ...Entity) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, v := range vendors {
		at, seq := q.changed()
		if v.ListID == "" {
			v.ListID = fmt.Sprintf("%08X-%d", 0xA0000000+len(q.Vendors)+1, at.Unix())
		}
		if v.FullName == "" {
			v.FullName = v.Name
		}
		v.TimeModified, v.EditSequence = at, seq
		q.Vendors = append(q.Vendors, v)
	}
}

// VendorList is the company file's vendors, as they are now.
func (q *QuickBooks) VendorList() []Entity {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]Entity(nil), q.Vendors...)
}

// ItemList is the company file's items, as they are now.
func (q *QuickBooks) ItemList() []Item {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]Item(nil), q.Items...)
}
