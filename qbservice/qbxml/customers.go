package qbxml

import "encoding/xml"

// Customer is a customer or a job of QuickBooks' Customer list: a job is
// a customer's sub-customer, its FullName its customer's and its own
// joined by a colon ("Lakeview Health:Clinic Expansion").
type Customer struct {
	ListID       string `json:"listId"`
	EditSequence string `json:"editSequence,omitempty"`
	TimeModified string `json:"timeModified,omitempty"`
	Name         string `json:"name"`
	FullName     string `json:"fullName"`
	IsActive     bool   `json:"isActive"`
	Sublevel     int    `json:"sublevel"`
	// ExternalGUID is the mark of the service that added it, if any.
	ExternalGUID string `json:"externalGuid,omitempty"`
}

// The limits of a customer's names (qbxml130.xsd: CustomerAdd's Name, a
// CustomerRef's FullName).
const (
	MaxCustomerName     = 41
	MaxCustomerFullName = 209
)

// CustomerQuery asks for the customers and jobs, active or not, a page
// of at most MaxReturned at a time with an iterator.
type CustomerQuery struct {
	RequestID   string
	Iterator    Iterator
	IteratorID  string
	MaxReturned int
}

func (q CustomerQuery) requestElement() any {
	// CustomerListQuery's CustomerListFilter: ListFilter's MaxReturned,
	// then ActiveStatus (qbxml130.xsd 3248, 3366).
	return struct {
		XMLName      xml.Name `xml:"CustomerQueryRq"`
		RequestID    string   `xml:"requestID,attr,omitempty"`
		Iterator     string   `xml:"iterator,attr,omitempty"`
		IteratorID   string   `xml:"iteratorID,attr,omitempty"`
		MaxReturned  int      `xml:"MaxReturned,omitempty"`
		ActiveStatus string   `xml:"ActiveStatus"`
	}{RequestID: q.RequestID, Iterator: string(q.Iterator), IteratorID: q.IteratorID, MaxReturned: q.MaxReturned, ActiveStatus: "All"}
}

// Job is a job the service adds or changes for a Procore project: its
// name, its customer's full name ("" for a job at the top of the list),
// whether it is active, and its billing address. ExternalGUID is the
// service's mark, kept by QuickBooks with a job it adds.
type Job struct {
	Name         string  `json:"name"`
	Parent       string  `json:"parent,omitempty"`
	IsActive     bool    `json:"isActive"`
	Address      Address `json:"address,omitzero"` // BillAddress
	ExternalGUID string  `json:"externalGuid,omitempty"`
}

// FullName is the job's name as QuickBooks lists it, under its customer.
func (j Job) FullName() string {
	if j.Parent == "" {
		return j.Name
	}
	return j.Parent + ":" + j.Name
}

// Limits are the job's values each with its limit.
func (j Job) Limits() []Limit {
	return []Limit{
		{"Name", j.Name, MaxCustomerName}, {"FullName", j.FullName(), MaxCustomerFullName},
		{"Addr1", j.Address.Addr1, MaxAddressLine}, {"City", j.Address.City, MaxCity},
		{"State", j.Address.State, MaxState}, {"PostalCode", j.Address.PostalCode, MaxPostalCode},
	}
}

// CustomerByName asks for the customer or job of a full name, with its
// ExternalGUID; CustomerByID for the one of a ListID.
type CustomerByName struct {
	RequestID string
	FullName  string
}

func (q CustomerByName) requestElement() any {
	return struct {
		XMLName   xml.Name `xml:"CustomerQueryRq"`
		RequestID string   `xml:"requestID,attr,omitempty"`
		FullName  string   `xml:"FullName"`
	}{RequestID: q.RequestID, FullName: q.FullName}
}

// CustomerByID asks for the customer or job of a ListID.
type CustomerByID struct {
	RequestID string
	ListID    string
}

func (q CustomerByID) requestElement() any {
	return struct {
		XMLName   xml.Name `xml:"CustomerQueryRq"`
		RequestID string   `xml:"requestID,attr,omitempty"`
		ListID    string   `xml:"ListID"`
	}{RequestID: q.RequestID, ListID: q.ListID}
}

// JobAdd adds Job under its customer.
type JobAdd struct {
	RequestID string
	Job       Job
}

func (a JobAdd) requestElement() any {
	// CustomerAdd: Name, IsActive, ClassRef, ParentRef, …, BillAddress,
	// …, ExternalGUID (qbxml130.xsd 7815).
	type parentRef struct {
		FullName string `xml:"FullName"`
	}
	type add struct {
		Name        string     `xml:"Name"`
		IsActive    bool       `xml:"IsActive"`
		ParentRef   *parentRef `xml:"ParentRef,omitempty"`
		BillAddress *Address   `xml:"BillAddress,omitempty"`
		GUID        string     `xml:"ExternalGUID,omitempty"`
	}
	j := a.Job
	c := add{Name: j.Name, IsActive: j.IsActive, GUID: j.ExternalGUID}
	if j.Parent != "" {
		c.ParentRef = &parentRef{j.Parent}
	}
	if !j.Address.empty() {
		c.BillAddress = &j.Address
	}
	return struct {
		XMLName     xml.Name `xml:"CustomerAddRq"`
		RequestID   string   `xml:"requestID,attr,omitempty"`
		CustomerAdd add      `xml:"CustomerAdd"`
	}{RequestID: a.RequestID, CustomerAdd: c}
}

// JobMod changes the job ListID, as of EditSequence, to Job's name,
// status and address; its customer stays as it is.
type JobMod struct {
	RequestID    string
	ListID       string
	EditSequence string
	Job          Job
}

func (m JobMod) requestElement() any {
	// CustomerMod: ListID, EditSequence, Name, IsActive, …, BillAddress
	// (qbxml130.xsd 7918).
	type mod struct {
		ListID       string   `xml:"ListID"`
		EditSequence string   `xml:"EditSequence"`
		Name         string   `xml:"Name"`
		IsActive     bool     `xml:"IsActive"`
		BillAddress  *Address `xml:"BillAddress,omitempty"`
	}
	j := m.Job
	c := mod{ListID: m.ListID, EditSequence: m.EditSequence, Name: j.Name, IsActive: j.IsActive}
	if !j.Address.empty() {
		c.BillAddress = &j.Address
	}
	return struct {
		XMLName     xml.Name `xml:"CustomerModRq"`
		RequestID   string   `xml:"requestID,attr,omitempty"`
		CustomerMod mod      `xml:"CustomerMod"`
	}{RequestID: m.RequestID, CustomerMod: c}
}
