package connector

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"qbsettings/qbservice/qbwc"
	"qbsettings/qbservice/qbxml"
)

// What the Web Connector passes beside QuickBooks' answers is held to
// what it could send, as QuickBooks' answers are (qbxml's limits): the
// service keeps nothing longer.
const (
	// maxCompanyFile is Windows' MAX_PATH: QuickBooks opens no longer path.
	maxCompanyFile = 260
	// maxMessage bounds QuickBooks' words for an HRESULT.
	maxMessage = qbxml.MaxStatusMessage
)

// checkCall holds sendRequestXML's first call to those limits.
func checkCall(call qbwc.RequestCall) error {
	return firstTooLong(field{"strCompanyFileName", call.CompanyFileName, maxCompanyFile},
		field{"qbXMLCountry", call.Country, qbxml.MaxCountry})
}

// checkFailure holds a failure QuickBooks reported (an HRESULT, as
// 0x80040400, and its words) to them.
func checkFailure(hresult, message string) error {
	if !isHResult(normalizeHResult(hresult)) {
		return fmt.Errorf("%w: %.40q is not an HRESULT", qbxml.ErrOutOfSchema, hresult)
	}
	return firstTooLong(field{"message", message, maxMessage})
}

// isHResult tells whether h is 0x and eight upper-case hex digits.
func isHResult(h string) bool {
	if len(h) != 10 || h[:2] != "0x" {
		return false
	}
	isHex := func(r rune) bool { return r >= '0' && r <= '9' || r >= 'A' && r <= 'F' }
	return !strings.ContainsFunc(h[2:], func(r rune) bool { return !isHex(r) })
}

type field struct {
	name  string
	value string
	max   int
}

func firstTooLong(fields ...field) error {
	for _, f := range fields {
		if n := utf8.RuneCountInString(f.value); n > f.max {
			return &qbxml.TooLongError{Element: f.name, Limit: f.max, Length: n}
		}
	}
	return nil
}
