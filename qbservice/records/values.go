package records

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"unicode"

	"qbsettings/qbservice/qbxml"
)

// Amount is an amount as Procore sends it: text ("250.0"), or a JSON
// number; "" for none.
type Amount string

func (a *Amount) UnmarshalJSON(b []byte) error {
	switch {
	case bytes.Equal(b, []byte("null")):
		*a = ""
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		err := json.Unmarshal(b, &s)
		*a = Amount(s)
		return err
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return errors.New("an amount is neither text nor a number")
	}
	*a = Amount(n)
	return nil
}

// Money is the amount read exactly ("" is none: 0); a third decimal, or
// text that is no amount, is an error (qbxml.ErrNotMoney).
func (a Amount) Money() (qbxml.Money, error) {
	if strings.TrimSpace(string(a)) == "" {
		return 0, nil
	}
	return qbxml.ParseMoney(string(a))
}

// ItemOfCostCode is the QuickBooks item of a project cost code's
// origin_id ("<job ListID>|<item ListID>", as Procore's QuickBooks
// connector writes it), or of a Service item's ListID alone.
func ItemOfCostCode(origin string) string {
	if _, it, ok := strings.Cut(origin, "|"); ok {
		return strings.TrimSpace(it)
	}
	return strings.TrimSpace(origin)
}

// Text is Procore's free text as QuickBooks is given it: trimmed, with
// control and format characters (what a paste brings along) left out,
// lines and tabs kept.
func Text(s string) string {
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

// Cut is s cut to n characters, and whether it was.
func Cut(s string, n int) (string, bool) {
	r := []rune(s)
	if len(r) <= n {
		return s, false
	}
	return string(r[:n]), true
}
