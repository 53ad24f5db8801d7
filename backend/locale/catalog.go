package locale

import (
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"slices"
	"sync"
	"sync/atomic"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// The message catalogs, one file a locale: catalogs/en-GB.json. Every
// text a user sees is a message keyed by its US English words (a format
// of package fmt, with its verbs for the values), so the code reads as
// what it says. A message is a text, or its plural forms:
//
//	{"language": "en-GB", "messages": {
//	  "Invoice Retainage Item": "Payment Application Retention Item",
//	  "%d items": {"plural": 1, "one": "%d item", "other": "%d items"}}}
//
// "plural" is the position of the count among the values (from 1).
// TestCatalogsHaveEveryMessageOnce fails when a catalog misses a message
// the code uses or keeps one it does not.
//
//go:embed catalogs/*.json
var catalogFiles embed.FS

// catalogFile is one locale's catalog as written.
type catalogFile struct {
	Language Locale                     `json:"language"`
	Messages map[string]json.RawMessage `json:"messages"`
}

// pluralForms is a message whose words depend on a count.
type pluralForms struct {
	Plural int    `json:"plural"`
	One    string `json:"one"`
	Other  string `json:"other"`
}

// buildCatalog builds l's catalog. A printer looks its words up in its
// own locale only (en-GB, then en, never en-US), so each locale's catalog
// stands alone, and is built when first used: the app speaks one locale
// at a time, and building all four at start was most of what the Go
// process allocated (docs/memory.md).
func buildCatalog(l Locale) (*catalog.Builder, error) {
	b := catalog.NewBuilder(catalog.Fallback(l.Tag()))
	f, err := readCatalog(l)
	if err == nil {
		err = addTo(b, f)
	}
	if err != nil {
		return nil, fmt.Errorf("catalog %s: %w", l, err)
	}
	return b, nil
}

func readCatalog(l Locale) (catalogFile, error) {
	var f catalogFile
	data, err := catalogFiles.ReadFile(path.Join("catalogs", string(l)+".json"))
	if err == nil {
		err = json.Unmarshal(data, &f)
	}
	if err == nil && f.Language != l {
		err = fmt.Errorf("says it is %q", f.Language)
	}
	return f, err
}

func addTo(b *catalog.Builder, f catalogFile) error {
	tag := f.Language.Tag()
	for key, raw := range f.Messages {
		var text string
		if json.Unmarshal(raw, &text) == nil {
			if err := b.SetString(tag, key, text); err != nil {
				return fmt.Errorf("%q: %w", key, err)
			}
			continue
		}
		var forms pluralForms
		if err := json.Unmarshal(raw, &forms); err != nil || forms.Plural < 1 || forms.One == "" || forms.Other == "" {
			return fmt.Errorf("%q is neither a text nor plural forms with a count", key)
		}
		if err := b.Set(tag, key, plural.Selectf(forms.Plural, "", plural.One, forms.One, plural.Other, forms.Other)); err != nil {
			return fmt.Errorf("%q: %w", key, err)
		}
	}
	return nil
}

var (
	inUse    atomic.Value // Locale
	printers sync.Map     // Locale → *printer
)

// printer is a locale's printer, made once.
type printer struct {
	once sync.Once
	p    *message.Printer
}

// Use makes l the locale the process speaks: the window's choice, the
// command line's --locale, or the system's.
func Use(l Locale) { inUse.Store(l) }

// Current is the locale in use (US English until Use is called).
func Current() Locale {
	if l, ok := inUse.Load().(Locale); ok {
		return l
	}
	return defaultTag
}

// Printer writes the locale's words; one that is not among All speaks
// US English.
func (l Locale) Printer() *message.Printer {
	if !slices.Contains(All(), l) {
		l = defaultTag
	}
	v, _ := printers.LoadOrStore(l, &printer{})
	pr := v.(*printer)
	pr.once.Do(func() {
		b, err := buildCatalog(l)
		if err != nil {
			// The catalogs are embedded and checked by the tests: a broken
			// one is a build that must not ship.
			panic(err)
		}
		pr.p = message.NewPrinter(l.Tag(), message.Catalog(b))
	})
	return pr.p
}

// T is the message key (US English, a format of package fmt) in the
// words of the locale in use, with args in place of its verbs. key must
// be a literal: the catalogs' check finds the messages by it.
func T(key string, args ...any) string { return Current().Printer().Sprintf(key, args...) }

// Fprintf writes the message key in the locale in use, as T words it.
func Fprintf(w io.Writer, key string, args ...any) (int, error) {
	return Current().Printer().Fprintf(w, key, args...)
}

// Key is a message key kept to be worded later (a setting's label in the
// one description of the settings); only Message makes one, from a literal.
type Key string

// Message marks the literal key as a message, worded later with Text.
func Message(key string) Key { return Key(key) }

// Text is k in the words of the locale in use.
func (k Key) Text(args ...any) string { return Current().Printer().Sprintf(string(k), args...) }
