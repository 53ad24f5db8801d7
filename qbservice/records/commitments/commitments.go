// Package commitments moves Procore's commitments (subcontracts and
// purchase orders) to QuickBooks, as erp_events_dictionary.md's
// create_commitment asks: each becomes a purchase order of the vendor,
// one line a commitment item on the item of its cost code, for the job;
// then the commitment and its items are marked synced with the purchase
// order's TxnID and TxnLineIDs. The purchase order's number follows the
// setting Use Procore Contract # (rule 1 of erp-integrator.md §2).
package commitments

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"unicode"
)

// exported is create_commitment's payload (erp_events_dictionary.md).
type exported struct {
	JobID      string `json:"job_id"`
	Commitment struct {
		ID          int64  `json:"id"`
		Number      string `json:"number"`
		Code        string `json:"code"` // the QuickBooks ID typed at export
		Title       string `json:"title"`
		Description string `json:"description"`
		Type        string `json:"type"` // WorkOrderContract or PurchaseOrderContract
		// ContractDate is a date, or a date and time.
		ContractDate string `json:"contract_date"`
		Vendor       struct {
			ID       int64  `json:"id"`
			Company  string `json:"company"`
			OriginID string `json:"origin_id"`
		} `json:"vendor"`
		Project struct {
			Name     string `json:"name"`
			OriginID string `json:"origin_id"`
		} `json:"project"`
	} `json:"commitment"`
	Items          []item `json:"commitment_items"`
	AdditionalData struct {
		AccountingDate string `json:"accounting_date"`
	} `json:"additional_data"`
}

// item is a commitment item: its amount, what it is for, and its project
// cost code, whose origin_id is "<job ListID>|<item ListID>" (or a
// Service item's ListID alone).
type item struct {
	ID          int64   `json:"id"`
	Amount      decimal `json:"amount"`
	TotalAmount decimal `json:"total_amount"`
	Description string  `json:"description"`
	Position    int     `json:"position"`
	CostCode    struct {
		FullCode string `json:"full_code"`
		OriginID string `json:"origin_id"`
	} `json:"cost_code"`
}

// decimal is an amount as Procore sends it: text ("250.0"), or a JSON
// number; "" for none.
type decimal string

func (d *decimal) UnmarshalJSON(b []byte) error {
	switch {
	case bytes.Equal(b, []byte("null")):
		*d = ""
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		err := json.Unmarshal(b, &s)
		*d = decimal(s)
		return err
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return errors.New("an amount is neither text nor a number")
	}
	*d = decimal(n)
	return nil
}

// read reads create_commitment's payload, its items in their order on
// the commitment (position, then id): the order of the purchase order's
// lines.
func read(data string) (exported, error) {
	var p exported
	if err := json.Unmarshal([]byte(data), &p); err != nil {
		return p, err
	}
	sort.SliceStable(p.Items, func(i, j int) bool {
		a, b := p.Items[i], p.Items[j]
		if a.Position != b.Position {
			return a.Position < b.Position
		}
		return a.ID < b.ID
	})
	return p, nil
}

// itemListID is the QuickBooks item of a project cost code's origin_id.
func itemListID(origin string) string {
	if _, it, ok := strings.Cut(origin, "|"); ok {
		return strings.TrimSpace(it)
	}
	return strings.TrimSpace(origin)
}

// itemType is external_data's item_type of a commitment of type t
// (erp-integrator.md §4.5: derived from commitment.type).
func itemType(t string) string {
	if t == "PurchaseOrderContract" {
		return "purchase_order_contract"
	}
	return "work_order_contract"
}

// txnDate is the purchase order's date: the accounting date, else the
// contract date, as YYYY-MM-DD; "" (QuickBooks' today) for neither.
func txnDate(p exported) string {
	for _, d := range []string{p.AdditionalData.AccountingDate, p.Commitment.ContractDate} {
		if len(d) >= 10 && isDate(d[:10]) {
			return d[:10]
		}
	}
	return ""
}

func isDate(s string) bool {
	for i, r := range s {
		if i == 4 || i == 7 {
			if r != '-' {
				return false
			}
		} else if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// cut is s cut to n characters, and whether it was.
func cut(s string, n int) (string, bool) {
	r := []rune(s)
	if len(r) <= n {
		return s, false
	}
	return string(r[:n]), true
}

// text is Procore's free text as QuickBooks is given it: trimmed, with
// control and format characters (what a paste brings along) left out,
// lines and tabs kept.
func text(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || unicode.In(r, unicode.Cf) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, s))
}
