package qbwcemu

import (
	"fmt"
	"slices"
	"strings"
)

// Estimate is an estimate of the company file: a job's budget.
type Estimate struct {
	TxnID          string
	EditSequence   string
	CustomerListID string
	TxnDate        string
	Memo           string
	ExternalGUID   string
	Lines          []EstimateLine
}

// EstimateLine is a line of an estimate.
type EstimateLine struct {
	TxnLineID  string
	ItemListID string
	Desc       string
	Amount     string // as AMTTYPE
}

// estimateIn is an EstimateAdd as read.
type estimateIn struct {
	CustomerRef listRef      `xml:"CustomerRef"`
	Memo        string       `xml:"Memo"`
	GUID        string       `xml:"ExternalGUID"`
	Lines       []itemLineIn `xml:"EstimateLineAdd"`
}

// estimateModIn is an EstimateMod as read.
type estimateModIn struct {
	TxnID        string `xml:"TxnID"`
	EditSequence string `xml:"EditSequence"`
	Lines        []struct {
		TxnLineID string `xml:"TxnLineID"`
		itemLineIn
	} `xml:"EstimateLineMod"`
}

// addEstimate adds an estimate, refused with 3250 when estimates are off
// in the company file and 3140 for a job or item QuickBooks does not
// have.
func (q *QuickBooks) addEstimate(name string, r request) (string, bool) {
	in := r.EstimateAdd
	invalid := func(what, id string) (string, bool) {
		return invalidReference(name, r.RequestID, "Estimate", what, id)
	}
	switch {
	case q.EstimatesOff:
		return element(name, r.RequestID, featureOff, nil, ""), true
	case !hasEntity(q.Customers, in.CustomerRef.ListID):
		return invalid("Customer", in.CustomerRef.ListID)
	}
	at, seq := q.changed()
	e := Estimate{TxnID: fmt.Sprintf("%X-%s", 0x5000+len(q.Estimates), seq), EditSequence: seq, CustomerListID: in.CustomerRef.ListID,
		TxnDate: at.Format("2006-01-02"), Memo: in.Memo, ExternalGUID: in.GUID}
	for i, l := range in.Lines {
		if !q.hasItem(l.ItemRef.ListID) {
			return invalid("Item", l.ItemRef.ListID)
		}
		e.Lines = append(e.Lines, EstimateLine{TxnLineID: fmt.Sprintf("%s-%d", e.TxnID, i+1), ItemListID: l.ItemRef.ListID, Desc: l.Desc, Amount: l.Amount})
	}
	q.Estimates = append(q.Estimates, e)
	return element(name, r.RequestID, statusOK, nil, q.estimateRet(e, true)), false
}

// estimateQuery answers an EstimateQuery by TxnID, or by the job of its
// EntityFilter, with the lines when asked.
func (q *QuickBooks) estimateQuery(name string, r request) (string, bool) {
	var body strings.Builder
	for _, e := range q.Estimates {
		if (len(r.TxnIDs) == 0 || slices.Contains(r.TxnIDs, e.TxnID)) && (r.EntityFilter.ListID == "" || r.EntityFilter.ListID == e.CustomerListID) {
			body.WriteString(q.estimateRet(e, r.IncludeLineItems))
		}
	}
	if body.Len() == 0 {
		return element(name, r.RequestID, statusNoMatch, nil, ""), false
	}
	return element(name, r.RequestID, statusOK, nil, body.String()), false
}

// modEstimate changes an estimate as QuickBooks does: a line named by
// its TxnLineID alone is kept, one named with an item and amount is
// changed to them, one of TxnLineID -1 is added, and every other line is
// deleted. An EditSequence not its own is refused (3200), a line or item
// it does not have (3120, 3140).
func (q *QuickBooks) modEstimate(name string, r request) (string, bool) {
	in := r.EstimateMod
	refuse := func(code int, message string) (string, bool) {
		return element(name, r.RequestID, status{code, "Error", message}, nil, ""), true
	}
	i := slices.IndexFunc(q.Estimates, func(e Estimate) bool { return e.TxnID == in.TxnID })
	switch {
	case i < 0:
		return refuse(3120, fmt.Sprintf(refusals[3120], in.TxnID))
	case in.EditSequence != q.Estimates[i].EditSequence:
		return refuse(3200, fmt.Sprintf(refusals[3200], in.EditSequence))
	}
	e := q.Estimates[i]
	var lines []EstimateLine
	for _, l := range in.Lines {
		if l.ItemRef.ListID != "" && !q.hasItem(l.ItemRef.ListID) {
			return invalidReference(name, r.RequestID, "Estimate", "Item", l.ItemRef.ListID)
		}
		if l.TxnLineID == "-1" {
			q.lineSeq++
			lines = append(lines, EstimateLine{TxnLineID: fmt.Sprintf("%s-m%d", e.TxnID, q.lineSeq), ItemListID: l.ItemRef.ListID, Desc: l.Desc, Amount: l.Amount})
			continue
		}
		j := slices.IndexFunc(e.Lines, func(k EstimateLine) bool { return k.TxnLineID == l.TxnLineID })
		if j < 0 {
			return refuse(3120, fmt.Sprintf(refusals[3120], l.TxnLineID))
		}
		line := e.Lines[j]
		if l.ItemRef.ListID != "" {
			line.ItemListID = l.ItemRef.ListID
		}
		if l.Amount != "" {
			line.Amount = l.Amount
		}
		lines = append(lines, line)
	}
	_, e.EditSequence = q.changed()
	e.Lines = lines
	q.Estimates[i] = e
	return element(name, r.RequestID, statusOK, nil, q.estimateRet(e, true)), false
}

// estimateRet writes an EstimateRet in schema order: TxnCore,
// CustomerRef, TxnDate, TotalAmount, Memo, ExternalGUID, the lines when
// asked (qbxml130.xsd's EstimateRet and EstimateLineRet).
func (q *QuickBooks) estimateRet(e Estimate, lines bool) string {
	var b strings.Builder
	var total int64
	for _, l := range e.Lines {
		total += cents(l.Amount)
	}
	fmt.Fprintf(&b, "<EstimateRet><TxnID>%s</TxnID><TimeCreated>%s</TimeCreated><TimeModified>%s</TimeModified><EditSequence>%s</EditSequence>",
		esc(e.TxnID), qbTime(q.now()), qbTime(q.now()), esc(e.EditSequence))
	fmt.Fprintf(&b, "<CustomerRef><ListID>%s</ListID></CustomerRef><TxnDate>%s</TxnDate><TotalAmount>%s</TotalAmount>",
		esc(e.CustomerListID), esc(e.TxnDate), amount(total))
	optional(&b, "Memo", e.Memo)
	optional(&b, "ExternalGUID", e.ExternalGUID)
	for _, l := range e.Lines {
		if !lines {
			break
		}
		itemLineRet(&b, "EstimateLineRet", l.TxnLineID, l.ItemListID, l.Desc, l.Amount, "")
	}
	b.WriteString("</EstimateRet>")
	return b.String()
}

// EstimateList is the company file's estimates, as they are now.
func (q *QuickBooks) EstimateList() []Estimate {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]Estimate(nil), q.Estimates...)
}
