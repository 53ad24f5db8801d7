package qbwcemu

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// request is a request of a message set, as read.
type request struct {
	XMLName      xml.Name
	RequestID    string        `xml:"requestID,attr"`
	Iterator     string        `xml:"iterator,attr"`
	IteratorID   string        `xml:"iteratorID,attr"`
	MaxReturned  int           `xml:"MaxReturned"`
	ActiveStatus string        `xml:"ActiveStatus"`
	FullNames    []string      `xml:"FullName"`
	OwnerIDs     []string      `xml:"OwnerID"`
	From         string        `xml:"FromModifiedDate"`
	VendorAdd    vendorIn      `xml:"VendorAdd"`
	VendorMod    vendorIn      `xml:"VendorMod"`
	ListIDs      []string      `xml:"ListID"`
	CustomerAdd  customerIn    `xml:"CustomerAdd"`
	CustomerMod  customerIn    `xml:"CustomerMod"`
	EstimateAdd  estimateIn    `xml:"EstimateAdd"`
	EstimateMod  estimateModIn `xml:"EstimateMod"`
	EntityFilter listRef       `xml:"EntityFilter"`
	// A cost transactions' query's, and a TxnDeletedQuery's.
	ModifiedFrom string   `xml:"ModifiedDateRangeFilter>FromModifiedDate"`
	DeletedFrom  string   `xml:"DeletedDateRangeFilter>FromDeletedDate"`
	DelTypes     []string `xml:"TxnDelType"`
	// A PurchaseOrderAddRq's, and a transaction query's.
	PurchaseOrderAdd purchaseOrderIn    `xml:"PurchaseOrderAdd"`
	BillAdd          billIn             `xml:"BillAdd"`
	PurchaseOrderMod purchaseOrderModIn `xml:"PurchaseOrderMod"`
	TxnIDs           []string           `xml:"TxnID"`
	RefNumbers       []string           `xml:"RefNumber"`
	IncludeLineItems bool               `xml:"IncludeLineItems"`
	Add              struct {
		Name      string `xml:"Name"`
		IsActive  string `xml:"IsActive"`
		ParentRef struct {
			FullName string `xml:"FullName"`
		} `xml:"ParentRef"`
		SalesAndPurchase struct {
			SalesDesc string `xml:"SalesDesc"`
		} `xml:"SalesAndPurchase"`
		SalesOrPurchase struct {
			Desc       string `xml:"Desc"`
			AccountRef struct {
				FullName string `xml:"FullName"`
			} `xml:"AccountRef"`
		} `xml:"SalesOrPurchase"`
	} `xml:"ItemServiceAdd"`
}

// iterator is a query's matches, given a page at a time: rets writes the
// ith match's Ret element.
type iterator struct {
	total int
	ret   func(i int) string
	next  int
}

func itemsIterator(items []Item) *iterator {
	return &iterator{total: len(items), ret: func(i int) string { return itemRet(items[i]) }}
}

// answer answers a message set the schema took.
func (q *QuickBooks) answer(text string) (string, error) {
	var doc struct {
		Msgs struct {
			OnError  string    `xml:"onError,attr"`
			Requests []request `xml:",any"`
		} `xml:"QBXMLMsgsRq"`
	}
	if err := xml.Unmarshal([]byte(text), &doc); err != nil {
		return "", err
	}
	var b bytes.Buffer
	b.WriteString("<?xml version=\"1.0\" ?>\n<QBXML>\n<QBXMLMsgsRs>\n")
	for _, r := range doc.Msgs.Requests {
		rs, failed := q.respond(r)
		b.WriteString(rs)
		b.WriteString("\n")
		if failed && doc.Msgs.OnError == "stopOnError" {
			break
		}
	}
	b.WriteString("</QBXMLMsgsRs>\n</QBXML>\n")
	return b.String(), nil
}

// status is a response's status attributes.
type status struct {
	code     int
	severity string
	message  string
}

var (
	statusOK      = status{0, "Info", "Status OK"}
	statusNoMatch = status{1, "Info", "A query request did not find a matching object in QuickBooks"}
)

// respond answers one request; failed is true for a status of severity
// Error.
func (q *QuickBooks) respond(r request) (string, bool) {
	name := strings.TrimSuffix(r.XMLName.Local, "Rq") + "Rs"
	switch r.XMLName.Local {
	case "HostQueryRq":
		return element(name, r.RequestID, statusOK, nil, q.hostRet()), false
	case "CompanyQueryRq":
		return element(name, r.RequestID, statusOK, nil, q.companyRet(r.OwnerIDs)), false
	case "ItemServiceQueryRq":
		return q.query(name, "Service", r)
	case "ItemOtherChargeQueryRq":
		return q.query(name, "OtherCharge", r)
	case "VendorQueryRq":
		return q.vendorQuery(name, r)
	case "VendorAddRq":
		return q.addVendor(name, r)
	case "VendorModRq":
		return q.modVendor(name, r)
	case "PurchaseOrderAddRq":
		return q.addPurchaseOrder(name, r)
	case "PurchaseOrderQueryRq":
		return q.purchaseOrderQuery(name, r)
	case "PurchaseOrderModRq":
		return q.modPurchaseOrder(name, r)
	case "EstimateAddRq":
		return q.addEstimate(name, r)
	case "EstimateQueryRq":
		return q.estimateQuery(name, r)
	case "EstimateModRq":
		return q.modEstimate(name, r)
	case "BillAddRq":
		return q.addBill(name, r)
	case "BillQueryRq":
		if r.Iterator != "" || r.ModifiedFrom != "" {
			return q.costQuery(name, "Bill", r)
		}
		return q.billQuery(name, r)
	case "CheckQueryRq", "CreditCardChargeQueryRq", "ItemReceiptQueryRq", "VendorCreditQueryRq", "CreditCardCreditQueryRq":
		return q.costQuery(name, strings.TrimSuffix(r.XMLName.Local, "QueryRq"), r)
	case "TxnDeletedQueryRq":
		return q.deletedQuery(name, r)
	case "CustomerQueryRq":
		return q.customerQuery(name, r)
	case "CustomerAddRq":
		return q.addCustomer(name, r)
	case "CustomerModRq":
		return q.modCustomer(name, r)
	case "ItemServiceAddRq":
		return q.addService(name, r)
	}
	return element(name, r.RequestID, status{1000, "Error", "The emulator does not answer " + r.XMLName.Local}, nil, ""), true
}

func (q *QuickBooks) hostRet() string {
	var b strings.Builder
	fmt.Fprintf(&b, "<HostRet><ProductName>%s</ProductName><MajorVersion>%s</MajorVersion><MinorVersion>0</MinorVersion><Country>%s</Country>",
		esc(q.Product), esc(q.MajorVersion), esc(q.Country))
	for _, v := range q.Versions {
		fmt.Fprintf(&b, "<SupportedQBXMLVersion>%s</SupportedQBXMLVersion>", esc(v))
	}
	fmt.Fprintf(&b, "<IsAutomaticLogin>false</IsAutomaticLogin><QBFileMode>%s</QBFileMode></HostRet>", esc(q.FileMode))
	return b.String()
}

func (q *QuickBooks) companyRet(owners []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<CompanyRet><IsSampleCompany>false</IsSampleCompany><CompanyName>%s</CompanyName>", esc(q.CompanyName))
	for _, o := range owners {
		if id, ok := q.FileIDs[o]; ok {
			fmt.Fprintf(&b, "<DataExtRet><OwnerID>%s</OwnerID><DataExtName>FileID</DataExtName><DataExtType>STR255TYPE</DataExtType><DataExtValue>%s</DataExtValue></DataExtRet>",
				esc(o), esc(id))
		}
	}
	b.WriteString("</CompanyRet>")
	return b.String()
}

// query answers an item query of kind: by full name, or a page at a time
// when it uses an iterator.
func (q *QuickBooks) query(name, kind string, r request) (string, bool) {
	if r.Iterator == "" && len(r.FullNames) > 0 {
		return q.byName(name, kind, r)
	}
	return q.listQuery(name, r, func() *iterator { return itemsIterator(q.matching(kind, r.ActiveStatus)) })
}

// listQuery answers a list query whose matches start gives, a page at a
// time when it uses an iterator (Start, then Continue with its ID, which
// ends with the QuickBooks session).
func (q *QuickBooks) listQuery(name string, r request, start func() *iterator) (string, bool) {
	var it *iterator
	switch r.Iterator {
	case "Continue", "Stop":
		it = q.iterators[r.IteratorID]
		if it == nil {
			return element(name, r.RequestID, status{3120, "Error",
				fmt.Sprintf("Object %q specified in the request cannot be found.", r.IteratorID)}, nil, ""), true
		}
		if r.Iterator == "Stop" {
			delete(q.iterators, r.IteratorID)
			return element(name, r.RequestID, statusOK, nil, ""), false
		}
	default:
		it = start()
		if r.Iterator == "Start" {
			r.IteratorID = newGUID()
			q.iterators[r.IteratorID] = it
		}
	}
	end := it.total
	if r.MaxReturned > 0 {
		end = min(end, it.next+r.MaxReturned)
	}
	var body strings.Builder
	for i := it.next; i < end; i++ {
		body.WriteString(it.ret(i))
	}
	returned := end - it.next
	it.next = end
	attrs := map[string]string{}
	if r.Iterator != "" {
		attrs["iteratorRemainingCount"] = strconv.Itoa(it.total - it.next)
		attrs["iteratorID"] = r.IteratorID
	}
	st := statusOK
	if returned == 0 && r.Iterator != "Continue" {
		st = statusNoMatch
	}
	return element(name, r.RequestID, st, attrs, body.String()), false
}

// byName answers a query by full name: the items of kind named, active or
// not, with status 500 (a warning) when a name is not found, as QuickBooks
// answers.
func (q *QuickBooks) byName(name, kind string, r request) (string, bool) {
	var body strings.Builder
	for _, want := range r.FullNames {
		found := false
		for _, it := range q.Items {
			if it.Kind == kind && strings.EqualFold(it.FullName, want) {
				body.WriteString(itemRet(it))
				found = true
			}
		}
		if !found {
			return element(name, r.RequestID, status{500, "Warn", fmt.Sprintf(
				"The query request has not been fully completed. There was a required element (%q) that could not be found in QuickBooks.", want)},
				nil, body.String()), false
		}
	}
	return element(name, r.RequestID, statusOK, nil, body.String()), false
}

// matching are the items of kind with the active status asked (QuickBooks'
// default: active only), by full name.
func (q *QuickBooks) matching(kind, active string) []Item {
	var out []Item
	for _, it := range q.Items {
		if it.Kind != kind || active == "InactiveOnly" && it.IsActive || (active == "" || active == "ActiveOnly") && !it.IsActive {
			continue
		}
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].FullName < out[j].FullName })
	return out
}

// addService adds a Service item, under its ParentRef when it has one:
// refused with 3120 when that parent is not a Service item, with 3100
// when the full name is in use (among items of any kind, ignoring case),
// or as AddRefused says.
func (q *QuickBooks) addService(name string, r request) (string, bool) {
	if q.AddRefused != 0 {
		return element(name, r.RequestID, status{q.AddRefused, "Error", refusal(q.AddRefused, r.Add.Name)}, nil, ""), true
	}
	full := r.Add.Name
	if parent := r.Add.ParentRef.FullName; parent != "" {
		found := false
		for _, it := range q.Items {
			found = found || it.Kind == "Service" && strings.EqualFold(it.FullName, parent)
		}
		if !found {
			return element(name, r.RequestID, status{3120, "Error", fmt.Sprintf(refusals[3120], parent)}, nil, ""), true
		}
		full = parent + ":" + r.Add.Name
	}
	for _, it := range q.Items {
		if strings.EqualFold(it.FullName, full) {
			return element(name, r.RequestID, status{3100, "Error",
				fmt.Sprintf("The name %q of the list element is already in use.", r.Add.Name)}, nil, ""), true
		}
	}
	desc := r.Add.SalesOrPurchase.Desc
	if desc == "" {
		desc = r.Add.SalesAndPurchase.SalesDesc
	}
	_, seq := q.changed()
	item := Item{Kind: "Service", ListID: fmt.Sprintf("8000%04X-1700000000", len(q.Items)+1), Name: r.Add.Name, FullName: full,
		IsActive: r.Add.IsActive != "false", EditSequence: seq, Description: desc,
		Account: r.Add.SalesOrPurchase.AccountRef.FullName}
	q.Items = append(q.Items, item)
	return element(name, r.RequestID, statusOK, nil, itemRet(item)), false
}

// itemRet writes an ItemServiceRet or ItemOtherChargeRet in schema order.
func itemRet(it Item) string {
	var b strings.Builder
	tag := "Item" + it.Kind + "Ret"
	fmt.Fprintf(&b, "<%s><ListID>%s</ListID><TimeCreated>2024-01-15T10:00:00-08:00</TimeCreated><TimeModified>2024-01-15T10:00:00-08:00</TimeModified>",
		tag, esc(it.ListID))
	fmt.Fprintf(&b, "<EditSequence>%s</EditSequence><Name>%s</Name><FullName>%s</FullName><IsActive>%t</IsActive>",
		esc(it.EditSequence), esc(it.Name), esc(it.FullName), it.IsActive)
	level := strings.Count(it.FullName, ":")
	if level > 0 {
		parent := it.FullName[:strings.LastIndex(it.FullName, ":")]
		fmt.Fprintf(&b, "<ParentRef><FullName>%s</FullName></ParentRef>", esc(parent))
	}
	fmt.Fprintf(&b, "<Sublevel>%d</Sublevel><SalesOrPurchase>", level)
	if it.Description != "" {
		fmt.Fprintf(&b, "<Desc>%s</Desc>", esc(it.Description))
	}
	if it.Price != "" {
		fmt.Fprintf(&b, "<Price>%s</Price>", esc(it.Price))
	}
	if it.Account != "" {
		fmt.Fprintf(&b, "<AccountRef><FullName>%s</FullName></AccountRef>", esc(it.Account))
	}
	fmt.Fprintf(&b, "</SalesOrPurchase></%s>", tag)
	return b.String()
}

// element writes a response: its status attributes, any others, its body.
func element(name, requestID string, st status, attrs map[string]string, body string) string {
	var b strings.Builder
	b.WriteString("<" + name)
	if requestID != "" {
		fmt.Fprintf(&b, ` requestID="%s"`, esc(requestID))
	}
	fmt.Fprintf(&b, ` statusCode="%d" statusSeverity="%s" statusMessage="%s"`, st.code, st.severity, esc(st.message))
	for _, k := range []string{"iteratorRemainingCount", "iteratorID"} {
		if v, ok := attrs[k]; ok {
			fmt.Fprintf(&b, ` %s="%s"`, k, esc(v))
		}
	}
	if body == "" {
		b.WriteString(" />")
		return b.String()
	}
	b.WriteString(">" + body + "</" + name + ">")
	return b.String()
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// refusals are QuickBooks' messages for the status codes it refuses an add
// or a change with, the element named where QuickBooks names it.
var refusals = map[int]string{
	3120: "Object %q specified in the request cannot be found.",
	3170: "There was an error when saving a Service list element %q. The list is being modified by another user.",
	3175: "There was an error when saving a Service list element %q. The list is in use by another user.",
	3176: "There was an error when saving a Service list element %q. The record is in use by another user.",
	3180: "There was an error when saving a Service list element %q. QuickBooks error message: This list has been modified by another user.",
	3200: "The provided edit sequence for %q is out-of-date.",
}

func refusal(code int, name string) string {
	if m, ok := refusals[code]; ok {
		return fmt.Sprintf(m, name)
	}
	return fmt.Sprintf("There was an error when saving a Service list element %q.", name)
}
