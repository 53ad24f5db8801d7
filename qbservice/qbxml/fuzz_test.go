package qbxml

import (
	"strings"
	"testing"
)

// Whatever QuickBooks (or something in its place) answers: no panic; what
// is read is responses with a status, and Service or Other Charge items,
// every value within QuickBooks' own limits (an answer beyond them is
// refused whole).
func FuzzParseResponses(f *testing.F) {
	f.Add(`<?xml version="1.0" ?><QBXML><QBXMLMsgsRs><ItemServiceQueryRs requestID="1" statusCode="0" statusSeverity="Info" iteratorRemainingCount="3" iteratorID="{x}"><ItemServiceRet><ListID>1</ListID><FullName>A:B</FullName></ItemServiceRet></ItemServiceQueryRs></QBXMLMsgsRs></QBXML>`)
	f.Add(`<QBXML><QBXMLMsgsRs><HostQueryRs statusCode="0"><HostRet><SupportedQBXMLVersion>13.0</SupportedQBXMLVersion></HostRet></HostQueryRs></QBXMLMsgsRs></QBXML>`)
	f.Add(`<?xml version="1.0" encoding="windows-1252" ?><QBXML><QBXMLMsgsRs><ItemServiceAddRs statusCode="3100" statusSeverity="Error" statusMessage="in use"/></QBXMLMsgsRs></QBXML>`)
	f.Add(`<QBXML><QBXMLMsgsRs><CompanyQueryRs statusCode="0"><CompanyRet><DataExtRet><OwnerID>{a}</OwnerID><DataExtName>FileID</DataExtName><DataExtValue>v</DataExtValue></DataExtRet></CompanyRet></CompanyQueryRs></QBXMLMsgsRs></QBXML>`)
	f.Add(`<QBXML><QBXMLMsgsRs><ItemServiceQueryRs statusCode="0"><ItemServiceRet><ListID>1</ListID><FullName>` + strings.Repeat("F", 160) + `</FullName></ItemServiceRet></ItemServiceQueryRs></QBXMLMsgsRs></QBXML>`)
	f.Add(`<QBXML><QBXMLMsgsRs><ItemOtherChargeQueryRs statusCode="0"><ItemOtherChargeRet><ListID>` + strings.Repeat("8", 37) + `</ListID></ItemOtherChargeRet></ItemOtherChargeQueryRs></QBXMLMsgsRs></QBXML>`)
	f.Fuzz(func(t *testing.T, text string) {
		got, err := ParseResponses(text)
		if err != nil {
			return
		}
		for _, r := range got {
			if !strings.HasSuffix(r.Name, "Rs") {
				t.Fatalf("read %q as a response", r.Name)
			}
			for _, it := range r.Items {
				if it.Kind != ItemService && it.Kind != ItemOtherCharge {
					t.Fatalf("an item of kind %q", it.Kind)
				}
			}
			if err := r.check(); err != nil {
				t.Fatalf("read beyond QuickBooks' limits: %v", err)
			}
			if r.Company != nil {
				_ = r.Company.FileID("{a}")
			}
			if r.Host != nil {
				_, _ = ChooseVersion(r.Host.SupportedQBXMLVersion)
			}
		}
	})
}
