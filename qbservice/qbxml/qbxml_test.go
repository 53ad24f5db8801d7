package qbxml

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Each request this package writes is valid qbXML 13.0, alone and in one
// message set, names and descriptions beyond ASCII included.
func TestRequestsFollowIntuitsSchema(t *testing.T) {
	requests := map[string]Request{
		"host":                  HostQuery{RequestID: "1"},
		"company":               CompanyQuery{RequestID: "2", OwnerID: "{57F3B9B1-86F1-4fcc-B1EE-566DE1813D20}"},
		"company without owner": CompanyQuery{},
		"services, first page":  ItemQuery{Kind: ItemService, RequestID: "3", Iterator: IteratorStart, MaxReturned: 100},
		"other charges, next":   ItemQuery{Kind: ItemOtherCharge, RequestID: "4", Iterator: IteratorContinue, IteratorID: "{6b474085-9943-46e2-ad71-d0a5aba9e948}", MaxReturned: 100},
		"stop":                  ItemQuery{Kind: ItemService, Iterator: IteratorStop, IteratorID: "{6b474085-9943-46e2-ad71-d0a5aba9e948}"},
		"add":                   ServiceItemAdd{RequestID: "5", Name: "Retainage Payable", Description: "Retainage held", Account: "Retainage Payable"},
		"add, beyond ASCII":     ServiceItemAdd{RequestID: "6", Name: "Retenue — Décor & <Co>", Description: "Œuvre"},
		"service by name":       ItemByName{Kind: ItemService, RequestID: "7", Name: "Retainage Payable"},
		"cost code under a parent": ServiceItemAdd{RequestID: "14", Name: "100", Parent: "01", Description: "Pvmt Repair/Sealing",
			IncomeAccount: "80000010-1", ExpenseAccount: "80000011-1"},
		"cost code, expense only": ServiceItemAdd{RequestID: "15", Name: "200", Description: "Demolition", ExpenseAccount: "80000011-1"},
		"customers, first page":   CustomerQuery{RequestID: "16", Iterator: IteratorStart, MaxReturned: 500},
		"customers, next page":    CustomerQuery{RequestID: "17", Iterator: IteratorContinue, IteratorID: "{6b474085-9943-46e2-ad71-d0a5aba9e948}", MaxReturned: 500},
		"purchase order": PurchaseOrderAdd{RequestID: "18", VendorListID: "80000001-1", TxnDate: "2026-12-07", RefNumber: "SC-0001-EAS",
			Memo: "Subcontract SC-0001-EAST-02", VendorMsg: "Site work, phase 1", Lines: []PurchaseOrderLine{
				{ItemListID: "8000A002-1", Desc: "Supervision", Amount: 1250050, CustomerListID: "B0000002-1"},
				{ItemListID: "8000A005-1", Amount: -2000},
			}},
		"purchase order, marked": PurchaseOrderAdd{RequestID: "20", VendorListID: "80000001-1", RefNumber: "10543", ExternalGUID: GUID("procore 7 commitment 41"),
			Lines: []PurchaseOrderLine{{ItemListID: "8000A002-1", Amount: 25000}}},
		"purchase orders by number": PurchaseOrderQuery{RequestID: "21", RefNumber: "SC-0001-EAS", Lines: true},
		"purchase order by TxnID":   PurchaseOrderQuery{RequestID: "22", TxnID: "1A2-1607111111"},
		"purchase order's change": PurchaseOrderMod{RequestID: "25", TxnID: "1A2-1607111111", EditSequence: "1607111111", Keep: []string{"1A4-1607111111", "1A5-1607111111"},
			Add: []PurchaseOrderLine{{ItemListID: "8000A002-1", Desc: "CO #45: extra footings", Amount: 23300, CustomerListID: "B0000002-1"}}},
		"bills by number": BillQuery{RequestID: "23", RefNumber: "9348"},
		"bill with retainage": BillAdd{RequestID: "24", VendorListID: "80000001-1", TxnDate: "2021-03-31", RefNumber: "9348", ExternalGUID: GUID("x"),
			Lines: []BillLine{
				{ItemListID: "8000A002-1", Desc: "Forms equipment", Amount: 50000, CustomerListID: "B0000002-1", LinkTxnID: "1A2-1", LinkTxnLineID: "1A4-1"},
				{ItemListID: "8000A005-1", Amount: 50000, CustomerListID: "B0000002-1"},
				{ItemListID: "80000000-1", Desc: "Retainage held", Amount: -2000, CustomerListID: "B0000002-1"},
			}},
		"purchase order, one line": PurchaseOrderAdd{RequestID: "19", VendorListID: "80000001-1", Lines: []PurchaseOrderLine{{ItemListID: "8000A002-1", Amount: 50000}}},
		"estimate": EstimateAdd{RequestID: "31", CustomerListID: "B0000002-1", ExternalGUID: GUID("b"), Lines: []EstimateLine{
			{ItemListID: "8000A002-1", Amount: 1250050}, {ItemListID: "8000A005-1", Desc: "Footings", Amount: 0}}},
		"estimates of a job": EstimateQuery{RequestID: "32", CustomerListID: "B0000002-1", Lines: true},
		"estimate by TxnID":  EstimateQuery{RequestID: "33", TxnID: "5A-1607111111"},
		"estimate's change": EstimateMod{RequestID: "34", TxnID: "5A-1607111111", EditSequence: "1607111111", Lines: []EstimateLineMod{
			{TxnLineID: "5A-1", Kept: true}, {TxnLineID: "5A-2", EstimateLine: EstimateLine{ItemListID: "8000A002-1", Amount: 99}},
			{EstimateLine: EstimateLine{ItemListID: "8000A005-1", Amount: -5}}}},
		"bills changed since": CostQuery{Kind: CostBill, RequestID: "35", Iterator: IteratorStart, MaxReturned: 500, From: "2026-12-01T10:00:00-08:00"},
		"every check":         CostQuery{Kind: CostCheck, RequestID: "36", Iterator: IteratorStart, MaxReturned: 500},
		"card charges, next":  CostQuery{Kind: CostCreditCardCharge, Iterator: IteratorContinue, IteratorID: "{6b474085-9943-46e2-ad71-d0a5aba9e948}", MaxReturned: 500},
		"item receipts":       CostQuery{Kind: CostItemReceipt, Iterator: IteratorStart},
		"vendor credits":      CostQuery{Kind: CostVendorCredit, Iterator: IteratorStart, From: "2026-12-01"},
		"card credits":        CostQuery{Kind: CostCreditCardCredit, Iterator: IteratorStart},
		"deleted since":       DeletedQuery{RequestID: "37", From: "2026-12-01T10:00:00-08:00"},
		"every deleted":       DeletedQuery{},
		"customer by name":    CustomerByName{RequestID: "26", FullName: "Lakeview Health:Clinic West Wing"},
		"customer by ListID":  CustomerByID{RequestID: "27", ListID: "B0000002-1"},
		"job under a customer": JobAdd{RequestID: "28", Job: Job{Name: "Clinic West Wing", Parent: "Lakeview Health", IsActive: true,
			Address: Address{Addr1: "12 Lake Rd", City: "Concord", State: "NH", PostalCode: "03301"}, ExternalGUID: GUID("p")}},
		"job at the top":        JobAdd{RequestID: "29", Job: Job{Name: "Riverside Gym"}},
		"job's change":          JobMod{RequestID: "30", ListID: "B0000002-1", EditSequence: "1607111111", Job: Job{Name: "Clinic West Wing 2", IsActive: true, Address: Address{City: "Manchester"}}},
		"vendors, first page":   VendorQuery{RequestID: "8", Iterator: IteratorStart, MaxReturned: 500},
		"vendors changed since": VendorQuery{RequestID: "9", Iterator: IteratorStart, MaxReturned: 500, From: "2024-01-15T10:00:00-08:00"},
		"vendors, next page":    VendorQuery{RequestID: "10", Iterator: IteratorContinue, IteratorID: "{6b474085-9943-46e2-ad71-d0a5aba9e948}", MaxReturned: 500},
		"vendor by name":        VendorByName{RequestID: "11", Name: "Apex Concrete Supply"},
		"vendor add, name only": VendorAdd{RequestID: "12", Vendor: Vendor{Name: "Apex Concrete Supply"}},
		"vendor add, all": VendorAdd{RequestID: "13", Vendor: Vendor{Name: "Façades & Co", CompanyName: "Façades & Co LLC",
			Address: Address{Addr1: "12 Mill St", City: "Concord", State: "NH", PostalCode: "03301", Country: "US"},
			Phone:   "603-555-0100", Fax: "603-555-0101", Email: "ap@facades.example"}},
	}
	var all []Request
	for name, r := range requests {
		doc, err := MessageSet("13.0", r)
		if err != nil {
			t.Fatal(name, err)
		}
		if problem := checkSchema(t, doc); problem != "" {
			t.Errorf("%s: %s\n%s", name, problem, doc)
		}
		all = append(all, r)
	}
	doc, err := MessageSet("12.0", all...)
	if err != nil || checkSchema(t, doc) != "" {
		t.Fatalf("all at once: %v %s", err, checkSchema(t, doc))
	}
	if !strings.HasPrefix(doc, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?qbxml version=\"12.0\"?>\n<QBXML><QBXMLMsgsRq onError=\"stopOnError\">") {
		t.Fatalf("head: %.120s", doc)
	}
}

// What is written is ASCII: a name beyond it reaches QuickBooks as
// character references, and reads back as it was.
func TestTextBeyondASCIIIsReferenced(t *testing.T) {
	doc, err := MessageSet("13.0", ServiceItemAdd{Name: "Retenue — Décor", Description: "€"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range doc {
		if r > 0x7e && r != '\n' {
			t.Fatalf("%q is written as is: %s", r, doc)
		}
	}
	if !strings.Contains(doc, "<Name>Retenue &#8212; D&#233;cor</Name>") || !strings.Contains(doc, "<Desc>&#8364;</Desc>") {
		t.Fatalf("written as %s", doc)
	}
}

func TestMessageSetRefusesAVersionThatIsNone(t *testing.T) {
	for _, v := range []string{"", "13", "x.0", "13.0\"?><evil", "-1.0"} {
		if _, err := MessageSet(v, HostQuery{}); err == nil {
			t.Errorf("version %q taken", v)
		}
	}
}

func TestChooseVersion(t *testing.T) {
	for _, tc := range []struct {
		supported []string
		want      string
		ok        bool
	}{
		{[]string{"1.0", "2.0", "12.0", "13.0"}, "13.0", true},
		{[]string{"13.0", "14.0", "16.0"}, "13.0", true}, // newer QuickBooks: the highest this package writes
		{[]string{"8.0", "10.0", "7.1"}, "10.0", true},
		{[]string{"1.0", "1.1"}, "", false},               // too old
		{[]string{"2.0", "3.0", "4.0", "4.1"}, "", false}, // no iterators before 5.0
		{[]string{"4.1", "5.0"}, "5.0", true},
		{[]string{"14.0"}, "", false}, // only newer than this package writes
		{nil, "", false},
		{[]string{"garbage", "13"}, "", false},
	} {
		got, ok := ChooseVersion(tc.supported)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%v: %q %v, want %q %v", tc.supported, got, ok, tc.want, tc.ok)
		}
	}
}

func readResponses(t *testing.T, name string) []Response {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "responses", name))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseResponses(string(data))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// The Web Connector's first call brings the host, the company and the
// FileID it stored for the application.
func TestHostAndCompanyFromTheFirstCall(t *testing.T) {
	got := readResponses(t, "hcp-pro-2014.xml")
	if len(got) != 3 || got[0].Host == nil || got[1].Company == nil {
		t.Fatalf("%+v", got)
	}
	h := got[0].Host
	if h.ProductName != "QuickBooks Pro 2014" || h.MajorVersion != "24" || h.Country != "US" || h.QBFileMode != "SingleUser" ||
		len(h.SupportedQBXMLVersion) != 16 || h.SupportedQBXMLVersion[15] != "13.0" {
		t.Fatalf("host %+v", h)
	}
	if v, ok := ChooseVersion(h.SupportedQBXMLVersion); v != "13.0" || !ok {
		t.Fatalf("version %q", v)
	}
	c := got[1].Company
	if c.CompanyName != "myCompany" || c.FileID("{512349B1-1111-2222-3333-000DE1813D20}") != "{00000ee-1111-ffff-cccc-5ff123456047}" ||
		c.FileID("512349b1-1111-2222-3333-000de1813d20") == "" || c.FileID("{00000000-0000-0000-0000-000000000000}") != "" {
		t.Fatalf("company %+v", c)
	}
	if got[2].Name != "PreferencesQueryRs" || got[2].Status.Code != 0 || got[2].Status.Failed() {
		t.Fatalf("preferences %+v", got[2])
	}
	// This company file uses estimates, and not purchase orders.
	p := got[2].Preferences
	if p == nil || p.UsingInventory == nil || *p.UsingInventory || p.UsingEstimates == nil || !*p.UsingEstimates {
		t.Fatalf("preferences %+v", p)
	}
}

func TestItemsAndIterators(t *testing.T) {
	got := readResponses(t, "itemquery-service.xml")
	want := []Item{{Kind: ItemService, ListID: "80000002-1273542783", EditSequence: "1273542783", Name: "Awesome", FullName: "Awesome", IsActive: true}}
	if len(got) != 1 || !reflect.DeepEqual(got[0].Items, want) {
		t.Fatalf("%+v", got)
	}
	first, last := readResponses(t, "iterator-first-page.xml"), readResponses(t, "iterator-last-page.xml")
	if first[0].IteratorID != "{6b474085-9943-46e2-ad71-d0a5aba9e948}" || first[0].IteratorRemaining != 1 ||
		last[0].IteratorID != first[0].IteratorID || last[0].IteratorRemaining != 0 {
		t.Fatalf("first %+v\nlast %+v", first[0], last[0])
	}
}

func TestRefusedAdd(t *testing.T) {
	got := readResponses(t, "itemserviceadd-3100.xml")
	if len(got) != 1 || got[0].Name != "ItemServiceAddRs" || got[0].Status.Code != 3100 || !got[0].Status.Failed() ||
		!strings.Contains(got[0].Status.Message, `"Shipping Item - QuickBooks Inte"`) || len(got[0].Items) != 0 {
		t.Fatalf("%+v", got)
	}
}

func TestWhatIsNotAResponseIsRefused(t *testing.T) {
	for _, doc := range []string{
		"", "not xml", "<QBXML/>", "<other/>",
		`<QBXML><QBXMLMsgsRs><HostQueryRs requestID="0"/></QBXMLMsgsRs></QBXML>`,  // no status
		`<QBXML><QBXMLMsgsRs><HostQueryRs statusCode="x"/></QBXMLMsgsRs></QBXML>`, // a status that is no number
		`<QBXML><QBXMLMsgsRs><HostQueryRq statusCode="0"/></QBXMLMsgsRs></QBXML>`, // a request
		`<QBXML><QBXMLMsgsRs><HostQueryRs statusCode="0"><HostRet></QBXMLMsgsRs>`, // cut short
	} {
		if got, err := ParseResponses(doc); err == nil {
			t.Errorf("%q read as %+v", doc, got)
		}
	}
}

// A vendor is read with what Procore's vendor has of it; one without its
// ListID, or with a name longer than QuickBooks keeps, is refused.
func TestVendorsAreRead(t *testing.T) {
	page := `<?xml version="1.0" ?><QBXML><QBXMLMsgsRs><VendorQueryRs requestID="1" statusCode="0" statusSeverity="Info" statusMessage="Status OK" iteratorRemainingCount="0" iteratorID="{x}">` +
		`<VendorRet><ListID>80000001-1</ListID><TimeCreated>2024-01-15T10:00:00-08:00</TimeCreated><TimeModified>2024-02-01T09:30:00-08:00</TimeModified>` +
		`<EditSequence>1706808600</EditSequence><Name>Apex Concrete Supply</Name><IsActive>false</IsActive><CompanyName>Apex Concrete Supply Inc.</CompanyName>` +
		`<VendorAddress><Addr1>1 Quarry Rd</Addr1><City>Barre</City><State>VT</State><PostalCode>05641</PostalCode><Country>US</Country></VendorAddress>` +
		`<Phone>802-555-0100</Phone><Fax>802-555-0101</Fax><Email>ap@apex.example</Email></VendorRet></VendorQueryRs></QBXMLMsgsRs></QBXML>`
	rs, err := ParseResponses(page)
	if err != nil || len(rs) != 1 || len(rs[0].Vendors) != 1 {
		t.Fatalf("%v %+v", err, rs)
	}
	want := Vendor{ListID: "80000001-1", EditSequence: "1706808600", TimeModified: "2024-02-01T09:30:00-08:00", Name: "Apex Concrete Supply",
		CompanyName: "Apex Concrete Supply Inc.", Address: Address{Addr1: "1 Quarry Rd", City: "Barre", State: "VT", PostalCode: "05641", Country: "US"},
		Phone: "802-555-0100", Fax: "802-555-0101", Email: "ap@apex.example"}
	if got := rs[0].Vendors[0]; got != want {
		t.Fatalf("read %+v\nwant %+v", got, want)
	}
	for name, bad := range map[string]string{
		"no ListID":  strings.Replace(page, "<ListID>80000001-1</ListID>", "", 1),
		"long name":  strings.Replace(page, "Apex Concrete Supply<", strings.Repeat("A", 42)+"<", 1),
		"long state": strings.Replace(page, "<State>VT", "<State>"+strings.Repeat("V", 22), 1),
	} {
		if _, err := ParseResponses(bad); !errors.Is(err, ErrOutOfSchema) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A purchase order QuickBooks answered is read with its lines, and the
// mark the service gave it; a GUID is what the schema holds, and the same
// for the same text.
func TestPurchaseOrdersAreRead(t *testing.T) {
	got := readResponses(t, "purchaseorderadd.xml")
	if len(got) != 1 || len(got[0].Txns) != 1 {
		t.Fatalf("%+v", got)
	}
	po := got[0].Txns[0]
	want := Txn{TxnID: "1A2-1607111111", EditSequence: "1607111111", RefNumber: "SC-0001-EAS",
		ExternalGUID: "{0c8f36a2-7e1b-4f3a-9a52-2d9e6f1b7c01}", VendorListID: "80000001-1", TimeModified: "2026-12-07T09:30:11-08:00", TxnDate: "2026-12-07",
		Lines: []TxnLine{{TxnLineID: "1A4-1607111111", ItemListID: "8000A002-1", CustomerListID: "B0000002-1", Amount: "12500.50"},
			{TxnLineID: "1A5-1607111111", ItemListID: "8000A005-1", Amount: "-20.00"}}}
	if !reflect.DeepEqual(po, want) {
		t.Fatalf("got %+v", po)
	}
	if Marked(got[0].Txns, "{0C8F36A2-7E1B-4F3A-9A52-2D9E6F1B7C01}") == nil || Marked(got[0].Txns, GUID("another")) != nil {
		t.Fatal("the mark is not found as QuickBooks compares it")
	}
	bill := readResponses(t, "billadd.xml")[0].Txns
	if len(bill) != 1 || bill[0].TxnID != "1B7-1607222222" || len(bill[0].Lines) != 3 || bill[0].Lines[2].ItemListID != "80000000-1" {
		t.Fatalf("bill %+v", bill)
	}
	g := GUID("procore 7 commitment 41")
	if g != GUID("procore 7 commitment 41") || g == GUID("procore 7 commitment 42") || !SameGUID(g, strings.ToUpper(g)) || SameGUID("", "") {
		t.Fatalf("GUID %s", g)
	}
}
