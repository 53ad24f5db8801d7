package qbwcemu

import (
	"errors"
	"runtime"
	"testing"
	"time"

	"qbsettings/internal/qbxmlschema"
	"qbsettings/qbservice/qbxml"
)

// Each kind of cost transaction is answered as QuickBooks answers it
// (valid qbXML), with its item lines and their jobs; a read since a time
// leaves out what did not change since; a deleted one is listed by
// TxnDeletedQuery.
func TestCostTransactionsAreReadAsQuickBooksAnswers(t *testing.T) {
	q := NewQuickBooks(items(2))
	clock := fileMade
	q.Clock = func() time.Time { clock = clock.Add(time.Minute); return clock } // each change a minute on
	line := []CostTxnLine{{ItemListID: "80000001-1", CustomerListID: "B0000002-1468535148", Amount: "100.00"}, {ItemListID: "80000002-1", Amount: "5.00"}}
	var ids []string
	for _, kind := range qbxml.CostKinds {
		ids = append(ids, q.AddCostTxn(CostTxn{Kind: string(kind), TxnDate: "2026-12-01", Lines: append([]CostTxnLine(nil), line...)}))
	}
	for _, kind := range qbxml.CostKinds {
		doc, _ := qbxml.MessageSet("13.0", qbxml.CostQuery{Kind: kind, Iterator: qbxml.IteratorStart, MaxReturned: 10})
		answer, _, _ := q.ProcessInSession(doc)
		if runtime.GOOS != "windows" {
			var invalid *qbxmlschema.Invalid
			if err := qbxmlschema.Check(answer); errors.As(err, &invalid) || err != nil {
				t.Fatalf("%s: the answer is not qbXML: %v\n%s", kind, err, answer)
			}
		}
		r := answerOf(t, q, doc)[0]
		if len(r.Txns) != 1 || len(r.Txns[0].Lines) != 2 || r.Txns[0].Lines[0].CustomerListID != "B0000002-1468535148" ||
			r.Txns[0].Lines[0].Amount != "100.00" || r.Txns[0].TxnDate != "2026-12-01" || r.Txns[0].TimeModified == "" {
			t.Fatalf("%s: %+v", kind, r)
		}
	}
	first := ask(t, q, qbxml.CostQuery{Kind: qbxml.CostCheck, Iterator: qbxml.IteratorStart})[0].Txns[0]
	q.ChangeCostTxn(ids[1], func(c *CostTxn) { c.Lines[0].Amount = "150.00" })
	since := ask(t, q, qbxml.CostQuery{Kind: qbxml.CostBill, Iterator: qbxml.IteratorStart, From: first.TimeModified})[0]
	if len(since.Txns) != 0 {
		t.Fatalf("bills unchanged since, read again: %+v", since.Txns)
	}
	if changed := ask(t, q, qbxml.CostQuery{Kind: qbxml.CostCheck, Iterator: qbxml.IteratorStart, From: first.TimeModified})[0]; len(changed.Txns) != 1 {
		t.Fatalf("the check changed: %+v", changed)
	}
	q.DeleteCostTxn(ids[2])
	doc, _ := qbxml.MessageSet("13.0", qbxml.DeletedQuery{})
	answer, _, _ := q.ProcessInSession(doc)
	if runtime.GOOS != "windows" {
		if err := qbxmlschema.Check(answer); err != nil {
			t.Fatalf("the answer is not qbXML: %v\n%s", err, answer)
		}
	}
	if d := answerOf(t, q, doc)[0].Deleted; len(d) != 1 || d[0].TxnID != ids[2] || d[0].Kind != qbxml.CostCreditCardCharge {
		t.Fatalf("deleted %+v", d)
	}
}
