package qbxml

import "encoding/xml"

// EstimateAdd adds an estimate for the job CustomerListID: the budget of
// a Procore project, a line per budget line on the item of its cost code.
// ExternalGUID is the service's mark, as a purchase order's.
type EstimateAdd struct {
	RequestID      string         `json:"-"`
	CustomerListID string         `json:"customerListId"`
	Memo           string         `json:"memo,omitempty"`
	ExternalGUID   string         `json:"externalGuid,omitempty"`
	Lines          []EstimateLine `json:"lines"`
}

// EstimateLine is an estimate's line: a Service item (a cost code), what
// it is for, and its amount.
type EstimateLine struct {
	ItemListID string `json:"itemListId"`
	Desc       string `json:"desc,omitempty"`
	Amount     Money  `json:"amount"`
}

// estimateLine is a line as EstimateLineAdd and EstimateLineMod write it
// (TxnLineCore: ItemRef, Desc, …, Amount); TxnLineID for a Mod's only.
type estimateLine struct {
	TxnLineID string   `xml:"TxnLineID,omitempty"`
	ItemRef   *listRef `xml:"ItemRef,omitempty"`
	Desc      string   `xml:"Desc,omitempty"`
	Amount    *Money   `xml:"Amount,omitempty"`
}

func (l EstimateLine) written(txnLineID string) estimateLine {
	amount := l.Amount
	return estimateLine{TxnLineID: txnLineID, ItemRef: &listRef{l.ItemListID}, Desc: l.Desc, Amount: &amount}
}

func (a EstimateAdd) requestElement() any {
	// EstimateAdd: CustomerRef, …, Memo, …, ExternalGUID, then the lines
	// (qbxml130.xsd 13117).
	type add struct {
		CustomerRef listRef        `xml:"CustomerRef"`
		Memo        string         `xml:"Memo,omitempty"`
		GUID        string         `xml:"ExternalGUID,omitempty"`
		Lines       []estimateLine `xml:"EstimateLineAdd"`
	}
	e := add{CustomerRef: listRef{a.CustomerListID}, Memo: a.Memo, GUID: a.ExternalGUID}
	for _, l := range a.Lines {
		e.Lines = append(e.Lines, l.written(""))
	}
	return struct {
		XMLName     xml.Name `xml:"EstimateAddRq"`
		RequestID   string   `xml:"requestID,attr,omitempty"`
		EstimateAdd add      `xml:"EstimateAdd"`
	}{RequestID: a.RequestID, EstimateAdd: e}
}

// Limits are the estimate's text with its limits.
func (a EstimateAdd) Limits() []Limit {
	limits := []Limit{{"Memo", a.Memo, MaxMemo}}
	for _, l := range a.Lines {
		limits = append(limits, Limit{"Desc", l.Desc, MaxDescription})
	}
	return limits
}

// EstimateQuery asks for an estimate by its TxnID, or for the estimates
// of the job CustomerListID, with their lines when Lines.
type EstimateQuery struct {
	RequestID      string
	TxnID          string
	CustomerListID string
	Lines          bool
}

func (q EstimateQuery) requestElement() any {
	// EstimateQuery: TxnID, or TxnFilter's EntityFilter; then
	// IncludeLineItems (qbxml130.xsd 3711).
	type entityFilter struct {
		ListID string `xml:"ListID"`
	}
	var entity *entityFilter
	if q.TxnID == "" {
		entity = &entityFilter{q.CustomerListID}
	}
	return struct {
		XMLName          xml.Name      `xml:"EstimateQueryRq"`
		RequestID        string        `xml:"requestID,attr,omitempty"`
		TxnID            string        `xml:"TxnID,omitempty"`
		EntityFilter     *entityFilter `xml:"EntityFilter,omitempty"`
		IncludeLineItems bool          `xml:"IncludeLineItems"`
	}{RequestID: q.RequestID, TxnID: q.TxnID, EntityFilter: entity, IncludeLineItems: q.Lines}
}

// EstimateMod changes estimate TxnID at EditSequence to hold Lines, in
// their order: a line of a known TxnLineID is changed to its item and
// amount, or kept as it is (Kept); a new one ("" TxnLineID) is added.
// QuickBooks deletes every line a Mod does not name, so every line the
// estimate keeps is named.
type EstimateMod struct {
	RequestID    string            `json:"-"`
	TxnID        string            `json:"txnId"`
	EditSequence string            `json:"editSequence"`
	Lines        []EstimateLineMod `json:"lines"`
}

// EstimateLineMod is a line of an estimate's change: the line TxnLineID
// ("" for a new one) with its item and amount, or only kept.
type EstimateLineMod struct {
	TxnLineID string `json:"txnLineId,omitempty"`
	Kept      bool   `json:"kept,omitempty"`
	EstimateLine
}

func (m EstimateMod) requestElement() any {
	// EstimateMod: TxnID, EditSequence, …, then the lines (qbxml130.xsd
	// 13165); a new line's TxnLineID is -1.
	type mod struct {
		TxnID        string         `xml:"TxnID"`
		EditSequence string         `xml:"EditSequence"`
		Lines        []estimateLine `xml:"EstimateLineMod"`
	}
	out := mod{TxnID: m.TxnID, EditSequence: m.EditSequence}
	for _, l := range m.Lines {
		switch {
		case l.Kept:
			out.Lines = append(out.Lines, estimateLine{TxnLineID: l.TxnLineID})
		case l.TxnLineID == "":
			out.Lines = append(out.Lines, l.written("-1"))
		default:
			out.Lines = append(out.Lines, l.written(l.TxnLineID))
		}
	}
	return struct {
		XMLName     xml.Name `xml:"EstimateModRq"`
		RequestID   string   `xml:"requestID,attr,omitempty"`
		EstimateMod mod      `xml:"EstimateMod"`
	}{RequestID: m.RequestID, EstimateMod: out}
}
