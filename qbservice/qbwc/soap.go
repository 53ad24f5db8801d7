package qbwc

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
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
// not one.
func decodeCall(r io.Reader) (operation, params, error) {
	dec := xml.NewDecoder(r)
	body, err := enterBody(dec)
	if err != nil {
		return operation{}, nil, err
	}
	start, err := nextStart(dec, body)
	if err != nil {
		return operation{}, nil, err
	}
	op, known := operationNamed(start.Name.Local)
	if start.Name.Space != Namespace || !known {
		return operation{}, nil, clientFault("%s in %q is not a call of the Web Connector", start.Name.Local, start.Name.Space)
	}
	p, err := readParams(dec, op)
	return op, p, err
}

// enterBody reads up to the envelope's Body, past any Header.
func enterBody(dec *xml.Decoder) (xml.StartElement, error) {
	env, err := nextStart(dec, xml.StartElement{})
	if err != nil {
		return env, err
	}
	switch {
	case env.Name.Space == soap12NS:
		return env, &faultError{code: "VersionMismatch", reason: "a SOAP 1.2 envelope: the Web Connector speaks SOAP 1.1"}
	case env.Name != xml.Name{Space: soapNS, Local: "Envelope"}:
		return env, clientFault("not a SOAP envelope: %s", env.Name.Local)
	}
	for {
		el, err := nextStart(dec, env)
		if err != nil {
			return el, err
		}
		switch el.Name {
		case xml.Name{Space: soapNS, Local: "Header"}:
			if err := dec.Skip(); err != nil {
				return el, clientFault("the envelope's header is not well-formed: %v", err)
			}
		case xml.Name{Space: soapNS, Local: "Body"}:
			return el, nil
		default:
			return el, clientFault("the envelope holds %s where its Body should be", el.Name.Local)
		}
	}
}

// nextStart returns the next element inside parent, skipping text and
// comments; reaching parent's end is an error, as is a document that ends.
func nextStart(dec *xml.Decoder, parent xml.StartElement) (xml.StartElement, error) {
	for {
		tok, err := dec.Token()
		if err != nil {
			return xml.StartElement{}, clientFault("the call is not well-formed XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, nil
		case xml.EndElement:
			return xml.StartElement{}, clientFault("%s holds no call", parent.Name.Local)
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 && parent.Name.Local != "" {
				return xml.StartElement{}, clientFault("text where %s should hold elements", parent.Name.Local)
			}
		}
	}
}

// parameter is one parameter element: its text, and anything else it
// holds (which the WSDL does not allow).
type parameter struct {
	Text  string     `xml:",chardata"`
	Inner []xml.Name `xml:",any"`
}

func readParams(dec *xml.Decoder, op operation) (params, error) {
	p := params{}
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, clientFault("the call is not well-formed XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return p, checkInts(op, p)
		case xml.StartElement:
			name := t.Name.Local
			if t.Name.Space != Namespace || !slices.Contains(op.params, name) {
				return nil, clientFault("%s has no parameter %s in %q", op.name, name, t.Name.Space)
			}
			if _, twice := p[name]; twice {
				return nil, clientFault("%s has the parameter %s twice", op.name, name)
			}
			var v parameter
			if err := dec.DecodeElement(&v, &t); err != nil {
				return nil, clientFault("the call is not well-formed XML: %v", err)
			}
			if len(v.Inner) > 0 {
				return nil, clientFault("the parameter %s of %s holds elements, not text", name, op.name)
			}
			p[name] = v.Text
		}
	}
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
