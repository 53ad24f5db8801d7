package xmlscan

import (
	"errors"
	"strings"
	"testing"
)

// tokens reads doc whole: its tokens as kind:name or text:"…", and the
// fault, if any.
func tokens(doc string) ([]string, error) {
	sc := New(doc)
	var out []string
	for sc.Next() {
		switch sc.Kind() {
		case StartElement:
			t := "<" + sc.Name()
			if v, ok := sc.Attr("a"); ok {
				t += " a=" + v
			}
			out = append(out, t+">")
		case EndElement:
			out = append(out, "</"+sc.Name()+">")
		case Text:
			out = append(out, "text:"+sc.Text())
		}
	}
	return out, sc.Err()
}

func TestWellFormedDocumentsAreRead(t *testing.T) {
	for doc, want := range map[string]string{
		`<a/>`: `<a>,</a>`,
		"\uFEFF<?xml version=\"1.0\"?>\n<?qbxml version=\"13.0\"?>\n<!-- hi -->\n<r a='1 &amp; 2'><b>x &lt;y&gt; &#233;&#x20AC;</b><c a=\"&quot;\"/></r>\n": `<r a=1 & 2>,<b>,text:x <y> é€,</b>,<c a=">,</c>,</r>`,
		"<r>one\r\ntwo\rthree<![CDATA[<raw>&amp;\r\n]]></r>": "<r>,text:one\ntwo\nthree,text:<raw>&amp;\n,</r>",
		`<r><!-- a - b --><?pi x?>t</r>`:                     `<r>,text:t,</r>`,
		`<qb:R  a = "v" ></qb:R >`:                           `<qb:R a=v>,</qb:R>`,
	} {
		got, err := tokens(doc)
		if err != nil || strings.Join(got, ",") != want {
			t.Errorf("%q:\n got %s (%v)\nwant %s", doc, strings.Join(got, ","), err, want)
		}
	}
}

// What is not well-formed, and what a reader that trusts nothing must
// not take, is refused at the first fault.
func TestWhatIsNotWellFormedIsRefused(t *testing.T) {
	for name, doc := range map[string]string{
		"empty":                      ``,
		"only a declaration":         `<?xml version="1.0"?>`,
		"text outside":               `hello`,
		"text after the root":        `<a/>b`,
		"two roots":                  `<a/><b/>`,
		"not closed":                 `<a><b></b>`,
		"closed out of order":        `<a><b></a></b>`,
		"an end without a start":     `</a>`,
		"a tag cut short":            `<a`,
		"a name that is none":        `<1a/>`,
		"an attribute twice":         `<a x="1" x="2"/>`,
		"an attribute without =":     `<a x/>`,
		"an unquoted attribute":      `<a x=1/>`,
		"no space between":           `<a x="1"y="2"/>`,
		"< in an attribute":          `<a x="<"/>`,
		"an unknown entity":          `<a>&nbsp;</a>`,
		"a bare ampersand":           `<a>fish & chips</a>`,
		"a reference to NUL":         `<a>&#0;</a>`,
		"a reference past Unicode":   `<a>&#x110000;</a>`,
		"a reference to a surrogate": `<a>&#xD800;</a>`,
		"a control character":        "<a>\x01</a>",
		"bytes that are not UTF-8":   "<a>\xff\xfe</a>",
		"U+FFFE":                     "<a>\uFFFE</a>",
		"]]> in text":                `<a>]]></a>`,
		"-- in a comment":            `<a><!-- a -- b --></a>`,
		"a comment not closed":       `<a><!-- a </a>`,
		"CDATA not closed":           `<a><![CDATA[x</a>`,
		"CDATA outside":              `<![CDATA[x]]><a/>`,
		"a directive":                `<a><!ELEMENT a ANY></a>`,
		"nested too deep":            strings.Repeat("<a>", maxDepth+1) + strings.Repeat("</a>", maxDepth+1),
	} {
		if got, err := tokens(doc); err == nil {
			t.Errorf("%s: read as %v", name, got)
		}
	}
}

// No entity can be declared: the document type is refused before any
// entity could be expanded (XXE, a billion laughs).
func TestADocumentTypeIsRefused(t *testing.T) {
	for _, doc := range []string{
		`<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>`,
		`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`,
	} {
		if _, err := tokens(doc); !errors.Is(err, ErrDocType) {
			t.Errorf("%.40q: %v", doc, err)
		}
	}
}

func TestReadTextAndSkip(t *testing.T) {
	sc := New(`<r><a>one &amp; <![CDATA[two]]></a><b><c>x</c><d/></b><e>y</e></r>`)
	sc.Next() // <r>
	sc.Next() // <a>
	if text, err := sc.ReadText(); err != nil || text != "one & two" {
		t.Fatalf("a: %q %v", text, err)
	}
	sc.Next() // <b>
	if err := sc.Skip(); err != nil {
		t.Fatal(err)
	}
	sc.Next() // <e>
	if sc.Name() != "e" {
		t.Fatalf("after the skip: %s", sc.Name())
	}
	sc = New(`<r><a>x<b/></a></r>`)
	sc.Next()
	sc.Next()
	if _, err := sc.ReadText(); err == nil {
		t.Fatal("an element inside text was read")
	}
}

// Eight bytes at a time pass only when each is printable ASCII.
func TestPrintableASCII(t *testing.T) {
	for s, want := range map[string]bool{
		"abcdefgh": true, " ~!{}<>&": true, "abc\tdefg": false, "abcdefg\x7f": true,
		"abcdefg\x80": false, "\x00bcdefgh": false, "\x1fbcdefgh": false, "abcd\xc3\xa9fg": false,
	} {
		if got := printableASCII(s); got != want {
			t.Errorf("%q: %v", s, got)
		}
	}
}
