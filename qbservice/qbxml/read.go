package qbxml

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"qbsettings/qbservice/xmlscan"
)

// ParseResponses reads a qbXML response message set, in the order of its
// requests. A response without a status code, or a document that is not
// qbXML, is an error; so is a value beyond QuickBooks' own limits (a
// *TooLongError), or an item without its ListID.
//
// It reads with xmlscan, a token at a time: a refresh reads a thousand
// pages, and encoding/xml's decoding into structs was most of the
// service's time (docs/performance.md).
func ParseResponses(text string) ([]Response, error) {
	sc := xmlscan.New(text)
	if !sc.Next() || sc.Kind() != xmlscan.StartElement {
		return nil, notQBXML(sc, errors.New("no root element"))
	}
	if local(sc.Name()) != "QBXML" {
		return nil, fmt.Errorf("not a qbXML response: the root is <%s>", sc.Name())
	}
	out := []Response{}
	msgs := false
	err := children(sc, func() error {
		if local(sc.Name()) != "QBXMLMsgsRs" {
			return sc.Skip()
		}
		msgs = true
		return children(sc, func() error {
			r, err := readResponse(sc)
			if err == nil {
				err = r.check()
			}
			out = append(out, r)
			return err
		})
	})
	switch {
	case errors.Is(err, ErrOutOfSchema):
		return nil, err
	case err != nil:
		return nil, notQBXML(sc, err)
	case sc.Next() || sc.Err() != nil: // nothing but the end may follow
		return nil, notQBXML(sc, errors.New("more after the root element"))
	case !msgs:
		return nil, fmt.Errorf("not a qbXML response: no QBXMLMsgsRs")
	}
	return out, nil
}

// notQBXML is why a text is not a response: the scanner's fault first.
func notQBXML(sc *xmlscan.Scanner, reason error) error {
	if err := sc.Err(); err != nil {
		reason = err
	}
	return fmt.Errorf("not a qbXML response: %w", reason)
}

// children calls each for every element inside the one whose start was
// just read, at its start; each reads the element to its end. Text
// between them is passed over.
func children(sc *xmlscan.Scanner, each func() error) error {
	depth := sc.Depth()
	for sc.Next() {
		switch sc.Kind() {
		case xmlscan.StartElement:
			if err := each(); err != nil {
				return err
			}
		case xmlscan.EndElement:
			if sc.Depth() < depth {
				return nil
			}
		case xmlscan.Text:
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return fmt.Errorf("the document ended early")
}

// local is a name without its prefix: encoding/xml matched qbXML's names
// so, and QuickBooks writes none.
func local(name string) string {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// readResponse reads one response element (its start just read).
func readResponse(sc *xmlscan.Scanner) (Response, error) {
	r := Response{Name: local(sc.Name())}
	code, hasCode := sc.Attr("statusCode")
	if !hasCode || !strings.HasSuffix(r.Name, "Rs") {
		return r, fmt.Errorf("%s is not a qbXML response with a status", r.Name)
	}
	var err error
	if r.Status.Code, err = strconv.Atoi(strings.TrimSpace(code)); err != nil {
		return r, fmt.Errorf("%s's statusCode %.20q is not a whole number", r.Name, code)
	}
	r.RequestID, _ = sc.Attr("requestID")
	r.Status.Severity, _ = sc.Attr("statusSeverity")
	r.Status.Message, _ = sc.Attr("statusMessage")
	r.IteratorID, _ = sc.Attr("iteratorID")
	if remaining, ok := sc.Attr("iteratorRemainingCount"); ok {
		if r.IteratorRemaining, err = strconv.Atoi(strings.TrimSpace(remaining)); err != nil {
			return r, fmt.Errorf("%s's iteratorRemainingCount %.20q is not a whole number", r.Name, remaining)
		}
	}
	var others []Item
	err = children(sc, func() error {
		switch local(sc.Name()) {
		case "HostRet":
			r.Host = &Host{}
			return readHost(sc, r.Host)
		case "CompanyRet":
			r.Company = &Company{}
			return readCompany(sc, r.Company)
		case "ItemServiceRet":
			it, err := readItem(sc, ItemService)
			r.Items = append(r.Items, it)
			return err
		case "CustomerRet":
			c, err := readCustomer(sc)
			r.Customers = append(r.Customers, c)
			return err
		case "VendorRet":
			v, err := readVendor(sc)
			r.Vendors = append(r.Vendors, v)
			return err
		case "ItemOtherChargeRet":
			it, err := readItem(sc, ItemOtherCharge)
			others = append(others, it)
			return err
		case "PurchaseOrderRet":
			txn, err := readTxn(sc, "PurchaseOrderLineRet")
			r.Txns = append(r.Txns, txn)
			return err
		case "EstimateRet":
			txn, err := readTxn(sc, "EstimateLineRet")
			r.Txns = append(r.Txns, txn)
			return err
		case "BillRet", "CheckRet", "CreditCardChargeRet", "ItemReceiptRet", "VendorCreditRet", "CreditCardCreditRet":
			txn, err := readTxn(sc, "ItemLineRet")
			r.Txns = append(r.Txns, txn)
			return err
		case "TxnDeletedRet":
			var d DeletedTxn
			var kind string
			err := fields(sc, map[string]*string{"TxnDelType": &kind, "TxnID": &d.TxnID, "TimeDeleted": &d.TimeDeleted}, nil)
			d.Kind = CostKind(kind)
			r.Deleted = append(r.Deleted, d)
			return err
		case "PreferencesRet":
			r.Preferences = &Preferences{}
			return readPreferences(sc, r.Preferences)
		}
		return sc.Skip()
	})
	// A response's Service items, then its Other Charge items.
	r.Items = append(r.Items, others...)
	return r, err
}

// fields reads the elements inside the one just begun: the text of those
// named in set (each its own destination), and those named in nested by
// their own reader; others are passed over.
func fields(sc *xmlscan.Scanner, set map[string]*string, nested map[string]func() error) error {
	return children(sc, func() error {
		name := local(sc.Name())
		if dst, ok := set[name]; ok {
			text, err := sc.ReadText()
			*dst = text
			return err
		}
		if read, ok := nested[name]; ok {
			return read()
		}
		return sc.Skip()
	})
}

// textOf reads the text of the element named name inside the one just
// begun into dst, passing the others over.
func textOf(sc *xmlscan.Scanner, name string, dst *string) error {
	return children(sc, func() error {
		if local(sc.Name()) != name {
			return sc.Skip()
		}
		text, err := sc.ReadText()
		*dst = text
		return err
	})
}

// readItem reads an ItemServiceRet or ItemOtherChargeRet. IsActive left
// out means active: QuickBooks leaves out what a query trimmed, and items
// are active unless made inactive.
func readItem(sc *xmlscan.Scanner, kind ItemKind) (Item, error) {
	it := Item{Kind: kind}
	var active, desc, salesDesc string
	activeSent := false
	err := children(sc, func() error {
		var dst *string
		switch local(sc.Name()) {
		case "ListID":
			dst = &it.ListID
		case "EditSequence":
			dst = &it.EditSequence
		case "Name":
			dst = &it.Name
		case "FullName":
			dst = &it.FullName
		case "IsActive":
			dst, activeSent = &active, true
		case "SalesOrPurchase":
			return textOf(sc, "Desc", &desc)
		case "SalesAndPurchase":
			return textOf(sc, "SalesDesc", &salesDesc)
		default:
			return sc.Skip()
		}
		text, err := sc.ReadText()
		*dst = text
		return err
	})
	if err != nil {
		return it, err
	}
	it.IsActive = true
	if activeSent {
		if it.IsActive, err = strconv.ParseBool(strings.TrimSpace(active)); err != nil {
			return it, fmt.Errorf("IsActive %.20q is not true or false", active)
		}
	}
	it.Description = desc
	if it.Description == "" {
		it.Description = salesDesc
	}
	return it, nil
}

// readHost reads a HostRet.
func readHost(sc *xmlscan.Scanner, h *Host) error {
	var automatic string
	err := children(sc, func() error {
		var dst *string
		switch local(sc.Name()) {
		case "ProductName":
			dst = &h.ProductName
		case "MajorVersion":
			dst = &h.MajorVersion
		case "MinorVersion":
			dst = &h.MinorVersion
		case "Country":
			dst = &h.Country
		case "QBFileMode":
			dst = &h.QBFileMode
		case "IsAutomaticLogin":
			dst = &automatic
		case "SupportedQBXMLVersion":
			v, err := sc.ReadText()
			h.SupportedQBXMLVersion = append(h.SupportedQBXMLVersion, v)
			return err
		default:
			return sc.Skip()
		}
		text, err := sc.ReadText()
		*dst = text
		return err
	})
	if err == nil && automatic != "" {
		if h.IsAutomaticLogin, err = strconv.ParseBool(strings.TrimSpace(automatic)); err != nil {
			return fmt.Errorf("IsAutomaticLogin %.20q is not true or false", automatic)
		}
	}
	return err
}

// readCompany reads a CompanyRet: its name, and the private data kept in
// it (DataExtRet).
func readCompany(sc *xmlscan.Scanner, c *Company) error {
	return fields(sc, map[string]*string{"CompanyName": &c.CompanyName}, map[string]func() error{
		"DataExtRet": func() error {
			var d DataExt
			err := fields(sc, map[string]*string{"OwnerID": &d.OwnerID, "DataExtName": &d.Name, "DataExtValue": &d.Value}, nil)
			c.DataExt = append(c.DataExt, d)
			return err
		},
	})
}

// readVendor reads a VendorRet; IsActive left out means active, as for
// an item.
func readVendor(sc *xmlscan.Scanner) (Vendor, error) {
	v := Vendor{IsActive: true}
	active := ""
	err := fields(sc, map[string]*string{
		"ListID": &v.ListID, "EditSequence": &v.EditSequence, "TimeModified": &v.TimeModified, "Name": &v.Name,
		"IsActive": &active, "CompanyName": &v.CompanyName, "Phone": &v.Phone, "Fax": &v.Fax, "Email": &v.Email,
	}, map[string]func() error{
		"VendorAddress": func() error {
			a := &v.Address
			return fields(sc, map[string]*string{"Addr1": &a.Addr1, "Addr2": &a.Addr2, "City": &a.City, "State": &a.State,
				"PostalCode": &a.PostalCode, "Country": &a.Country}, nil)
		},
	})
	if err == nil && active != "" {
		if v.IsActive, err = strconv.ParseBool(strings.TrimSpace(active)); err != nil {
			return v, fmt.Errorf("IsActive %.20q is not true or false", active)
		}
	}
	return v, err
}

// readCustomer reads a CustomerRet; IsActive left out means active.
func readCustomer(sc *xmlscan.Scanner) (Customer, error) {
	c := Customer{IsActive: true}
	var active, sublevel string
	err := fields(sc, map[string]*string{
		"ListID": &c.ListID, "EditSequence": &c.EditSequence, "TimeModified": &c.TimeModified, "Name": &c.Name,
		"FullName": &c.FullName, "IsActive": &active, "Sublevel": &sublevel, "ExternalGUID": &c.ExternalGUID,
	}, nil)
	if err == nil && active != "" {
		if c.IsActive, err = strconv.ParseBool(strings.TrimSpace(active)); err != nil {
			return c, fmt.Errorf("IsActive %.20q is not true or false", active)
		}
	}
	if err == nil && sublevel != "" {
		if c.Sublevel, err = strconv.Atoi(strings.TrimSpace(sublevel)); err != nil || c.Sublevel < 0 {
			return c, fmt.Errorf("sublevel %.20q is not a level", sublevel)
		}
	}
	return c, err
}

// readTxn reads a transaction (PurchaseOrderRet, BillRet, EstimateRet,
// CheckRet…) and its item lines, the elements named lineElement, and for
// ItemLineRet those inside item groups too.
func readTxn(sc *xmlscan.Scanner, lineElement string) (Txn, error) {
	var t Txn
	line := func() error {
		var l TxnLine
		err := fields(sc, map[string]*string{"TxnLineID": &l.TxnLineID, "Amount": &l.Amount}, map[string]func() error{
			"ItemRef":     func() error { return textOf(sc, "ListID", &l.ItemListID) },
			"CustomerRef": func() error { return textOf(sc, "ListID", &l.CustomerListID) },
		})
		t.Lines = append(t.Lines, l)
		return err
	}
	nested := map[string]func() error{
		"VendorRef":   func() error { return textOf(sc, "ListID", &t.VendorListID) },
		"CustomerRef": func() error { return textOf(sc, "ListID", &t.CustomerListID) },
		lineElement:   line,
	}
	if lineElement == "ItemLineRet" {
		nested["ItemGroupLineRet"] = func() error { return fields(sc, nil, map[string]func() error{"ItemLineRet": line}) }
	}
	return t, fields(sc, map[string]*string{
		"TxnID": &t.TxnID, "EditSequence": &t.EditSequence, "RefNumber": &t.RefNumber, "ExternalGUID": &t.ExternalGUID,
		"TimeModified": &t.TimeModified, "TxnDate": &t.TxnDate,
	}, nested)
}

// readPreferences reads the preferences the sync needs from a
// PreferencesRet; the others are passed over.
func readPreferences(sc *xmlscan.Scanner, p *Preferences) error {
	var inventory, estimates string
	err := fields(sc, nil, map[string]func() error{
		"PurchasesAndVendorsPreferences": func() error { return textOf(sc, "IsUsingInventory", &inventory) },
		"JobsAndEstimatesPreferences":    func() error { return textOf(sc, "IsUsingEstimates", &estimates) },
	})
	for _, f := range []struct {
		text string
		dst  **bool
	}{{inventory, &p.UsingInventory}, {estimates, &p.UsingEstimates}} {
		if err != nil || f.text == "" {
			continue
		}
		on, perr := strconv.ParseBool(strings.TrimSpace(f.text))
		if perr != nil {
			return fmt.Errorf("a preference %.20q is not true or false", f.text)
		}
		*f.dst = &on
	}
	return err
}
