package qbwc

import (
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// wsdl is what the tests read of a WSDL: its elements, with their
// children in order, its operations and their SOAP actions, its address.
type wsdl struct {
	Elements []wsdlElement `xml:"types>schema>element"`
	Arrays   []struct {
		Name     string        `xml:"name,attr"`
		Children []wsdlElement `xml:"sequence>element"`
	} `xml:"types>schema>complexType"`
	Operations []struct {
		Name   string `xml:"name,attr"`
		Action struct {
			SOAPAction string `xml:"soapAction,attr"`
		} `xml:"operation"`
	} `xml:"binding>operation"`
	Port struct {
		Address struct {
			Location string `xml:"location,attr"`
		} `xml:"address"`
	} `xml:"service>port"`
}

type wsdlElement struct {
	Name      string        `xml:"name,attr"`
	Type      string        `xml:"type,attr"`
	MinOccurs string        `xml:"minOccurs,attr"`
	MaxOccurs string        `xml:"maxOccurs,attr"`
	Children  []wsdlElement `xml:"complexType>sequence>element"`
}

func readWSDL(t *testing.T, r io.Reader) wsdl {
	t.Helper()
	var w wsdl
	if err := xml.NewDecoder(r).Decode(&w); err != nil {
		t.Fatalf("not a WSDL: %v", err)
	}
	return w
}

func servedWSDL(t *testing.T) wsdl {
	t.Helper()
	rec := httptest.NewRecorder()
	NewServer(&recorder{}, slog.New(slog.DiscardHandler)).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://localhost:8443/qbwc?wsdl", nil))
	return readWSDL(t, rec.Body)
}

// The WSDL the service serves defines Intuit's calls and answers exactly:
// the same elements, children, types and occurrences as Intuit's own.
func TestWSDLIsIntuits(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "intuit-troubleshoot.wsdl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	intuit, ours := readWSDL(t, f), servedWSDL(t)
	if !reflect.DeepEqual(ours.Elements, intuit.Elements) || !reflect.DeepEqual(ours.Arrays, intuit.Arrays) {
		t.Fatalf("the served WSDL's types differ from Intuit's:\nours   %+v\nintuit %+v", ours.Elements, intuit.Elements)
	}
	if ours.Port.Address.Location != "http://localhost:8443/qbwc" {
		t.Fatalf("address %q", ours.Port.Address.Location)
	}
}

// The code and the WSDL describe the same calls: each operation of the
// WSDL is one the server answers, with the parameters the WSDL lists, in
// its order, the ints among them, and the SOAP action the Web Connector
// sends; and each answer is the WSDL's Response element holding its
// Result.
func TestOperationsAreTheWSDLs(t *testing.T) {
	w := servedWSDL(t)
	elements := map[string]wsdlElement{}
	for _, e := range w.Elements {
		elements[e.Name] = e
	}
	if len(w.Operations) != len(operations) {
		t.Fatalf("the WSDL has %d operations, the server %d", len(w.Operations), len(operations))
	}
	for i, wo := range w.Operations {
		op := operations[i]
		if wo.Name != op.name || wo.Action.SOAPAction != Namespace+op.name {
			t.Fatalf("operation %d: WSDL %s (%s), server %s", i, wo.Name, wo.Action.SOAPAction, op.name)
		}
		var names, ints []string
		for _, p := range elements[op.name].Children {
			names = append(names, p.Name)
			if p.Type == "s:int" {
				ints = append(ints, p.Name)
			}
		}
		if !reflect.DeepEqual(names, op.params) || !reflect.DeepEqual(ints, op.ints) {
			t.Errorf("%s: WSDL parameters %v (ints %v), server %v (ints %v)", op.name, names, ints, op.params, op.ints)
		}
		response := elements[op.name+"Response"].Children
		if len(response) != 1 || response[0].Name != op.name+"Result" {
			t.Errorf("%s: the WSDL's answer is %+v", op.name, response)
		}
	}
}

// Every call, sent with every parameter the WSDL lists, is answered; the
// Handler hears each value.
func TestEveryOperationIsAnswered(t *testing.T) {
	h := &recorder{auth: Auth{Ticket: "T"}, request: "R", percent: 100}
	srv := serve(h)
	defer srv.Close()
	for _, op := range operations {
		var b strings.Builder
		b.WriteString(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><` + op.name + ` xmlns="` + Namespace + `">`)
		for _, p := range op.params {
			value := "v-" + p
			if strings.HasPrefix(p, "qbXML") && strings.HasSuffix(p, "Vers") {
				value = "13"
			}
			b.WriteString("<" + p + ">" + value + "</" + p + ">")
		}
		b.WriteString("</" + op.name + "></soap:Body></soap:Envelope>")
		status, out := post(t, srv.URL, op.name, b.String())
		if status != http.StatusOK || readAnswer(t, out).XMLName.Local != op.name+"Response" {
			t.Fatalf("%s: HTTP %d %s", op.name, status, out)
		}
	}
	want := []any{"serverVersion", "clientVersion v-strVersion", "authenticate v-strUserName v-strPassword",
		"connectionError v-ticket v-hresult v-message",
		RequestCall{Ticket: "v-ticket", HCPResponse: "v-strHCPResponse", CompanyFileName: "v-strCompanyFileName", Country: "v-qbXMLCountry", QBXMLMajor: 13, QBXMLMinor: 13},
		ResponseCall{Ticket: "v-ticket", Response: "v-response", HResult: "v-hresult", Message: "v-message"},
		"getLastError v-ticket", "closeConnection v-ticket"}
	if !reflect.DeepEqual(h.calls, want) {
		t.Fatalf("the Handler heard %#v", h.calls)
	}
}

// The WSDL's address is the request's, escaped: a hostile Host header
// cannot add markup to it.
func TestWSDLAddressIsEscaped(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "http://localhost/qbwc?wsdl", nil)
	req.Host = `evil"/><x a="`
	rec := httptest.NewRecorder()
	NewServer(&recorder{}, slog.New(slog.DiscardHandler)).ServeHTTP(rec, req)
	w := readWSDL(t, rec.Body)
	if w.Port.Address.Location != `http://evil"/><x a="/qbwc` || len(w.Operations) != len(operations) {
		t.Fatalf("address %q, %d operations", w.Port.Address.Location, len(w.Operations))
	}
}
