package settings

import (
	"slices"
	"testing"
)

// Fields are the keys of Specs, and StoredSpecs its stored settings, in
// its order, with the same keys and columns: only their words are left out.
func TestFieldsAndStoredSpecsFollowSpecs(t *testing.T) {
	var all, want []Field
	for _, sp := range Specs() {
		all = append(all, sp.Key)
		if sp.Stored() {
			want = append(want, sp.Key)
		}
	}
	if !slices.Equal(Fields(), all) {
		t.Fatalf("Fields() = %v, want the keys of Specs() %v", Fields(), all)
	}
	var got []Field
	for _, sp := range StoredSpecs() {
		got = append(got, sp.Key)
		worded, _ := SpecOf(sp.Key)
		if !slices.Equal(sp.Columns, worded.Columns) || sp.Label != "" {
			t.Errorf("%s: columns %v (want %v), label %q", sp.Key, sp.Columns, worded.Columns, sp.Label)
		}
	}
	if !slices.Equal(got, want) || len(got) == 0 {
		t.Fatalf("stored settings %v, want %v", got, want)
	}
}
