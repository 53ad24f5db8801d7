package qbxml

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in cents. QuickBooks' AMTTYPE has exactly two
// decimals and at most 13 digits before them (qbxmltypes130.xsd): an
// amount written any other way is refused with HRESULT 0x80040400, so
// every amount the service sends is a Money.
type Money int64

// MaxMoney is the largest amount AMTTYPE holds: 13 nines, and 99 cents.
const MaxMoney Money = 9_999_999_999_999_99

// MaxAmountText bounds an amount as QuickBooks writes one: a sign, 13
// digits, a point and two decimals, with room for spaces around.
const MaxAmountText = 24

// ErrNotMoney: text that is not an amount in cents, or is beyond AMTTYPE.
var ErrNotMoney = errors.New("qbxml: not an amount QuickBooks holds")

// ParseMoney reads an amount as Procore sends it ("500.0", "-20",
// "1250.50", "0.125" refused): an optional sign, digits, and at most two
// decimals; more decimals than cents are refused, never rounded (a
// rounding the bookkeeper did not see would move money).
func ParseMoney(text string) (Money, error) {
	s := strings.TrimSpace(text)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(whole) > 13 || len(frac) > 2 || !digits(whole) || !digits(frac) {
		return 0, fmt.Errorf("%w: %.30q", ErrNotMoney, text)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f, _ := strconv.ParseInt(frac, 10, 64)
	m := Money(w*100 + f)
	if neg {
		m = -m
	}
	return m, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// String writes m as AMTTYPE: "1250.50", "-20.00".
func (m Money) String() string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	return fmt.Sprintf("%s%d.%02d", sign, m/100, m%100)
}

// MarshalText writes m in requests.
func (m Money) MarshalText() ([]byte, error) {
	if m > MaxMoney || m < -MaxMoney {
		return nil, fmt.Errorf("%w: %d cents", ErrNotMoney, int64(m))
	}
	return []byte(m.String()), nil
}

// UnmarshalText reads m as MarshalText writes it (a job kept as JSON).
func (m *Money) UnmarshalText(text []byte) error {
	v, err := ParseMoney(string(text))
	if err == nil && (v > MaxMoney || v < -MaxMoney) {
		err = fmt.Errorf("%w: %.30q", ErrNotMoney, text)
	}
	*m = v
	return err
}
