package settings

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// HasHiddenCharacter reports whether s holds a character a person cannot
// see or mean to type in a name, address or password, as pasted text often
// brings: control characters (tab, line break, NUL), format characters
// (Unicode Cf: zero-width space U+200B, the bidirectional controls
// U+202A–U+202E and U+2066–U+2069, the byte-order mark U+FEFF, soft
// hyphen), line and paragraph separators, or bytes that are not UTF-8.
//
// Such characters make a value misleading on screen (a bidi control shows
// "moc.evil" as "live.com"), cut a Windows credential's name short (NUL), or
// break the keychain's D-Bus connection on Linux (NUL, invalid UTF-8), so
// the rules refuse them before a value reaches the keychain, SQLite or the
// network.
func HasHiddenCharacter(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	return strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
	})
}
