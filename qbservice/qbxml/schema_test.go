package qbxml

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// schema is Intuit's qbXML 13.0 schema (testdata/README.md).
var schema = filepath.Join("testdata", "schema", "qbxmlops130.xsd")

// checkSchema checks a qbXML document against Intuit's schema with
// libxml2's xmllint, and returns what it said when the document is not
// valid ("" when it is).
func checkSchema(t *testing.T, doc string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		// Under Wine: no xmllint. The requests are the same bytes on every
		// system, and the Linux run checks them.
		t.Skip("the schema check runs on Linux, with xmllint")
	}
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("xmllint is not installed: install Debian's libxml2-utils (make deps does), which checks qbXML against Intuit's schema")
	}
	path := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", schema, path).CombinedOutput() //nolint:gosec // our own test files
	if err != nil {
		return strings.TrimSpace(string(out))
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
