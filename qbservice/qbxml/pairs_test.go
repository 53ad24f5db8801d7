package qbxml

import (
	"slices"
	"testing"
)

// Wanted lines take the had lines on their item in order; one more than
// the item has, or on an item it lacks, takes none.
func TestLinesArePairedByItemInOrder(t *testing.T) {
	had := []string{"A", "B", "A", "C"}
	got := PairByItem(had, []string{"A", "A", "A", "D", "B"})
	if want := []int{0, 2, -1, -1, 1}; !slices.Equal(got, want) {
		t.Fatalf("%v, want %v", got, want)
	}
	if got := PairByItem(nil, []string{"A"}); !slices.Equal(got, []int{-1}) {
		t.Fatalf("%v", got)
	}
}
