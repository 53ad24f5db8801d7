package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
	"qbsettings/backend/settingsfile"
)

// The keys of settings set are the settings' own keys (settings.Specs),
// which settings get --json prints too.

// unknownKeyError is a KEY that names no setting.
type unknownKeyError struct{ key string }

func (e *unknownKeyError) Error() string { return fmt.Sprintf("unknown key %q", e.key) }

// itemNotListedError is a retainageItem that the stored item list lacks.
type itemNotListedError struct{ value string }

func (e *itemNotListedError) Error() string {
	return fmt.Sprintf("no item %q in the stored item list", e.value)
}

// keyProblem words, for a script writer, why KEY=VALUE could not be set.
func keyProblem(err error) string {
	var (
		unknown   *unknownKeyError
		notListed *itemNotListedError
		text      *settings.TextError
	)
	switch {
	case errors.As(err, &unknown):
		if near := nearestKey(unknown.key); near != "" {
			return locale.T("unknown key %q; did you mean %s? The keys are %s", unknown.key, near, strings.Join(settableKeys(), ", "))
		}
		return locale.T("unknown key %q; the keys are %s", unknown.key, strings.Join(settableKeys(), ", "))
	case errors.As(err, &notListed):
		return locale.T("no item %q in the stored item list. Run qbsettings items refresh to read it from QuickBooks, and qbsettings items list to see the items' full names and ListIDs.", notListed.value)
	case errors.As(err, &text):
		return locale.T("%q is not a value of %s: use true or false", text.Text, text.Field)
	default:
		return err.Error()
	}
}

// settableKeys lists the keys of settings set, in the form's order.
func settableKeys() []string {
	var keys []string
	for _, sp := range settings.Specs() {
		if sp.Stored() {
			keys = append(keys, string(sp.Key))
		}
	}
	return keys
}

// nearestKey is the key a mistyped one most likely meant: the same but
// for case, or at most two letters added, left out, changed or swapped;
// "" when none is that near.
func nearestKey(typed string) string {
	best, bestDistance := "", 3
	for _, key := range settableKeys() {
		if d := editDistance(strings.ToLower(typed), strings.ToLower(key)); d < bestDistance {
			best, bestDistance = key, d
		}
	}
	return best
}

// editDistance counts the letters to add, leave out, change or swap
// (two side by side) to make a into b.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// keyHelp says each key and the values it takes, for settings set --help.
func keyHelp() string {
	var b strings.Builder
	for _, sp := range settings.Specs() {
		if !sp.Stored() {
			continue
		}
		var values string
		switch sp.Control {
		case settings.ControlSwitch:
			values = locale.T("true or false")
		case settings.ControlChoice:
			// Every choice setting is an either-or (the table's test says so).
			a, b := sp.Choices[0], sp.Choices[1]
			values = locale.T("%s (%s) or %s (%s)", a.Value, a.Label, b.Value, b.Label)
		case settings.ControlItem:
			values = locale.T("the item's full name or ListID, from the stored item list")
		default:
			values = locale.T("text, for example %s", sp.Example)
		}
		fmt.Fprintf(&b, "  %s: %s: %s\n", sp.Key, sp.Label, values)
	}
	return b.String()
}

// setKey sets the setting named key in s from value; the item from the
// stored item list, by its ListID or full name.
func setKey(s *settings.Settings, key, value string, items []settings.Item) error {
	sp, ok := settings.SpecOf(settings.Field(key))
	if !ok || !sp.Stored() {
		return &unknownKeyError{key}
	}
	ref, isItem := sp.Pointer(s).(*settings.ItemRef)
	if !isItem {
		return sp.SetText(s, value)
	}
	for _, it := range items {
		if it.ListID == value || strings.EqualFold(it.FullName, value) {
			*ref = settings.ItemRef{ListID: it.ListID, FullName: it.FullName}
			return nil
		}
	}
	return &itemNotListedError{value}
}

func isUnknownKey(err error) bool {
	var u *unknownKeyError
	return errors.As(err, &u)
}

func readAllBounded(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, settingsfile.MaxSize+1))
	return data, err
}
