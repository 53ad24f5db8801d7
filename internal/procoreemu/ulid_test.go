package procoreemu

import (
	"strings"
	"testing"
	"time"
)

func TestULIDs(t *testing.T) {
	at := time.UnixMilli(1738884852246)
	a, b := newULID(at), newULID(at)
	if len(a) != 26 || a == b || a[:10] != b[:10] || strings.Trim(a, "0123456789ABCDEFGHJKMNPQRSTVWXYZ") != "" {
		t.Fatalf("%s %s", a, b)
	}
	// The first ten digits are the time: later sorts after.
	if c := newULID(at.Add(time.Millisecond)); c[:10] <= a[:10] {
		t.Fatalf("%s before %s", c, a)
	}
	if a[0] > '7' {
		t.Fatalf("%s: the first digit holds 3 bits", a)
	}
}
