package settings

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Fields are every setting's key in the form's order, which is the help
// article's and Settings' own: Settings' JSON keys in order, with the
// password after the Service User. StoredSpecs are the settings Settings
// keeps, each pointing at the field of its key, with the columns of the
// worded description and none of its words. The expectations come from
// Settings, not from the table under test.
func TestFieldsAndStoredSpecsFollowSpecs(t *testing.T) {
	var kept []Field
	typ := reflect.TypeFor[Settings]()
	for i := range typ.NumField() {
		key, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		kept = append(kept, Field(key))
	}
	want := slices.Insert(slices.Clone(kept), 2, FieldPassword)
	if !slices.Equal(Fields(), want) {
		t.Fatalf("Fields() = %v, want %v", Fields(), want)
	}

	var s Settings
	fields := reflect.ValueOf(&s).Elem()
	specs := StoredSpecs()
	if len(specs) != len(kept) {
		t.Fatalf("%d stored settings, want one for each of Settings' %d fields", len(specs), len(kept))
	}
	for i, sp := range specs {
		if sp.Key != kept[i] {
			t.Errorf("stored setting %d is %s, want %s", i, sp.Key, kept[i])
			continue
		}
		if sp.Pointer(&s) != fields.Field(i).Addr().Interface() {
			t.Errorf("%s points at another field of Settings", sp.Key)
		}
		worded, _ := SpecOf(sp.Key)
		if worded.Label == "" || len(sp.Columns) == 0 || !slices.Equal(sp.Columns, worded.Columns) {
			t.Errorf("%s: columns %v, worded %v with the label %q", sp.Key, sp.Columns, worded.Columns, worded.Label)
		}
		words := []string{sp.Label, sp.Help}
		for _, c := range sp.Choices {
			words = append(words, c.Label, c.Help)
		}
		if strings.Join(words, "") != "" {
			t.Errorf("%s is worded in StoredSpecs: %q", sp.Key, words)
		}
	}
}
