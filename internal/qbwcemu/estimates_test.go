package qbwcemu

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"qbsettings/internal/qbxmlschema"
	"qbsettings/qbservice/qbxml"
)

// An estimate is added for a job with its lines (the answer valid
// qbXML), found among the job's estimates by its mark, and changed as
// QuickBooks changes one: lines named alone kept, named with an amount
// changed, -1 added, the others deleted. With estimates off it is
// refused (3250); a stale EditSequence too (3200).
func TestEstimatesAreAddedAndChangedAsQuickBooksDoes(t *testing.T) {
	q := NewQuickBooks(items(3))
	add := qbxml.EstimateAdd{CustomerListID: "B0000002-1468535148", ExternalGUID: qbxml.GUID("b"), Lines: []qbxml.EstimateLine{
		{ItemListID: "80000001-1", Amount: 1000000}, {ItemListID: "80000002-1", Amount: 50}, {ItemListID: "80000003-1", Amount: 7}}}
	doc, _ := qbxml.MessageSet("13.0", add)
	answer, _, _ := q.ProcessInSession(doc)
	if !strings.Contains(answer, "<TotalAmount>10000.57</TotalAmount>") {
		t.Fatal(answer)
	}
	if runtime.GOOS != "windows" {
		var invalid *qbxmlschema.Invalid
		if err := qbxmlschema.Check(answer); errors.As(err, &invalid) || err != nil {
			t.Fatalf("the answer is not qbXML: %v\n%s", err, answer)
		}
	}
	found := ask(t, q, qbxml.EstimateQuery{CustomerListID: "B0000002-1468535148", Lines: true})[0]
	if len(found.Txns) != 1 || found.Txns[0].ExternalGUID != add.ExternalGUID || len(found.Txns[0].Lines) != 3 || found.Txns[0].CustomerListID != add.CustomerListID {
		t.Fatalf("found %+v", found)
	}
	e := found.Txns[0]
	if r := ask(t, q, qbxml.EstimateQuery{CustomerListID: "B0000003-1468535148"})[0]; len(r.Txns) != 0 || r.Status.Failed() {
		t.Fatalf("another job's %+v", r)
	}
	stale := qbxml.EstimateMod{TxnID: e.TxnID, EditSequence: "1"}
	if r := ask(t, q, stale)[0]; r.Status.Code != 3200 {
		t.Fatalf("stale %+v", r.Status)
	}
	change := qbxml.EstimateMod{TxnID: e.TxnID, EditSequence: e.EditSequence, Lines: []qbxml.EstimateLineMod{
		{TxnLineID: e.Lines[0].TxnLineID, Kept: true},
		{TxnLineID: e.Lines[2].TxnLineID, EstimateLine: qbxml.EstimateLine{ItemListID: "80000003-1", Amount: 900}},
		{EstimateLine: qbxml.EstimateLine{ItemListID: "80000002-1", Amount: 100}},
	}}
	changed := ask(t, q, change)[0]
	got := q.EstimateList()[0]
	if changed.Status.Failed() || len(got.Lines) != 3 || got.Lines[0].Amount != "10000.00" || got.Lines[1].Amount != "9.00" || got.Lines[2].Amount != "1.00" ||
		got.Lines[1].TxnLineID != e.Lines[2].TxnLineID {
		t.Fatalf("changed %+v to %+v", changed.Status, got)
	}
	q.SetPreferences(true, false)
	if r := ask(t, q, add)[0]; r.Status.Code != 3250 {
		t.Fatalf("estimates off: %+v", r.Status)
	}
}
