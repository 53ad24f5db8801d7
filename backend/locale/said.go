package locale

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
)

// What is kept to be shown later (the last connection test's outcome, why
// the settings did not reach the service) is kept as a Said: the code of a
// message and the values its words need, never its words. It is worded
// when shown, in the language in use then, so a language switch rewords
// it, and a message reworded in a later version shows its new words.

// Phrase is a message with a stable code, so that it can be kept.
type Phrase struct {
	code string
	key  Key
}

var (
	phrasesMu sync.RWMutex
	phrases   = map[string]Key{}
)

// Coded marks the literal key as a message that may be kept, under code.
// A code names one message for good: a new meaning takes a new code, and
// the old one is worded as unknownPhrase once the code is gone. Two
// messages with one code are a mistake, found when the program starts.
func Coded(code, key string) Phrase {
	phrasesMu.Lock()
	defer phrasesMu.Unlock()
	if old, taken := phrases[code]; taken && old != Key(key) {
		panic(fmt.Sprintf("locale: message code %q names two messages", code))
	}
	phrases[code] = Key(key)
	return Phrase{code: code, key: Key(key)}
}

// Text is the phrase worded now, as Key.Text words it.
func (p Phrase) Text(args ...any) string { return p.key.Text(args...) }

// KeyOf is the message a code names; ok is false for a code no phrase has.
func KeyOf(code string) (key Key, ok bool) {
	phrasesMu.RLock()
	defer phrasesMu.RUnlock()
	key, ok = phrases[code]
	return key, ok
}

// Code is the phrase's code, as kept.
func (p Phrase) Code() string { return p.code }

// With is the phrase with the values its verbs take: strings, integers,
// or other Saids (worded in place).
func (p Phrase) With(args ...any) Said {
	if len(args) == 0 {
		return Said{Code: p.code}
	}
	kept := make([]any, len(args))
	for i, a := range args {
		// As read back: every integer an int64.
		if n, ok := a.(int); ok {
			a = int64(n)
		}
		kept[i] = a
	}
	return Said{Code: p.code, Args: kept}
}

// Said is a phrase with its values: what is kept instead of its words.
// The zero Said says nothing.
type Said struct {
	Code string `json:"code"`
	Args []any  `json:"args,omitempty"`
}

// IsZero tells whether s says nothing.
func (s Said) IsZero() bool { return s.Code == "" }

// unknownPhrase words a code this version does not know: kept by a newer
// version of the app, or a message since removed.
var unknownPhrase = Message("This was recorded by another version of the app, which words it differently. Try again to see it in this version's words.")

// Text is s in the words of the locale in use ("" for the zero Said).
func (s Said) Text() string { return Wording(nil).Text(s) }

// Wording is a shell's own words for some codes, where the shared words
// would not do: the window names its buttons, the command line its
// commands. Each takes the same values as the phrase it stands for.
type Wording map[string]Key

// Text is s in the words of the locale in use, in w's words for the codes
// w has, at any depth, and the phrases' own for the others.
func (w Wording) Text(s Said) string {
	if s.IsZero() {
		return ""
	}
	key, own := w[s.Code]
	if !own {
		var known bool
		if key, known = KeyOf(s.Code); !known {
			return unknownPhrase.Text()
		}
	}
	args := make([]any, len(s.Args))
	for i, a := range s.Args {
		if inner, ok := a.(Said); ok {
			a = w.Text(inner)
		}
		args[i] = a
	}
	return key.Text(args...)
}

// UnmarshalJSON reads a kept Said back: numbers become integers (the only
// numbers a message takes), objects inner Saids.
func (s *Said) UnmarshalJSON(data []byte) error {
	var raw struct {
		Code string            `json:"code"`
		Args []json.RawMessage `json:"args"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	out := Said{Code: raw.Code}
	for _, a := range raw.Args {
		v, err := sayArg(a)
		if err != nil {
			return fmt.Errorf("message %q: %w", raw.Code, err)
		}
		out.Args = append(out.Args, v)
	}
	*s = out
	return nil
}

func sayArg(a json.RawMessage) (any, error) {
	t := bytes.TrimSpace(a)
	switch {
	case len(t) > 0 && t[0] == '"':
		var s string
		err := json.Unmarshal(t, &s)
		return s, err
	case len(t) > 0 && t[0] == '{':
		var inner Said
		err := json.Unmarshal(t, &inner)
		return inner, err
	case len(t) > 0 && (t[0] == '-' || t[0] >= '0' && t[0] <= '9'):
		var n int64
		if err := json.Unmarshal(t, &n); err != nil {
			return nil, fmt.Errorf("a value is neither text, a whole number nor a message: %s", t)
		}
		return n, nil
	}
	return nil, fmt.Errorf("a value is neither text, a whole number nor a message: %s", t)
}
