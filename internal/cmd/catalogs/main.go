// Command catalogs brings the message catalogs (backend/locale/catalogs)
// in step with the Go code, as make catalogs runs it: a message the code
// no longer uses is removed, and one it uses that a catalog lacks is added
// with its US English words, and listed so that its British, Australian
// and Canadian words are checked by hand. The files stay sorted by key.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"qbsettings/internal/messages"
)

var locales = []string{"en-US", "en-GB", "en-AU", "en-CA"}

type catalogFile struct {
	Language string                     `json:"language"`
	Messages map[string]json.RawMessage `json:"messages"`
}

func main() {
	if err := run("."); err != nil {
		fmt.Fprintln(os.Stderr, "catalogs:", err)
		os.Exit(1)
	}
}

func run(root string) error {
	used, err := messages.Used(root)
	if err != nil {
		return err
	}
	dir := filepath.Join(root, "backend", "locale", "catalogs")
	us, err := read(filepath.Join(dir, "en-US.json"))
	if err != nil {
		return err
	}
	for _, l := range locales {
		path := filepath.Join(dir, l+".json")
		f, err := read(path)
		if err != nil {
			return err
		}
		for key := range f.Messages {
			if _, ok := used[key]; !ok {
				delete(f.Messages, key)
				fmt.Printf("%s: removed %q\n", l, key)
			}
		}
		for key := range used {
			if _, ok := f.Messages[key]; ok {
				continue
			}
			text, ok := us.Messages[key]
			if !ok {
				text, _ = marshal(key)
			}
			f.Messages[key] = text
			if l != "en-US" {
				fmt.Printf("%s: added %q with its US words: check them\n", l, key)
			}
		}
		if l == "en-US" {
			us = f
		}
		if err := write(path, l, f.Messages); err != nil {
			return err
		}
	}
	return nil
}

func read(path string) (catalogFile, error) {
	f := catalogFile{Messages: map[string]json.RawMessage{}}
	data, err := os.ReadFile(path) //nolint:gosec // the project's own catalog files
	if os.IsNotExist(err) {
		return f, nil
	}
	if err == nil {
		err = json.Unmarshal(data, &f)
	}
	if f.Messages == nil {
		f.Messages = map[string]json.RawMessage{}
	}
	return f, err
}

func marshal(v any) (json.RawMessage, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(b.Bytes()), nil
}

// write writes a catalog sorted by key, one message a line.
func write(path, language string, msgs map[string]json.RawMessage) error {
	keys := make([]string, 0, len(msgs))
	for k := range msgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"language\": %q,\n  \"messages\": {\n", language)
	for i, k := range keys {
		key, err := marshal(k)
		if err != nil {
			return err
		}
		var value bytes.Buffer
		if err := json.Compact(&value, msgs[k]); err != nil {
			return err
		}
		sep := ","
		if i == len(keys)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "    %s: %s%s\n", key, spaced(value.Bytes()), sep)
	}
	b.WriteString("  }\n}\n")
	return os.WriteFile(path, b.Bytes(), 0o644) //nolint:gosec // source files, readable like the rest of the tree
}

// spaced re-encodes a compacted value without HTML escapes and with a
// space after each colon and comma of a plural's forms.
func spaced(v []byte) []byte {
	var x any
	if json.Unmarshal(v, &x) != nil {
		return v
	}
	if m, ok := x.(map[string]any); ok {
		var b bytes.Buffer
		b.WriteString("{")
		for i, k := range []string{"plural", "one", "other"} {
			if i > 0 {
				b.WriteString(", ")
			}
			kb, _ := marshal(k)
			vb, _ := marshal(m[k])
			fmt.Fprintf(&b, "%s: %s", kb, vb)
		}
		b.WriteString("}")
		return b.Bytes()
	}
	out, err := marshal(x)
	if err != nil {
		return v
	}
	return out
}
