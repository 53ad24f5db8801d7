package locale

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"sync"
	"testing"

	"golang.org/x/text/message"

	"qbsettings/internal/messages"
)

// root is the project's root, where the Go code is.
const root = "../.."

// usedMessages finds every message the project's Go code uses.
func usedMessages(t *testing.T) map[string][]string {
	t.Helper()
	used, err := messages.Used(root)
	if err != nil {
		t.Error(err)
	}
	return used
}

// verbs are a format's verbs, sorted: a translation must keep them all.
var verbPattern = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

func verbs(format string) []string {
	v := verbPattern.FindAllString(format, -1)
	sort.Strings(v)
	return v
}

func TestCatalogsHaveEveryMessageOnce(t *testing.T) {
	used := usedMessages(t)
	if len(used) == 0 {
		t.Fatal("no messages found in the code")
	}
	for _, l := range All() {
		f, err := readCatalog(l)
		if err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		for key, where := range used {
			if _, ok := f.Messages[key]; !ok {
				t.Errorf("catalogs/%s.json has no message %q (used at %s)", l, key, where[0])
			}
		}
		for key, raw := range f.Messages {
			if _, ok := used[key]; !ok {
				t.Errorf("catalogs/%s.json has %q, which the code no longer uses", l, key)
				continue
			}
			texts := []string{}
			var text string
			var forms pluralForms
			if json.Unmarshal(raw, &text) == nil {
				texts = append(texts, text)
			} else if json.Unmarshal(raw, &forms) == nil {
				texts = append(texts, forms.One, forms.Other)
			}
			for _, tr := range texts {
				if !slices.Equal(verbs(tr), verbs(key)) {
					t.Errorf("catalogs/%s.json: %q has the values %v, but its key %q has %v", l, tr, verbs(tr), key, verbs(key))
				}
			}
		}
	}
	for _, l := range All() {
		if _, err := buildCatalog(l); err != nil {
			t.Error(err)
		}
	}
}

// The catalog files are kept sorted by key, so a change reads as one line,
// and hold each key once: encoding/json would keep the last of two
// silently, so the keys are read as the file writes them.
func TestCatalogFilesAreSortedWithEachKeyOnce(t *testing.T) {
	for _, l := range All() {
		data, err := os.ReadFile(filepath.Join("catalogs", string(l)+".json"))
		if err != nil {
			t.Fatal(err)
		}
		keys, err := messageKeysAsWritten(data)
		if err != nil {
			t.Fatalf("catalogs/%s.json: %v", l, err)
		}
		if len(keys) < 50 {
			t.Fatalf("catalogs/%s.json: only %d messages read", l, len(keys))
		}
		seen := map[string]bool{}
		for _, k := range keys {
			if seen[k] {
				t.Errorf("catalogs/%s.json has %q twice", l, k)
			}
			seen[k] = true
		}
		if !sort.StringsAreSorted(keys) {
			t.Errorf("catalogs/%s.json is not sorted by key", l)
		}
	}
}

// expectObject reads the start of a JSON object.
func expectObject(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		return errors.New("not a JSON object")
	}
	return nil
}

// messageKeysAsWritten reads the keys of a catalog file's "messages" in
// the file's order, a key written twice twice.
func messageKeysAsWritten(data []byte) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := expectObject(dec); err != nil {
		return nil, err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		if tok != "messages" {
			var skipped json.RawMessage
			if err := dec.Decode(&skipped); err != nil {
				return nil, err
			}
			continue
		}
		if err := expectObject(dec); err != nil {
			return nil, fmt.Errorf("messages: %w", err)
		}
		var keys []string
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return nil, err
			}
			keys = append(keys, key.(string))
			var value json.RawMessage
			if err := dec.Decode(&value); err != nil {
				return nil, err
			}
		}
		return keys, nil
	}
	return nil, errors.New("no messages")
}

func TestPluralsAndPlaceholders(t *testing.T) {
	b, err := buildCatalog(Britain)
	if err != nil {
		t.Fatal(err)
	}
	if err := addTo(b, catalogFile{Language: Britain, Messages: map[string]json.RawMessage{
		"test: %s saved": json.RawMessage(`"test: %s saved, innit"`),
		"test: %d items": json.RawMessage(`{"plural": 1, "one": "test: %d item", "other": "test: %d items"}`)}}); err != nil {
		t.Fatal(err)
	}
	p := message.NewPrinter(Britain.Tag(), message.Catalog(b))
	if got := p.Sprintf("test: %s saved", "Revision 3"); got != "test: Revision 3 saved, innit" {
		t.Fatalf("placeholder: %q", got)
	}
	if one, many := p.Sprintf("test: %d items", 1), p.Sprintf("test: %d items", 20000); one != "test: 1 item" || many != "test: 20,000 items" {
		t.Fatalf("plural: %q, %q", one, many)
	}
}

// Each locale's printer has its own catalog, made once on first use, and
// speaks that locale's words, also when used from many goroutines at once;
// a locale the app does not speak speaks US English.
func TestEachLocaleSpeaksItsOwnCatalog(t *testing.T) {
	key := "Invoice Retainage Item"
	want := map[Locale]string{US: key, Britain: "Payment Application Retention Item", Locale("fr-FR"): key}
	for l, words := range want {
		var wg sync.WaitGroup
		got := make([]*message.Printer, 8)
		for i := range got {
			wg.Go(func() { got[i] = l.Printer() })
		}
		wg.Wait()
		for _, p := range got {
			if p != got[0] {
				t.Fatalf("%s: more than one printer", l)
			}
		}
		if s := got[0].Sprintf(key); s != words {
			t.Errorf("%s says %q, want %q", l, s, words)
		}
	}
}
