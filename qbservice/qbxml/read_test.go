package qbxml

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The reader reads QuickBooks' recorded answers as encoding/xml read them.
func TestTheReaderAgreesWithEncodingXML(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "responses", "*.xml"))
	if len(files) == 0 {
		t.Fatal("no recorded answers")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseResponses(string(data))
		want, refErr := parseResponsesReference(string(data))
		if err != nil || refErr != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v (%v)\nwant %+v (%v)", f, got, err, want, refErr)
		}
	}
}

// Whatever the reader reads, encoding/xml read alike: it is never laxer
// than the reader it replaced, only stricter.
func FuzzTheReaderAgrees(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "responses", "*.xml"))
	for _, name := range files {
		data, _ := os.ReadFile(name)
		f.Add(string(data))
	}
	f.Add(`<QBXML><QBXMLMsgsRs><ItemOtherChargeQueryRs requestID="2" statusCode="0" iteratorRemainingCount="0"><ItemOtherChargeRet><ListID>9</ListID><IsActive>false</IsActive><SalesAndPurchase><SalesDesc>s</SalesDesc></SalesAndPurchase></ItemOtherChargeRet><ItemServiceRet><ListID>8</ListID></ItemServiceRet></ItemOtherChargeQueryRs></QBXMLMsgsRs></QBXML>`)
	f.Fuzz(func(t *testing.T, text string) {
		got, err := ParseResponses(text)
		if err != nil {
			return
		}
		want, refErr := parseResponsesReference(text)
		if refErr != nil {
			t.Fatalf("read what encoding/xml refused (%v): %q", refErr, text)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("read differently:\n got %+v\nwant %+v\n%q", got, want, text)
		}
	})
}
