package qbwc

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"qbsettings/qbservice/xmlscan"
)

// The envelopes' namespaces. The Web Connector speaks SOAP 1.1 only.
const (
	soapNS   = "http://schemas.xmlsoap.org/soap/envelope/"
	soap12NS = "http://www.w3.org/2003/05/soap-envelope"
	xsiNS    = "http://www.w3.org/2001/XMLSchema-instance"
	xsdNS    = "http://www.w3.org/2001/XMLSchema"
)

// faultError is a call that cannot be answered, as a SOAP fault: Client
// for a call that is not one of the Web Connector's, VersionMismatch for
// an envelope of another SOAP version.
type faultError struct {
	code   string
	reason string
}

func (e *faultError) Error() string { return e.code + ": " + e.reason }

func clientFault(format string, args ...any) error {
	return &faultError{code: "Client", reason: fmt.Sprintf(format, args...)}
}

// decodeCall reads a SOAP 1.1 envelope and returns the call in its body
// with its parameters. Everything the WSDL does not allow is refused: an
// element outside the Web Connector's namespace, a parameter the call
// does not have or has twice, markup inside a parameter, an int that is
// not one; and a document that is not well-formed XML, to its end. It
// reads with xmlscan: a page of QuickBooks' answer is a parameter of some
// hundred kilobytes, and encoding/xml spent most of a refresh's time on it.
func decodeCall(text string) (operation, params, error) {
	sc := xmlscan.New(text)
	if err := enterBody(sc); err != nil {
		return operation{}, nil, err
	}
	if !nextStart(sc) {
		return operation{}, nil, notACall(sc, "Body holds no call")
	}
	op, known := operationNamed(sc.Local())
	if sc.Space() != Namespace || !known {
		return operation{}, nil, clientFault("%s in %q is not a call of the Web Connector", sc.Local(), sc.Space())
	}
	p, err := readParams(sc, op)
	if err != nil {
		return op, nil, err
	}
	for sc.Next() { // the rest, to the envelope's end, well-formed
	}
	if err := sc.Err(); err != nil {
		return op, nil, clientFault("the call is not well-formed XML: %v", err)
	}
	return op, p, nil
}

// notACall is the fault of a call that is not one: the document's own
// fault first.
func notACall(sc *xmlscan.Scanner, reason string) error {
	if err := sc.Err(); err != nil {
		return clientFault("the call is not well-formed XML: %v", err)
	}
	return clientFault("%s", reason)
}

// nextStart reads to the next element inside the one open, passing
// whitespace; false at that element's end, at other text, or a fault.
func nextStart(sc *xmlscan.Scanner) bool {
	for sc.Next() {
		switch sc.Kind() {
		case xmlscan.StartElement:
			return true
		case xmlscan.EndElement:
			return false
		case xmlscan.Text:
			if strings.TrimSpace(sc.Text()) != "" {
				return false
			}
		}
	}
	return false
}

// enterBody reads up to the envelope's Body, past any Header.
func enterBody(sc *xmlscan.Scanner) error {
	if !sc.Next() || sc.Kind() != xmlscan.StartElement {
		return notACall(sc, "not a SOAP envelope")
	}
	switch {
	case sc.Space() == soap12NS:
		return &faultError{code: "VersionMismatch", reason: "a SOAP 1.2 envelope: the Web Connector speaks SOAP 1.1"}
	case sc.Space() != soapNS || sc.Local() != "Envelope":
		return clientFault("not a SOAP envelope: %s", sc.Local())
	}
	for nextStart(sc) {
		switch {
		case sc.Space() == soapNS && sc.Local() == "Header":
			if err := sc.Skip(); err != nil {
				return clientFault("the envelope's header is not well-formed: %v", err)
			}
		case sc.Space() == soapNS && sc.Local() == "Body":
			return nil
		default:
			return clientFault("the envelope holds %s where its Body should be", sc.Local())
		}
	}
	return notACall(sc, "Envelope holds no call")
}

// readParams reads the call's parameters, to the call's end.
func readParams(sc *xmlscan.Scanner, op operation) (params, error) {
	p := params{}
	for nextStart(sc) {
		name := sc.Local()
		if sc.Space() != Namespace || !slices.Contains(op.params, name) {
			return nil, clientFault("%s has no parameter %s in %q", op.name, name, sc.Space())
		}
		if _, twice := p[name]; twice {
			return nil, clientFault("%s has the parameter %s twice", op.name, name)
		}
		text, err := sc.ReadText()
		if err != nil {
			if sc.Err() != nil {
				return nil, clientFault("the call is not well-formed XML: %v", sc.Err())
			}
			return nil, clientFault("the parameter %s of %s holds elements, not text", name, op.name)
		}
		p[name] = text
	}
	if sc.Err() != nil || sc.Kind() != xmlscan.EndElement {
		return nil, notACall(sc, "text where "+op.name+" should hold elements")
	}
	return p, checkInts(op, p)
}

// checkInts refuses a call whose int parameters are missing or not ints.
func checkInts(op operation, p params) error {
	for _, name := range op.ints {
		v, sent := p[name]
		if _, err := strconv.Atoi(v); !sent || err != nil {
			return clientFault("%s needs the whole number %s, not %q", op.name, name, v)
		}
	}
	return nil
}

// encodeAnswer writes op's answer as a SOAP 1.1 envelope, its elements in
// the Web Connector's namespace, with the XML declaration the Web
// Connector wants.
func encodeAnswer(w io.Writer, op operation, r result) error {
	var b bytes.Buffer
	enc := xml.NewEncoder(&b)
	response := xml.StartElement{Name: xml.Name{Local: op.name + "Response"}, Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: Namespace}}}
	resultEl := xml.StartElement{Name: xml.Name{Local: op.name + "Result"}}
	err := errors.Join(enc.EncodeToken(response), enc.EncodeToken(resultEl))
	switch {
	case r.strings != nil:
		for _, s := range r.strings {
			err = errors.Join(err, enc.EncodeElement(s, xml.StartElement{Name: xml.Name{Local: "string"}}))
		}
	case r.number != nil:
		err = errors.Join(err, enc.EncodeToken(xml.CharData(strconv.Itoa(*r.number))))
	default:
		err = errors.Join(err, enc.EncodeToken(xml.CharData(r.text)))
	}
	err = errors.Join(err, enc.EncodeToken(resultEl.End()), enc.EncodeToken(response.End()), enc.Flush())
	if err != nil {
		return err
	}
	return writeEnvelope(w, b.Bytes())
}

// encodeFault writes a SOAP 1.1 fault.
func encodeFault(w io.Writer, f *faultError) error {
	var b bytes.Buffer
	b.WriteString("<soap:Fault><faultcode>soap:" + f.code + "</faultcode><faultstring>")
	if err := xml.EscapeText(&b, []byte(f.reason)); err != nil {
		return err
	}
	b.WriteString("</faultstring></soap:Fault>")
	return writeEnvelope(w, b.Bytes())
}

func writeEnvelope(w io.Writer, body []byte) error {
	_, err := fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?>`+
		`<soap:Envelope xmlns:soap="%s" xmlns:xsi="%s" xmlns:xsd="%s"><soap:Body>%s</soap:Body></soap:Envelope>`,
		soapNS, xsiNS, xsdNS, body)
	return err
}
