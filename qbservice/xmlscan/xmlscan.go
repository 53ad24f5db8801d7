// Package xmlscan reads an XML document held whole in memory, a token at
// a time, without reflection and nearly without allocating: names,
// attribute values and text are pieces of the document itself, unescaped
// only where they hold a reference. It is what the QuickBooks service
// reads QuickBooks' answers with, a thousand pages of them in a refresh,
// where encoding/xml's decoding was most of the service's time.
//
// It holds the document to XML 1.0's well-formedness where it matters to
// a reader that trusts nothing it is sent: one root element, every
// element closed in order, attribute names not repeated, names made of
// name characters, text of XML characters in valid UTF-8, only the five
// predefined entities and character references of XML characters. A
// document type declaration is refused (no entity can be defined, so none
// can be expanded: no XXE, no entity bombs). Comments, processing
// instructions and CDATA sections are read as XML allows them.
// A name is read as written, prefix and all (qbXML has none); Space
// resolves an element's namespace from the declarations in scope (SOAP's
// envelope has them).
package xmlscan

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Kind is a token's kind.
type Kind uint8

const (
	// StartElement: Name and the attributes (Attr); an empty element
	// (<a/>) is a StartElement followed by its EndElement.
	StartElement Kind = iota + 1
	EndElement
	// Text is character data, CDATA sections included (Text unescapes it).
	Text
)

// maxDepth bounds nesting: qbXML is a handful of levels deep.
const maxDepth = 256

// SyntaxError is a document that is not well-formed, at a byte offset.
type SyntaxError struct {
	Offset int
	Reason string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("not well-formed XML at byte %d: %s", e.Offset, e.Reason)
}

// ErrDocType: the document declares a document type, which is refused.
var ErrDocType = errors.New("a document type declaration is not accepted")

// Scanner reads the tokens of one document.
type Scanner struct {
	src   string
	pos   int
	stack []string // the open elements' names
	// scopes are the namespace declarations in force, innermost last, each
	// with the depth of the element that made it.
	scopes []nsDecl
	done   bool // the root element ended
	seen   bool // the root element began
	err    error

	kind     Kind
	name     string
	attrs    string // a start tag's attributes, as written
	text     string // text as written (CDATA: its content)
	cdata    bool
	selfEnd  bool // the start tag just read was empty: its end comes next
	tokStart int
}

// New reads src.
func New(src string) *Scanner {
	return &Scanner{src: strings.TrimPrefix(src, "\uFEFF"), stack: make([]string, 0, 16)}
}

// Err is why Next stopped: nil at the document's end.
func (s *Scanner) Err() error { return s.err }

// Kind, Name and Depth describe the token Next read. Depth counts the
// elements open around it (a StartElement's own included).
func (s *Scanner) Kind() Kind   { return s.kind }
func (s *Scanner) Name() string { return s.name }
func (s *Scanner) Depth() int   { return len(s.stack) }

func (s *Scanner) fail(at int, format string, args ...any) bool {
	if s.err == nil {
		s.err = &SyntaxError{Offset: at, Reason: fmt.Sprintf(format, args...)}
	}
	s.kind = 0
	return false
}

// Next reads the next element start, element end or text. It returns
// false at the document's end, or at the first fault (Err). Whitespace
// outside the root element, comments and processing instructions are
// passed over.
func (s *Scanner) Next() bool {
	if s.err != nil {
		return false
	}
	if s.selfEnd {
		s.selfEnd = false
		s.kind = EndElement
		s.pop()
		return true
	}
	for {
		if s.pos >= len(s.src) {
			switch {
			case len(s.stack) > 0:
				return s.fail(s.pos, "the document ends inside <%s>", s.stack[len(s.stack)-1])
			case !s.seen:
				return s.fail(s.pos, "no root element")
			}
			s.kind = 0
			return false
		}
		s.tokStart = s.pos
		if s.src[s.pos] != '<' {
			if ok, isToken := s.readText(); !ok || isToken {
				return ok
			}
			continue
		}
		if s.pos+1 >= len(s.src) {
			return s.fail(s.pos, "the document ends inside markup")
		}
		switch c := s.src[s.pos+1]; {
		case c == '/':
			return s.readEnd()
		case c == '?':
			target, ok := nameAt(s.src, s.pos+2)
			if !ok {
				return s.fail(s.pos, "a processing instruction without a target")
			}
			after := s.pos + 2 + len(target)
			if !strings.HasPrefix(s.src[after:], "?>") && (after >= len(s.src) || !isSpace(s.src[after])) {
				return s.fail(after, "a processing instruction's target not followed by a space")
			}
			if !s.skipPast(after, "?>", "a processing instruction") {
				return false
			}
			if strings.EqualFold(target, "xml") && !s.declaration(s.tokStart, target, s.src[after:s.pos-2]) {
				return false
			}
		case strings.HasPrefix(s.src[s.pos:], "<!--"):
			end := strings.Index(s.src[s.pos+4:], "--")
			if end < 0 || !strings.HasPrefix(s.src[s.pos+4+end:], "-->") {
				return s.fail(s.pos, "a comment not closed with -->, or with -- inside")
			}
			if !s.checkChars(s.src[s.pos+4:s.pos+4+end], s.pos+4) {
				return false
			}
			s.pos += 4 + end + 3
		case strings.HasPrefix(s.src[s.pos:], "<![CDATA["):
			if len(s.stack) == 0 {
				return s.fail(s.pos, "CDATA outside the root element")
			}
			end := strings.Index(s.src[s.pos+9:], "]]>")
			if end < 0 {
				return s.fail(s.pos, "a CDATA section not closed")
			}
			s.text, s.cdata, s.kind = s.src[s.pos+9:s.pos+9+end], true, Text
			if !s.checkChars(s.text, s.pos+9) {
				return false
			}
			s.pos += 9 + end + 3
			if s.text != "" { // an empty section is no text
				return true
			}
		case strings.HasPrefix(s.src[s.pos:], "<!DOCTYPE"):
			s.err = ErrDocType
			return false
		case c == '!':
			return s.fail(s.pos, "markup that is not XML's")
		default:
			return s.readStart()
		}
	}
}

// declaration checks the XML declaration (<?xml …?>, its content after
// the target): first in the document, of version 1.0.
func (s *Scanner) declaration(at int, target, content string) bool {
	// Blank lines before it are taken, as encoding/xml takes them.
	if strings.TrimLeft(s.src[:at], " \t\r\n") != "" || target != "xml" {
		return s.fail(at, "an XML declaration that is not the document's first thing")
	}
	v := strings.TrimLeft(content, " \t\r\n")
	if !strings.HasPrefix(v, "version") {
		return s.fail(at, "an XML declaration without its version")
	}
	v = strings.TrimLeft(strings.TrimPrefix(v, "version"), " \t\r\n")
	if !strings.HasPrefix(v, "=") {
		return s.fail(at, "an XML declaration without its version")
	}
	v = strings.TrimLeft(v[1:], " \t\r\n")
	if !strings.HasPrefix(v, `"1.0"`) && !strings.HasPrefix(v, "'1.0'") {
		return s.fail(at, "an XML declaration of another version than 1.0")
	}
	return true
}

// skipPast moves past the end marker of a construct that began before
// from; false when it has none.
func (s *Scanner) skipPast(from int, end, what string) bool {
	i := strings.Index(s.src[from:], end)
	if i < 0 {
		return s.fail(s.pos, "%s not closed", what)
	}
	if !s.checkChars(s.src[from:from+i], from) {
		return false
	}
	s.pos = from + i + len(end)
	return true
}

// readText reads text up to the next markup. Outside the root element
// only whitespace may be; it is passed over (isToken false).
func (s *Scanner) readText() (ok, isToken bool) {
	end := strings.IndexByte(s.src[s.pos:], '<')
	if end < 0 {
		end = len(s.src) - s.pos
	}
	text := s.src[s.pos : s.pos+end]
	if len(s.stack) == 0 {
		if strings.TrimLeft(text, " \t\r\n") != "" {
			return s.fail(s.pos, "text outside the root element"), false
		}
		s.pos += end
		return true, false
	}
	if !s.checkText(text, s.pos) {
		return false, false
	}
	s.text, s.cdata, s.kind = text, false, Text
	s.pos += end
	return true, true
}

// readStart reads a start tag.
func (s *Scanner) readStart() bool {
	if s.done {
		return s.fail(s.pos, "a second root element")
	}
	if len(s.stack) == maxDepth {
		return s.fail(s.pos, "elements nested deeper than %d", maxDepth)
	}
	p := s.pos + 1
	name, ok := nameAt(s.src, p)
	if !ok {
		return s.fail(p, "a start tag without a name")
	}
	p += len(name)
	attrsFrom := p
	var seen []string
	for {
		q := skipSpace(s.src, p)
		if q >= len(s.src) {
			return s.fail(s.pos, "the document ends inside <%s>", name)
		}
		if s.src[q] == '>' || strings.HasPrefix(s.src[q:], "/>") {
			s.attrs = s.src[attrsFrom:q]
			s.selfEnd = s.src[q] == '/'
			if s.selfEnd {
				q++
			}
			s.pos = q + 1
			break
		}
		if q == p {
			return s.fail(q, "no space before an attribute of <%s>", name)
		}
		attr, ok := nameAt(s.src, q)
		if !ok {
			return s.fail(q, "an attribute of <%s> without a name", name)
		}
		for _, a := range seen {
			if a == attr {
				return s.fail(q, "the attribute %s twice in <%s>", attr, name)
			}
		}
		seen = append(seen, attr)
		q = skipSpace(s.src, q+len(attr))
		if q >= len(s.src) || s.src[q] != '=' {
			return s.fail(q, "the attribute %s of <%s> without a value", attr, name)
		}
		q = skipSpace(s.src, q+1)
		if q >= len(s.src) || (s.src[q] != '"' && s.src[q] != '\'') {
			return s.fail(q, "the attribute %s of <%s> without quotes", attr, name)
		}
		quote := s.src[q]
		end := strings.IndexByte(s.src[q+1:], quote)
		if end < 0 {
			return s.fail(q, "the attribute %s of <%s> not closed", attr, name)
		}
		value := s.src[q+1 : q+1+end]
		if strings.IndexByte(value, '<') >= 0 {
			return s.fail(q, "< in the attribute %s of <%s>", attr, name)
		}
		if !s.checkText(value, q+1) {
			return false
		}
		p = q + 1 + end + 1
	}
	s.seen = true
	s.stack = append(s.stack, name)
	s.kind, s.name, s.text = StartElement, name, ""
	if strings.Contains(s.attrs, "xmlns") {
		s.declare()
	}
	return true
}

// readEnd reads an end tag, which must close the element open last.
func (s *Scanner) readEnd() bool {
	p := s.pos + 2
	name, ok := nameAt(s.src, p)
	if !ok {
		return s.fail(p, "an end tag without a name")
	}
	q := skipSpace(s.src, p+len(name))
	if q >= len(s.src) || s.src[q] != '>' {
		return s.fail(q, "the end tag </%s> not closed", name)
	}
	if len(s.stack) == 0 || s.stack[len(s.stack)-1] != name {
		open := "none"
		if len(s.stack) > 0 {
			open = "<" + s.stack[len(s.stack)-1] + ">"
		}
		return s.fail(s.pos, "</%s> closes %s", name, open)
	}
	s.pos = q + 1
	s.kind, s.name = EndElement, name
	s.pop()
	return true
}

// pop closes the element open last, and the declarations it made.
func (s *Scanner) pop() {
	depth := len(s.stack)
	for len(s.scopes) > 0 && s.scopes[len(s.scopes)-1].depth == depth {
		s.scopes = s.scopes[:len(s.scopes)-1]
	}
	s.stack = s.stack[:depth-1]
	s.done = len(s.stack) == 0
}

// nsDecl is one namespace declaration: prefix ("" for the default) and URI.
type nsDecl struct {
	depth  int
	prefix string
	uri    string
}

// declare keeps the namespace declarations of the start tag just read.
func (s *Scanner) declare() {
	rest := s.attrs
	for {
		key, value, more, ok := nextAttr(rest)
		if !ok {
			return
		}
		rest = more
		switch {
		case key == "xmlns":
			s.scopes = append(s.scopes, nsDecl{depth: len(s.stack), uri: unescape(value)})
		case strings.HasPrefix(key, "xmlns:"):
			s.scopes = append(s.scopes, nsDecl{depth: len(s.stack), prefix: key[len("xmlns:"):], uri: unescape(value)})
		}
	}
}

// Space is the namespace of the element just begun, as the
// declarations in scope bind its prefix ("" when none does).
func (s *Scanner) Space() string {
	prefix := ""
	if i := strings.IndexByte(s.name, ':'); i >= 0 {
		prefix = s.name[:i]
	}
	for i := len(s.scopes) - 1; i >= 0; i-- {
		if s.scopes[i].prefix == prefix {
			return s.scopes[i].uri
		}
	}
	return ""
}

// Local is the element's name without its prefix.
func (s *Scanner) Local() string {
	if i := strings.IndexByte(s.name, ':'); i >= 0 {
		return s.name[i+1:]
	}
	return s.name
}

// nextAttr reads the first attribute of rest (a start tag's attributes as
// written, checked when the tag was read): its name, its raw value, and
// what follows; ok is false when none is left.
func nextAttr(rest string) (key, value, more string, ok bool) {
	rest = strings.TrimLeft(rest, " \t\r\n")
	if rest == "" {
		return "", "", "", false
	}
	eq := strings.IndexByte(rest, '=')
	key = strings.TrimRight(rest[:eq], " \t\r\n")
	rest = strings.TrimLeft(rest[eq+1:], " \t\r\n")
	quote := rest[0]
	end := strings.IndexByte(rest[1:], quote)
	return key, rest[1 : 1+end], rest[end+2:], true
}

// Attr is the value of the start tag's attribute name, unescaped; ok is
// false when it has none.
func (s *Scanner) Attr(name string) (value string, ok bool) {
	if s.kind != StartElement {
		return "", false
	}
	rest := s.attrs
	for {
		key, raw, more, ok := nextAttr(rest)
		if !ok {
			return "", false
		}
		if key == name {
			return unescape(raw), true // checked when the tag was read
		}
		rest = more
	}
}

// Text is the text token's characters, unescaped, with line ends as \n.
func (s *Scanner) Text() string {
	if s.kind != Text {
		return ""
	}
	if s.cdata {
		return normalizeLines(s.text)
	}
	return unescape(s.text) // checked when the text was read
}

// ReadText reads the content of the element whose start was just read,
// to its end, and returns it unescaped; an element inside is a fault.
func (s *Scanner) ReadText() (string, error) {
	if s.kind != StartElement {
		return "", errors.New("xmlscan: ReadText not at a start tag")
	}
	name, depth := s.name, len(s.stack)
	var text string
	for n := 0; s.Next(); n++ {
		switch s.kind {
		case EndElement:
			if len(s.stack) < depth {
				return text, nil
			}
		case Text:
			if n == 0 {
				text = s.Text()
			} else {
				text += s.Text()
			}
		case StartElement:
			s.fail(s.tokStart, "<%s> inside <%s>, which holds text", s.name, name)
			return "", s.err
		}
	}
	return "", s.errOrEnd()
}

// Skip reads past the end of the element whose start was just read.
func (s *Scanner) Skip() error {
	if s.kind != StartElement {
		return errors.New("xmlscan: Skip not at a start tag")
	}
	depth := len(s.stack)
	for s.Next() {
		if s.kind == EndElement && len(s.stack) < depth {
			return nil
		}
	}
	return s.errOrEnd()
}

func (s *Scanner) errOrEnd() error {
	if s.err != nil {
		return s.err
	}
	return &SyntaxError{Offset: s.pos, Reason: "the document ended early"}
}

// checkText holds text (or an attribute's value) to XML's characters and
// references.
func (s *Scanner) checkText(text string, at int) bool {
	if !s.checkChars(text, at) {
		return false
	}
	for i := strings.IndexByte(text, '&'); i >= 0; {
		_, n, ok := referent(text[i:])
		if !ok {
			return s.fail(at+i, "& that begins no entity or character reference XML defines")
		}
		next := strings.IndexByte(text[i+n:], '&')
		if next < 0 {
			break
		}
		i += n + next
	}
	if strings.Contains(text, "]]>") {
		return s.fail(at, "]]> in text")
	}
	return true
}

// checkChars holds text to XML 1.0's characters in valid UTF-8. Eight
// bytes of printable ASCII, the most of QuickBooks' answers, pass at a
// time.
func (s *Scanner) checkChars(text string, at int) bool {
	for i := 0; i < len(text); {
		if i+8 <= len(text) && printableASCII(text[i:i+8]) {
			i += 8
			continue
		}
		c := text[i]
		if c >= 0x20 && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < 0x20 {
			if c != '\t' && c != '\n' && c != '\r' {
				return s.fail(at+i, "the control character %#x", c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n <= 1 || !isChar(r) {
			return s.fail(at+i, "bytes that are not an XML character in UTF-8")
		}
		i += n
	}
	return true
}

// printableASCII tells whether the eight bytes of s are all from 0x20 to
// 0x7f: none below 0x20 (a control character) nor from 0x80 (beyond
// ASCII), each tested in one word.
func printableASCII(s string) bool {
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	below := (w - 0x20*ones) & ^w & highs // a byte below 0x20
	return below == 0 && w&highs == 0
}

// isChar tells whether r is one of XML 1.0's characters (beyond ASCII).
func isChar(r rune) bool {
	return r >= 0x80 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func skipSpace(s string, p int) int {
	for p < len(s) && isSpace(s[p]) {
		p++
	}
	return p
}

// nameAt is the name that begins at p: a letter or '_', then those,
// digits, '.' and '-', with at most one colon between a prefix and a
// local name (Namespaces in XML's QName). Names are ASCII here: XML
// allows more, but neither qbXML nor SOAP has any, and a reader gains
// nothing from taking them.
func nameAt(s string, p int) (string, bool) {
	q := p
	for q < len(s) {
		c := s[q]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' ||
			q > p && (c >= '0' && c <= '9' || c == '.' || c == '-') {
			q++
			continue
		}
		break
	}
	name := s[p:q]
	if name == "" || name[0] == ':' || name[len(name)-1] == ':' || strings.Count(name, ":") > 1 {
		return name, false
	}
	return name, true
}
