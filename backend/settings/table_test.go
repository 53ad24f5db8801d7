package settings

import (
	"slices"
	"testing"
)

// StoredSpecs are the stored settings of Specs, in its order, with the
// same keys and columns: only their words are left out.
func TestStoredSpecsAreTheStoredSettingsWithoutWords(t *testing.T) {
	var want []Field
	for _, sp := range Specs() {
		if sp.Stored() {
			want = append(want, sp.Key)
		}
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
