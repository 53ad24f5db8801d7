package xmlscan

import (
	"strings"
	"unicode/utf8"
)

// referent is the character the reference that s begins with (s[0] is
// '&') stands for, and the reference's length: one of the five entities
// XML predefines, or a character reference to an XML character; ok is
// false when it is none of them.
func referent(s string) (r rune, n int, ok bool) {
	// The three a document escapes most (every tag of a document held in
	// another's text), at once.
	if len(s) >= 4 && s[3] == ';' && s[2] == 't' {
		switch s[1] {
		case 'l':
			return '<', 4, true
		case 'g':
			return '>', 4, true
		}
	}
	if len(s) >= 5 && s[1:5] == "amp;" {
		return '&', 5, true
	}
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 12 {
		return 0, 0, false
	}
	body := s[1:end]
	switch body {
	case "lt":
		return '<', end + 1, true
	case "gt":
		return '>', end + 1, true
	case "amp":
		return '&', end + 1, true
	case "apos":
		return '\'', end + 1, true
	case "quot":
		return '"', end + 1, true
	}
	if body[0] != '#' {
		return 0, 0, false
	}
	digits, base := body[1:], rune(10)
	if strings.HasPrefix(digits, "x") {
		digits, base = digits[1:], 16
	}
	if digits == "" {
		return 0, 0, false
	}
	for _, c := range digits {
		d := rune(-1)
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case base == 16 && c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		}
		if d < 0 {
			return 0, 0, false
		}
		r = r*base + d
		if r > utf8.MaxRune {
			return 0, 0, false
		}
	}
	if !isCharRef(r) {
		return 0, 0, false
	}
	return r, end + 1, true
}

// unescape replaces the references in text by their characters and its
// line ends (\r\n, \r) by \n, as XML has a reader see them. Text without
// either is returned as it is, not copied. The references were checked
// when the text was read: one that is none is dropped.
func unescape(text string) string {
	if strings.IndexByte(text, '&') < 0 && strings.IndexByte(text, '\r') < 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		switch c := text[i]; c {
		case '&':
			r, n, ok := referent(text[i:])
			if !ok {
				i++
				continue
			}
			b.WriteRune(r) // one byte for the entities, written as such
			i += n
		case '\r':
			b.WriteByte('\n')
			i++
			if i < len(text) && text[i] == '\n' {
				i++
			}
		default:
			j := len(text)
			if k := strings.IndexAny(text[i+1:], "&\r"); k >= 0 {
				j = i + 1 + k
			}
			b.WriteString(text[i:j])
			i = j
		}
	}
	return b.String()
}

// normalizeLines writes a CDATA section's line ends as \n.
func normalizeLines(text string) string {
	if strings.IndexByte(text, '\r') < 0 {
		return text
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.ReplaceAll(text, "\r", "\n")
}

// isCharRef tells whether r is an XML character a reference may stand for.
func isCharRef(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r < 0x80 || isChar(r)
}
