package qbxml

import (
	"errors"
	"qbsettings/syncrules"
	"strings"
	"testing"
)

// Each limit of the schema is held, counted in characters: a value at
// its limit is read, one character more refuses the answer whole.
func TestAnswersAreHeldToTheSchemasLimits(t *testing.T) {
	item := func(inner string) string {
		return `<QBXML><QBXMLMsgsRs><ItemServiceQueryRs statusCode="0"><ItemServiceRet>` + inner + `</ItemServiceRet></ItemServiceQueryRs></QBXMLMsgsRs></QBXML>`
	}
	for _, tc := range []struct {
		element string
		max     int
		text    func(v string) string
	}{
		{"ListID", MaxListID, func(v string) string { return item("<ListID>" + v + "</ListID>") }},
		{"EditSequence", MaxEditSequence, func(v string) string { return item("<ListID>1</ListID><EditSequence>" + v + "</EditSequence>") }},
		{"Name", MaxItemName, func(v string) string { return item("<ListID>1</ListID><Name>" + v + "</Name>") }},
		{"FullName", MaxItemFullName, func(v string) string { return item("<ListID>1</ListID><FullName>" + v + "</FullName>") }},
		{"Desc", MaxDescription, func(v string) string {
			return item("<ListID>1</ListID><SalesOrPurchase><Desc>" + v + "</Desc></SalesOrPurchase>")
		}},
		{"Desc", MaxDescription, func(v string) string {
			return item("<ListID>1</ListID><SalesAndPurchase><SalesDesc>" + v + "</SalesDesc></SalesAndPurchase>")
		}},
		{"CompanyName", MaxCompanyName, func(v string) string {
			return `<QBXML><QBXMLMsgsRs><CompanyQueryRs statusCode="0"><CompanyRet><CompanyName>` + v + `</CompanyName></CompanyRet></CompanyQueryRs></QBXMLMsgsRs></QBXML>`
		}},
		{"ProductName", MaxProductName, func(v string) string {
			return `<QBXML><QBXMLMsgsRs><HostQueryRs statusCode="0"><HostRet><ProductName>` + v + `</ProductName></HostRet></HostQueryRs></QBXMLMsgsRs></QBXML>`
		}},
	} {
		if _, err := ParseResponses(tc.text(strings.Repeat("é", tc.max))); err != nil {
			t.Errorf("%s of %d characters: %v", tc.element, tc.max, err)
		}
		_, err := ParseResponses(tc.text(strings.Repeat("é", tc.max+1)))
		var long *TooLongError
		if !errors.As(err, &long) || long.Element != tc.element || long.Length != tc.max+1 || !errors.Is(err, ErrOutOfSchema) {
			t.Errorf("%s of %d characters: %v", tc.element, tc.max+1, err)
		}
	}
	if _, err := ParseResponses(item("<FullName>No ListID</FullName>")); !errors.Is(err, ErrOutOfSchema) {
		t.Errorf("an item without its ListID: %v", err)
	}
}

// The sync's rules and the schema agree on a purchase order number's
// limit.
func TestThePONumbersLimitIsTheSchemas(t *testing.T) {
	if syncrules.MaxPONumber != MaxPORefNumber {
		t.Fatalf("syncrules says %d, the schema %d", syncrules.MaxPONumber, MaxPORefNumber)
	}
}
