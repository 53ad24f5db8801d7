package sqlite

import "time"

// timeLayout is RFC 3339 in UTC with all nine fraction digits. Text of
// one width sorts as the times do, so ORDER BY and comparisons on a time
// column hold; RFC3339Nano drops trailing zeros, and ".34085Z" sorts
// after ".340851Z" (seen: a parent cost code queued a microsecond before
// its child, run after it).
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// FormatTime is t as stored: UTC RFC 3339 text, readable in any SQLite
// tool; the zero time is "".
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// ParseTime reads a stored time, "" as the zero time. Any RFC 3339 text
// is read, the shorter fractions written before this layout too.
func ParseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}
