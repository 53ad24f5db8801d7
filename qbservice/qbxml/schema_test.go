package qbxml

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"qbsettings/internal/qbxmlschema"
)

// checkSchema checks a qbXML document against Intuit's schema, and
// returns what it said when the document is not valid ("" when it is).
func checkSchema(t *testing.T, doc string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		// Under Wine: no xmllint. The requests are the same bytes on every
		// system, and the Linux run checks them.
		t.Skip("the schema check runs on Linux, with xmllint")
	}
	err := qbxmlschema.Check(doc)
	var invalid *qbxmlschema.Invalid
	switch {
	case errors.As(err, &invalid):
		return invalid.Problem
	case err != nil:
		t.Fatal(err)
	}
	return ""
}

// The schema check can fail: a request out of schema order, and one
// without the part the schema requires, are refused.
func TestSchemaCheckRefusesWhatQuickBooksRefuses(t *testing.T) {
	for name, doc := range map[string]string{
		"out of order": `<?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="stopOnError">` +
			`<ItemServiceQueryRq><ActiveStatus>All</ActiveStatus><MaxReturned>100</MaxReturned></ItemServiceQueryRq></QBXMLMsgsRq></QBXML>`,
		"no SalesOrPurchase": `<?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="stopOnError">` +
			`<ItemServiceAddRq><ItemServiceAdd><Name>Retainage</Name></ItemServiceAdd></ItemServiceAddRq></QBXMLMsgsRq></QBXML>`,
		"no onError": `<?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq><HostQueryRq/></QBXMLMsgsRq></QBXML>`,
	} {
		if checkSchema(t, doc) == "" {
			t.Errorf("%s: the schema took it", name)
		}
	}
}

// Every response in testdata is one QuickBooks could send: the schema
// takes each.
func TestRecordedResponsesAreQBXML(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "responses", "*.xml"))
	if len(files) == 0 {
		t.Fatal("no responses in testdata")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if problem := checkSchema(t, string(data)); problem != "" {
			t.Errorf("%s: %s", f, problem)
		}
	}
}
