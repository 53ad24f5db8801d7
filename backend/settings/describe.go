package settings

import (
	"fmt"
	"strings"

	"qbsettings/backend/locale"
)

// The words a bookkeeper knows for each value: the help article's. History
// and the command line describe settings with them.

// Describe says the setting's value in s in the article's words.
func (sp Spec) Describe(s Settings) string {
	switch v := sp.Pointer(&s).(type) {
	case *bool:
		return onOff(*v)
	case *ItemRef:
		return orNone(v.FullName)
	case *string:
		return orNone(*v)
	}
	value := sp.Text(s)
	for _, c := range sp.Choices {
		if c.Value == value {
			return c.label.Text()
		}
	}
	return orNone(value)
}

// Text is the setting's value as the command line and the export file
// spell it: the text, "true" or "false", the choice's value, or the item's
// ListID.
func (sp Spec) Text(s Settings) string {
	switch v := sp.Pointer(&s).(type) {
	case *string:
		return *v
	case *bool:
		if *v {
			return "true"
		}
		return "false"
	case *DirectCostColumn:
		return string(*v)
	case *VendorUpdates:
		return string(*v)
	case *ItemRef:
		return v.ListID
	}
	panic("settings: no text for the value of " + string(sp.Key))
}

func onOff(b bool) string {
	if b {
		return locale.T("On")
	}
	return locale.T("Off")
}

func orNone(s string) string {
	if s == "" {
		return locale.T("(none)")
	}
	return s
}

// FieldChange is one setting's change, in words.
type FieldChange struct {
	Label string `json:"label"`
	Old   string `json:"old"` // empty when the old value is not told (a password)
	New   string `json:"new"`
}

// Diff lists what changed from old to updated, in the form's order. The
// password is not in Settings; a caller that knows it changed adds
// PasswordChange().
func Diff(old, updated Settings) []FieldChange {
	var out []FieldChange
	for _, sp := range table {
		if !sp.Stored() {
			continue
		}
		if o, n := sp.Describe(old), sp.Describe(updated); o != n {
			out = append(out, FieldChange{Label: sp.label.Text(), Old: o, New: n})
		}
	}
	return out
}

// PasswordChange is how a history records a new password: that it changed,
// never what it is.
func PasswordChange() FieldChange {
	return FieldChange{Label: LabelServicePassword.Text(), Old: "", New: locale.T("password changed")}
}

// SetText sets the setting in s from its Text form. A choice is set as it
// is, for the rules to judge like any other value; an item cannot be set
// from text alone (it needs the item list).
func (sp Spec) SetText(s *Settings, text string) error {
	switch v := sp.Pointer(s).(type) {
	case *string:
		*v = text
	case *bool:
		switch strings.ToLower(text) {
		case "true", "yes", "on", "1":
			*v = true
		case "false", "no", "off", "0":
			*v = false
		default:
			return &TextError{Field: sp.Key, Text: text}
		}
	case *DirectCostColumn:
		*v = DirectCostColumn(text)
	case *VendorUpdates:
		*v = VendorUpdates(text)
	default:
		panic("settings: " + string(sp.Key) + " cannot be set from text")
	}
	return nil
}

// TextError is text that cannot be the value of an on-or-off setting: it
// wants true or false.
type TextError struct {
	Field Field
	Text  string
}

func (e *TextError) Error() string {
	return fmt.Sprintf("%q is not a value of %s: want true or false", e.Text, e.Field)
}
