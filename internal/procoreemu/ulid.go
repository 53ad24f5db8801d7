package procoreemu

import (
	"crypto/rand"
	"time"
)

// newULID makes a 26-character ULID (ulid/spec: 48 bits of milliseconds,
// 80 random bits, in Crockford's base32), as an event carries one
// (plan_your_app/webhooks.md).
func newULID(t time.Time) string {
	const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	var b [16]byte
	ms := uint64(t.UnixMilli())
	for i := 5; i >= 0; i-- {
		b[i] = byte(ms)
		ms >>= 8
	}
	_, _ = rand.Read(b[6:])
	out := make([]byte, 26)
	// 128 bits as 26 base32 digits: the first digit holds 3 bits.
	var acc uint64
	bits := 2 // 130 - 128: two leading zero bits
	j := 0
	for _, x := range b {
		acc = acc<<8 | uint64(x)
		bits += 8
		for bits >= 5 {
			bits -= 5
			out[j] = alphabet[(acc>>uint(bits))&31]
			j++
		}
	}
	return string(out)
}
