package qbxml

import "encoding/xml"

// Vendor is a vendor of QuickBooks' Vendor list, with what Procore's
// vendor has of it.
type Vendor struct {
	ListID       string `json:"listId,omitempty"`
	EditSequence string `json:"editSequence,omitempty"`
	// TimeModified is as QuickBooks wrote it (a DATETIMETYPE with its
	// offset): the next read of vendors changed since then sends it back.
	TimeModified string  `json:"timeModified,omitempty"`
	Name         string  `json:"name"`
	IsActive     bool    `json:"isActive"`
	CompanyName  string  `json:"companyName,omitempty"`
	Address      Address `json:"address,omitzero"` // VendorAddress
	Phone        string  `json:"phone,omitempty"`
	Fax          string  `json:"fax,omitempty"`
	Email        string  `json:"email,omitempty"`
}

// Address is the part of a qbXML address the sync moves.
type Address struct {
	Addr1      string `xml:"Addr1,omitempty" json:"addr1,omitempty"`
	Addr2      string `xml:"Addr2,omitempty" json:"addr2,omitempty"`
	City       string `xml:"City,omitempty" json:"city,omitempty"`
	State      string `xml:"State,omitempty" json:"state,omitempty"`
	PostalCode string `xml:"PostalCode,omitempty" json:"postalCode,omitempty"`
	Country    string `xml:"Country,omitempty" json:"country,omitempty"`
}

func (a Address) empty() bool { return a == Address{} }

// The limits of a vendor's fields (qbxml130.xsd: VendorAdd, AddressData,
// CommInfo).
const (
	MaxVendorName  = 41
	MaxAddressLine = 41
	MaxCity        = 31
	MaxState       = 21
	MaxPostalCode  = 13
	MaxCountryName = 31
	MaxPhone       = 21
	MaxEmail       = 1023
	// MaxDateTime bounds a DATETIMETYPE: "2024-01-15T10:00:00-08:00" is 25.
	MaxDateTime = 32
)

// Limits are the vendor's values each with its element and limit, for a
// check of what QuickBooks sent or of what is to be added.
func (v Vendor) Limits() []Limit {
	return []Limit{
		{"Name", v.Name, MaxVendorName}, {"CompanyName", v.CompanyName, MaxVendorName},
		{"Addr1", v.Address.Addr1, MaxAddressLine}, {"Addr2", v.Address.Addr2, MaxAddressLine},
		{"City", v.Address.City, MaxCity}, {"State", v.Address.State, MaxState},
		{"PostalCode", v.Address.PostalCode, MaxPostalCode}, {"Country", v.Address.Country, MaxCountryName},
		{"Phone", v.Phone, MaxPhone}, {"Fax", v.Fax, MaxPhone}, {"Email", v.Email, MaxEmail},
	}
}

// VendorQuery asks for the vendors, active or not, changed since From
// (QuickBooks' TimeModified, as it wrote it; every vendor when ""), a
// page of at most MaxReturned at a time with an iterator.
type VendorQuery struct {
	RequestID   string
	Iterator    Iterator
	IteratorID  string
	MaxReturned int
	From        string
}

func (q VendorQuery) requestElement() any {
	// VendorListQuery's VendorListFilter: ListFilter's MaxReturned,
	// ActiveStatus, FromModifiedDate, in that order (qbxml130.xsd 3248).
	return struct {
		XMLName      xml.Name `xml:"VendorQueryRq"`
		RequestID    string   `xml:"requestID,attr,omitempty"`
		Iterator     string   `xml:"iterator,attr,omitempty"`
		IteratorID   string   `xml:"iteratorID,attr,omitempty"`
		MaxReturned  int      `xml:"MaxReturned,omitempty"`
		ActiveStatus string   `xml:"ActiveStatus"`
		From         string   `xml:"FromModifiedDate,omitempty"`
	}{RequestID: q.RequestID, Iterator: string(q.Iterator), IteratorID: q.IteratorID, MaxReturned: q.MaxReturned,
		ActiveStatus: "All", From: q.From}
}

// VendorByName asks for the vendor named Name, active or not.
type VendorByName struct {
	RequestID string
	Name      string
}

func (q VendorByName) requestElement() any {
	return struct {
		XMLName   xml.Name `xml:"VendorQueryRq"`
		RequestID string   `xml:"requestID,attr,omitempty"`
		FullName  string   `xml:"FullName"`
	}{RequestID: q.RequestID, FullName: q.Name}
}

// VendorAdd adds Vendor (its ListID, EditSequence and TimeModified are
// QuickBooks' to give, and IsActive is true).
type VendorAdd struct {
	RequestID string
	Vendor    Vendor
}

func (a VendorAdd) requestElement() any {
	// VendorAdd: Name, IsActive, …, CompanyName, …, VendorAddress, …,
	// then CommInfo's Phone, …, Fax, Email (qbxml130.xsd 8936, 3126).
	type vendorAdd struct {
		Name          string   `xml:"Name"`
		IsActive      bool     `xml:"IsActive"`
		CompanyName   string   `xml:"CompanyName,omitempty"`
		VendorAddress *Address `xml:"VendorAddress,omitempty"`
		Phone         string   `xml:"Phone,omitempty"`
		Fax           string   `xml:"Fax,omitempty"`
		Email         string   `xml:"Email,omitempty"`
	}
	v := a.Vendor
	add := vendorAdd{Name: v.Name, IsActive: true, CompanyName: v.CompanyName, Phone: v.Phone, Fax: v.Fax, Email: v.Email}
	if !v.Address.empty() {
		add.VendorAddress = &v.Address
	}
	return struct {
		XMLName   xml.Name  `xml:"VendorAddRq"`
		RequestID string    `xml:"requestID,attr,omitempty"`
		VendorAdd vendorAdd `xml:"VendorAdd"`
	}{RequestID: a.RequestID, VendorAdd: add}
}
