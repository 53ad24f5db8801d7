package sqlite

import (
	"sort"
	"testing"
	"time"
)

// Stored times sort as text in the order of the times, whatever their
// fraction's trailing zeros; each reads back as it was.
func TestStoredTimesSortAsTheTimes(t *testing.T) {
	base := time.Date(2026, 12, 7, 23, 11, 34, 340849000, time.FixedZone("EST", -5*3600))
	var texts []string
	for i := range 3 {
		texts = append(texts, FormatTime(base.Add(time.Duration(i)*time.Microsecond)))
	}
	texts = append(texts, FormatTime(base.Truncate(time.Second).Add(time.Second)))
	if !sort.StringsAreSorted(texts) {
		t.Fatalf("not in order: %q", texts)
	}
	for i, s := range texts[:3] {
		got, err := ParseTime(s)
		if err != nil || !got.Equal(base.Add(time.Duration(i)*time.Microsecond)) {
			t.Fatalf("%q read as %v, %v", s, got, err)
		}
	}
	if old, err := ParseTime("2026-12-07T23:11:34.34085Z"); err != nil || old.Nanosecond() != 340850000 {
		t.Fatalf("an earlier row: %v, %v", old, err)
	}
	if FormatTime(time.Time{}) != "" {
		t.Fatal("the zero time is stored as empty text")
	}
	if z, err := ParseTime(""); err != nil || !z.IsZero() {
		t.Fatalf("empty text: %v, %v", z, err)
	}
}
