package qbwcemu

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"qbsettings/internal/qbxmlschema"
	"qbsettings/qbservice/qbxml"
)

func items(n int) []Item {
	out := []Item{{Kind: "Service", ListID: "8000FFFF-1", Name: "01 General", FullName: "01 General", IsActive: true, EditSequence: "1"}}
	for i := range n {
		out = append(out, Item{Kind: "Service", ListID: fmt.Sprintf("8000%04X-1", i+1), Name: fmt.Sprintf("Code %02d", i),
			FullName: fmt.Sprintf("01 General:Code %02d", i), IsActive: i != 2, EditSequence: "1", Description: "Fees & <permits>"})
	}
	return append(out, Item{Kind: "OtherCharge", ListID: "9000-1", Name: "Freight", FullName: "Freight", IsActive: true})
}

// A list no company file could hold stops the emulator: QuickBooks' rules
// for names, full names, parents and siblings.
func TestCompanyFileFollowsQuickBooksRules(t *testing.T) {
	if problem := companyFileProblem(items(5)); problem != "" {
		t.Fatal(problem)
	}
	for name, bad := range map[string][]Item{
		"a parent missing":       {{Kind: "Service", Name: "B", FullName: "A:B"}},
		"a parent of other kind": {{Kind: "OtherCharge", Name: "A", FullName: "A"}, {Kind: "Service", Name: "B", FullName: "A:B"}},
		"siblings, in any case":  {{Kind: "Service", Name: "Retainage", FullName: "Retainage"}, {Kind: "OtherCharge", Name: "RETAINAGE", FullName: "RETAINAGE"}},
		"a name of 32":           {{Kind: "Service", Name: strings.Repeat("n", 32), FullName: strings.Repeat("n", 32)}},
		"a name not its own":     {{Kind: "Service", Name: "A", FullName: "B"}},
		"a full name of 160": func() []Item {
			var out []Item
			full := ""
			for i := range 6 {
				name := strings.Repeat(string(rune('a'+i)), 26)
				if full != "" {
					full += ":"
				}
				full += name
				out = append(out, Item{Kind: "Service", Name: name, FullName: full})
			}
			return out
		}(),
	} {
		if companyFileProblem(bad) == "" {
			t.Errorf("%s: taken", name)
		}
	}
}

// Each answer of the emulated QuickBooks is valid qbXML: the schema takes
// it, as it takes the Web Connector's first answer.
func TestAnswersAreValidQBXML(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the schema check runs on Linux, with xmllint")
	}
	qb := NewQuickBooks(items(5))
	qb.open("{3F0F2C4B-6A1E-4D8C-9B2A-5E7D1C0A9F31}", "{8C1E5A20-7B3D-4F69-A2C4-D90E6B17F5A8}")
	wc := WebConnector{OwnerID: "{3F0F2C4B-6A1E-4D8C-9B2A-5E7D1C0A9F31}", QuickBooks: qb}
	if err := qbxmlschema.Check(wc.hcpResponse()); err != nil {
		t.Fatalf("first answer: %v", err)
	}
	for _, r := range []qbxml.Request{
		qbxml.HostQuery{RequestID: "h"},
		qbxml.CompanyQuery{RequestID: "c", OwnerID: "{3F0F2C4B-6A1E-4D8C-9B2A-5E7D1C0A9F31}"},
		qbxml.ItemQuery{Kind: qbxml.ItemService, RequestID: "s", Iterator: qbxml.IteratorStart, MaxReturned: 2},
		qbxml.ItemQuery{Kind: qbxml.ItemOtherCharge, RequestID: "o"},
		qbxml.ServiceItemAdd{RequestID: "a", Name: "Retainage Payable", Description: "Held", Account: "Retainage Payable"},
		qbxml.ServiceItemAdd{RequestID: "dup", Name: "Freight"},
	} {
		doc, err := qbxml.MessageSet("13.0", r)
		if err != nil {
			t.Fatal(err)
		}
		resp, hresult, _ := qb.Process(doc)
		if hresult != "" {
			t.Fatalf("%T refused: %s", r, hresult)
		}
		if err := qbxmlschema.Check(resp); err != nil {
			t.Errorf("%T answered with invalid qbXML: %v\n%s", r, err, resp)
		}
	}
}

// Iterators give a query a page at a time, counting what remains, and end
// with the QuickBooks session; an invalid request fails as QuickBooks
// fails it.
func TestIteratorsAndRefusals(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("refusing what the schema refuses needs xmllint, on Linux")
	}
	qb := NewQuickBooks(items(5))
	qb.open("", "")
	page := func(r qbxml.Request) qbxml.Response {
		t.Helper()
		doc, _ := qbxml.MessageSet("13.0", r)
		resp, hresult, _ := qb.Process(doc)
		got, err := qbxml.ParseResponses(resp)
		if err != nil || hresult != "" || len(got) != 1 {
			t.Fatalf("%v %s %+v", err, hresult, got)
		}
		return got[0]
	}
	first := page(qbxml.ItemQuery{Kind: qbxml.ItemService, Iterator: qbxml.IteratorStart, MaxReturned: 2})
	second := page(qbxml.ItemQuery{Kind: qbxml.ItemService, Iterator: qbxml.IteratorContinue, IteratorID: first.IteratorID, MaxReturned: 2})
	last := page(qbxml.ItemQuery{Kind: qbxml.ItemService, Iterator: qbxml.IteratorContinue, IteratorID: first.IteratorID, MaxReturned: 2})
	// Six (a parent and five sub-items), the inactive third sub-item among
	// them (ActiveStatus All), in pages of two.
	if len(first.Items) != 2 || first.IteratorRemaining != 4 || len(second.Items) != 2 || second.IteratorRemaining != 2 ||
		len(last.Items) != 2 || last.IteratorRemaining != 0 || second.Items[1].IsActive || second.Items[1].FullName != "01 General:Code 02" {
		t.Fatalf("pages %+v / %+v / %+v", first, second, last)
	}
	qb.closeSession()
	qb.open("", "")
	if gone := page(qbxml.ItemQuery{Kind: qbxml.ItemService, Iterator: qbxml.IteratorContinue, IteratorID: first.IteratorID, MaxReturned: 2}); gone.Status.Code != 3120 {
		t.Fatalf("an iterator of an ended session: %+v", gone)
	}
	bad := `<?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="stopOnError"><ItemServiceQueryRq><ActiveStatus>All</ActiveStatus><MaxReturned>2</MaxReturned></ItemServiceQueryRq></QBXMLMsgsRq></QBXML>`
	if _, hresult, message := qb.Process(bad); hresult != HResultParse || !strings.Contains(message, "parsing") {
		t.Fatalf("out of order: %s %s", hresult, message)
	}
	newer := strings.Replace(bad, "<ActiveStatus>All</ActiveStatus><MaxReturned>2</MaxReturned>", "", 1)
	qb.Versions = []string{"12.0"}
	if _, hresult, _ := qb.Process(newer); hresult != "0x80040423" {
		t.Fatalf("a version it does not speak: %s", hresult)
	}
}

// Vendors and customers with their jobs: asked a page at a time, active
// only unless asked otherwise, a job under its customer; every answer
// valid qbXML.
func TestVendorsAndCustomerJobs(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the schema check runs on Linux, with xmllint")
	}
	qb := NewQuickBooks(items(1))
	qb.open("", "")
	ask := func(body string) qbxml.Response {
		t.Helper()
		doc := `<?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="stopOnError">` + body + `</QBXMLMsgsRq></QBXML>`
		resp, hresult, _ := qb.Process(doc)
		if hresult != "" {
			t.Fatalf("%s: %s", body, hresult)
		}
		if err := qbxmlschema.Check(resp); err != nil {
			t.Fatalf("invalid qbXML: %v\n%s", err, resp)
		}
		got, err := qbxml.ParseResponses(resp)
		if err != nil || len(got) != 1 {
			t.Fatal(err)
		}
		if strings.Contains(body, "Customer") && !strings.Contains(resp, "<ParentRef><FullName>Lakeview Health</FullName></ParentRef><Sublevel>1</Sublevel>") {
			t.Fatalf("no job under its customer:\n%s", resp)
		}
		return got[0]
	}
	vendors := ask(`<VendorQueryRq requestID="v" iterator="Start"><MaxReturned>1</MaxReturned></VendorQueryRq>`)
	next := ask(`<VendorQueryRq requestID="v2" iterator="Continue" iteratorID="` + vendors.IteratorID + `"><MaxReturned>5</MaxReturned></VendorQueryRq>`)
	if vendors.IteratorRemaining != 1 || next.IteratorRemaining != 0 { // the inactive one left out
		t.Fatalf("vendors: %d then %d remaining", vendors.IteratorRemaining, next.IteratorRemaining)
	}
	all := ask(`<VendorQueryRq requestID="v3" iterator="Start"><ActiveStatus>All</ActiveStatus></VendorQueryRq>`)
	if all.IteratorRemaining != 0 || all.Status.Code != 0 {
		t.Fatalf("all vendors: %+v", all)
	}
	ask(`<CustomerQueryRq requestID="c" iterator="Start"><MaxReturned>10</MaxReturned></CustomerQueryRq>`)
}
