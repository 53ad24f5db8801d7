package qbxml

// The reader this package had before xmlscan: encoding/xml decoding into
// tagged structs. It stands as the reference the scanner's reader is
// held to (TestTheReaderAgreesWithEncodingXML, FuzzTheReaderAgrees), and
// as the anchor of the decoding benchmark.

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

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
	RequestID         string        `xml:"requestID,attr"`
	StatusCode        *int          `xml:"statusCode,attr"`
	StatusSeverity    string        `xml:"statusSeverity,attr"`
	StatusMessage     string        `xml:"statusMessage,attr"`
	IteratorID        string        `xml:"iteratorID,attr"`
	IteratorRemaining int           `xml:"iteratorRemainingCount,attr"`
	Host              *Host         `xml:"HostRet"`
	Company           *Company      `xml:"CompanyRet"`
	Services          []itemRet     `xml:"ItemServiceRet"`
	OtherCharges      []itemRet     `xml:"ItemOtherChargeRet"`
	Vendors           []vendorRet   `xml:"VendorRet"`
	Customers         []customerRet `xml:"CustomerRet"`
	PurchaseOrders    []txnRet      `xml:"PurchaseOrderRet"`
	Bills             []txnRet      `xml:"BillRet"`
	Estimates         []txnRet      `xml:"EstimateRet"`
	Checks            []txnRet      `xml:"CheckRet"`
	CardCharges       []txnRet      `xml:"CreditCardChargeRet"`
	ItemReceipts      []txnRet      `xml:"ItemReceiptRet"`
	VendorCredits     []txnRet      `xml:"VendorCreditRet"`
	CardCredits       []txnRet      `xml:"CreditCardCreditRet"`
	Deleted           []struct {
		Kind        string `xml:"TxnDelType"`
		TxnID       string `xml:"TxnID"`
		TimeDeleted string `xml:"TimeDeleted"`
	} `xml:"TxnDeletedRet"`
	Preferences *struct {
		Inventory *bool `xml:"PurchasesAndVendorsPreferences>IsUsingInventory"`
		Estimates *bool `xml:"JobsAndEstimatesPreferences>IsUsingEstimates"`
	} `xml:"PreferencesRet"`
}

// txnRet is a transaction's Ret (PurchaseOrderRet, BillRet…) as read.
type txnRet struct {
	TxnID         string    `xml:"TxnID"`
	EditSequence  string    `xml:"EditSequence"`
	RefNumber     string    `xml:"RefNumber"`
	ExternalGUID  string    `xml:"ExternalGUID"`
	TimeModified  string    `xml:"TimeModified"`
	TxnDate       string    `xml:"TxnDate"`
	VendorRef     listRef   `xml:"VendorRef"`
	CustomerRef   listRef   `xml:"CustomerRef"`
	Lines         []lineRet `xml:"PurchaseOrderLineRet"`
	EstimateLines []lineRet `xml:"EstimateLineRet"`
	ItemLines     []lineRet `xml:"ItemLineRet"`
	Groups        []struct {
		Lines []lineRet `xml:"ItemLineRet"`
	} `xml:"ItemGroupLineRet"`
}

// lineRet is an item line as read.
type lineRet struct {
	TxnLineID   string  `xml:"TxnLineID"`
	ItemRef     listRef `xml:"ItemRef"`
	Amount      string  `xml:"Amount"`
	CustomerRef listRef `xml:"CustomerRef"`
}

func (r txnRet) txn() Txn {
	t := Txn{TxnID: r.TxnID, EditSequence: r.EditSequence, RefNumber: r.RefNumber, ExternalGUID: r.ExternalGUID, VendorListID: r.VendorRef.ListID,
		CustomerListID: r.CustomerRef.ListID, TimeModified: r.TimeModified, TxnDate: r.TxnDate}
	lines := append(append(r.Lines, r.EstimateLines...), r.ItemLines...)
	for _, g := range r.Groups {
		lines = append(lines, g.Lines...)
	}
	for _, l := range lines {
		t.Lines = append(t.Lines, TxnLine{TxnLineID: l.TxnLineID, ItemListID: l.ItemRef.ListID, CustomerListID: l.CustomerRef.ListID, Amount: l.Amount})
	}
	return t
}

// vendorRet is a VendorRet as read.
type vendorRet struct {
	ListID        string  `xml:"ListID"`
	EditSequence  string  `xml:"EditSequence"`
	TimeModified  string  `xml:"TimeModified"`
	Name          string  `xml:"Name"`
	IsActive      *bool   `xml:"IsActive"`
	CompanyName   string  `xml:"CompanyName"`
	VendorAddress Address `xml:"VendorAddress"`
	Phone         string  `xml:"Phone"`
	Fax           string  `xml:"Fax"`
	Email         string  `xml:"Email"`
}

func (r vendorRet) vendor() Vendor {
	return Vendor{ListID: r.ListID, EditSequence: r.EditSequence, TimeModified: r.TimeModified, Name: r.Name, IsActive: r.IsActive == nil || *r.IsActive,
		CompanyName: r.CompanyName, Address: r.VendorAddress, Phone: r.Phone, Fax: r.Fax, Email: r.Email}
}

// customerRet is a CustomerRet as read.
type customerRet struct {
	ListID       string `xml:"ListID"`
	EditSequence string `xml:"EditSequence"`
	TimeModified string `xml:"TimeModified"`
	Name         string `xml:"Name"`
	FullName     string `xml:"FullName"`
	IsActive     *bool  `xml:"IsActive"`
	Sublevel     int    `xml:"Sublevel"`
}

func (r customerRet) customer() Customer {
	return Customer{ListID: r.ListID, EditSequence: r.EditSequence, TimeModified: r.TimeModified, Name: r.Name, FullName: r.FullName,
		IsActive: r.IsActive == nil || *r.IsActive, Sublevel: r.Sublevel}
}

// parseResponsesReference reads a response message set as ParseResponses
// does, with encoding/xml.
func parseResponsesReference(text string) ([]Response, error) {
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
		for _, v := range r.Vendors {
			resp.Vendors = append(resp.Vendors, v.vendor())
		}
		for _, c := range r.Customers {
			resp.Customers = append(resp.Customers, c.customer())
		}
		for _, list := range [][]txnRet{r.PurchaseOrders, r.Bills, r.Estimates, r.Checks, r.CardCharges, r.ItemReceipts, r.VendorCredits, r.CardCredits} {
			for _, t := range list {
				resp.Txns = append(resp.Txns, t.txn())
			}
		}
		for _, d := range r.Deleted {
			resp.Deleted = append(resp.Deleted, DeletedTxn{Kind: CostKind(d.Kind), TxnID: d.TxnID, TimeDeleted: d.TimeDeleted})
		}
		if p := r.Preferences; p != nil {
			resp.Preferences = &Preferences{UsingInventory: p.Inventory, UsingEstimates: p.Estimates}
		}
		if err := resp.check(); err != nil {
			return nil, err
		}
		out = append(out, resp)
	}
	return out, nil
}
