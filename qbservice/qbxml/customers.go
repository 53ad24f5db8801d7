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
