package xmlscan

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// standardTokens reads doc with encoding/xml (strict, no entities beyond XML's
// own) into the tokens tokens gives: elements, and text, adjacent pieces
// joined.
func standardTokens(doc string) ([]string, error) {
	dec := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(doc, "\uFEFF")))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var out []string
	text, depth := "", 0
	flush := func() {
		if text != "" && depth > 0 {
			out = append(out, "text:"+text)
		}
		text = ""
	}
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			flush()
			name := t.Name.Local
			if t.Name.Space != "" {
				name = t.Name.Space + ":" + name
			}
			s := "<" + name
			for _, a := range t.Attr {
				if a.Name.Local == "a" && a.Name.Space == "" {
					s += " a=" + a.Value
				}
			}
			out = append(out, s+">")
			depth++
		case xml.EndElement:
			flush()
			name := t.Name.Local
			if t.Name.Space != "" {
				name = t.Name.Space + ":" + name
			}
			out = append(out, "</"+name+">")
			depth--
		case xml.CharData:
			text += string(t)
		}
	}
}

// joined is tokens' output with adjacent texts joined (CDATA beside text
// is one piece of character data to encoding/xml).
func joined(toks []string) []string {
	var out []string
	for _, t := range toks {
		if strings.HasPrefix(t, "text:") && len(out) > 0 && strings.HasPrefix(out[len(out)-1], "text:") {
			out[len(out)-1] += strings.TrimPrefix(t, "text:")
			continue
		}
		out = append(out, t)
	}
	return out
}

// Whatever the scanner reads whole, encoding/xml reads too, as the same
// elements and text: the scanner is never laxer than the standard
// library, only stricter (it refuses a document type, and so on).
func FuzzAgreesWithEncodingXML(f *testing.F) {
	for _, seed := range []string{
		`<a/>`, `<r a='1 &amp; 2'><b>x &lt;y&gt; &#233;</b><c a="&quot;"/></r>`,
		"<r>one\r\ntwo<![CDATA[<raw>]]></r>", `<r><!-- c --><?pi x?>t</r>`, `<qb:R a="v"></qb:R>`,
		`<?xml version="1.0" encoding="windows-1252"?><QBXML><QBXMLMsgsRs><ItemServiceQueryRs statusCode="0"/></QBXMLMsgsRs></QBXML>`,
		`<!DOCTYPE a><a/>`, "<a>\x01</a>",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		got, err := tokens(doc)
		if err != nil {
			return
		}
		want, refErr := standardTokens(doc)
		if refErr != nil {
			t.Fatalf("the scanner read what encoding/xml refuses (%v): %q", refErr, doc)
		}
		if g, w := strings.Join(joined(got), "\x00"), strings.Join(want, "\x00"); g != w {
			t.Fatalf("read differently:\n scanner  %q\n encoding %q\n doc %q", joined(got), want, doc)
		}
	})
}
