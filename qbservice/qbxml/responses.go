package qbxml

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Status is a response's status: Code 0 is done, 1 found nothing; 500 to
// 999 are warnings (data may be there); Severity "Error" means nothing was
// done.
type Status struct {
	Code     int
	Severity string
	Message  string
}

// Failed tells whether the request was not done.
func (s Status) Failed() bool { return strings.EqualFold(s.Severity, "Error") }

// Response is one response of a message set.
type Response struct {
	// Name is the response's element, for example ItemServiceQueryRs.
	Name      string
	RequestID string
	Status    Status
	// IteratorID and IteratorRemaining are an iterator query's: the
	// iterator to continue, and how many matches are still to come (0 on
	// the last page).
	IteratorID        string
	IteratorRemaining int
	Host              *Host
	Company           *Company
	Items             []Item
}

// Host is the QuickBooks that answered.
type Host struct {
	ProductName           string   `xml:"ProductName"`
	MajorVersion          string   `xml:"MajorVersion"`
	MinorVersion          string   `xml:"MinorVersion"`
	Country               string   `xml:"Country"`
	SupportedQBXMLVersion []string `xml:"SupportedQBXMLVersion"`
	IsAutomaticLogin      bool     `xml:"IsAutomaticLogin"`
	QBFileMode            string   `xml:"QBFileMode"` // MultiUser or SingleUser
}

// Company is the open company file's company, with the private data that
// applications keep in it.
type Company struct {
	CompanyName string    `xml:"CompanyName"`
	DataExt     []DataExt `xml:"DataExtRet"`
}

// DataExt is a piece of private data an application (OwnerID) keeps.
type DataExt struct {
	OwnerID string `xml:"OwnerID"`
	Name    string `xml:"DataExtName"`
	Value   string `xml:"DataExtValue"`
}

// FileID is the identifier the Web Connector stored in the company file
// for the application ownerID (the .qwc file's FileID), or "".
func (c Company) FileID(ownerID string) string {
	for _, d := range c.DataExt {
		if d.Name == "FileID" && strings.EqualFold(strings.Trim(d.OwnerID, "{}"), strings.Trim(ownerID, "{}")) {
			return d.Value
		}
	}
	return ""
}

// Item is a Service or Other Charge item.
type Item struct {
	Kind         ItemKind
	ListID       string
	EditSequence string
	Name         string
	FullName     string
	IsActive     bool
	Description  string
}

// itemRet is ItemServiceRet and ItemOtherChargeRet as read.
type itemRet struct {
	ListID          string `xml:"ListID"`
	EditSequence    string `xml:"EditSequence"`
	Name            string `xml:"Name"`
	FullName        string `xml:"FullName"`
	IsActive        *bool  `xml:"IsActive"`
	SalesOrPurchase struct {
		Desc string `xml:"Desc"`
	} `xml:"SalesOrPurchase"`
	SalesAndPurchase struct {
		SalesDesc string `xml:"SalesDesc"`
	} `xml:"SalesAndPurchase"`
}

func (r itemRet) item(kind ItemKind) Item {
	desc := r.SalesOrPurchase.Desc
	if desc == "" {
		desc = r.SalesAndPurchase.SalesDesc
	}
	// IsActive left out means active: QuickBooks leaves out what a query
	// trimmed, and items are active unless made inactive.
	return Item{Kind: kind, ListID: r.ListID, EditSequence: r.EditSequence, Name: r.Name, FullName: r.FullName,
		IsActive: r.IsActive == nil || *r.IsActive, Description: desc}
}

// rs is any response element as read.
type rs struct {
	XMLName           xml.Name
	RequestID         string    `xml:"requestID,attr"`
	StatusCode        *int      `xml:"statusCode,attr"`
	StatusSeverity    string    `xml:"statusSeverity,attr"`
	StatusMessage     string    `xml:"statusMessage,attr"`
	IteratorID        string    `xml:"iteratorID,attr"`
	IteratorRemaining int       `xml:"iteratorRemainingCount,attr"`
	Host              *Host     `xml:"HostRet"`
	Company           *Company  `xml:"CompanyRet"`
	Services          []itemRet `xml:"ItemServiceRet"`
	OtherCharges      []itemRet `xml:"ItemOtherChargeRet"`
}

// ParseResponses reads a qbXML response message set, in the order of its
// requests. A response without a status code, or a document that is not
// qbXML, is an error; so is a value beyond QuickBooks' own limits (a
// *TooLongError), or an item without its ListID.
func ParseResponses(text string) ([]Response, error) {
	var doc struct {
		XMLName xml.Name `xml:"QBXML"`
		Msgs    *struct {
			Responses []rs `xml:",any"`
		} `xml:"QBXMLMsgsRs"`
	}
	dec := xml.NewDecoder(strings.NewReader(text))
	// The text came inside the Web Connector's SOAP envelope, already
	// decoded: whatever encoding its declaration names, it is Unicode now.
	dec.CharsetReader = func(_ string, input io.Reader) (io.Reader, error) { return input, nil }
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not a qbXML response: %w", err)
	}
	if doc.Msgs == nil {
		return nil, fmt.Errorf("not a qbXML response: no QBXMLMsgsRs")
	}
	out := make([]Response, 0, len(doc.Msgs.Responses))
	for _, r := range doc.Msgs.Responses {
		if r.StatusCode == nil || !strings.HasSuffix(r.XMLName.Local, "Rs") {
			return nil, fmt.Errorf("%s is not a qbXML response with a status", r.XMLName.Local)
		}
		resp := Response{Name: r.XMLName.Local, RequestID: r.RequestID,
			Status:     Status{Code: *r.StatusCode, Severity: r.StatusSeverity, Message: r.StatusMessage},
			IteratorID: r.IteratorID, IteratorRemaining: r.IteratorRemaining, Host: r.Host, Company: r.Company}
		for _, it := range r.Services {
			resp.Items = append(resp.Items, it.item(ItemService))
		}
		for _, it := range r.OtherCharges {
			resp.Items = append(resp.Items, it.item(ItemOtherCharge))
		}
		if err := resp.check(); err != nil {
			return nil, err
		}
		out = append(out, resp)
	}
	return out, nil
}
