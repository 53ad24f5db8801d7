package appservice

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"qbsettings/backend/settings"
)

// The Invoice Retainage Item picker gets the list in its order, once per
// version of the list, after the form is on screen: not with every Load
// and Save (issue 33: the page received, held and sorted 20,000 items
// each time).

// ItemIndex is the profile's item list in the picker's order (Service
// items first, then the others, each by name as a person reads it), for
// the page to search as the user types: a keystroke is answered in the
// page, within a frame, and the page holds three strings, not a list of
// objects (issue 33).
type ItemIndex struct {
	Version int64
	Items   []settings.Item
}

// PickerItems is the profile's stored items in the picker's order.
func (s *Service) PickerItems(ctx context.Context, profile string) (ItemIndex, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return ItemIndex{}, err
	}
	ix, err := s.pickerOrder(ctx, profile)
	if err != nil {
		return ItemIndex{}, s.storeFailure(reading, err)
	}
	return *ix, nil
}

// pickerOrder is the profile's list in the picker's order, made again
// only when the list's version changed.
func (s *Service) pickerOrder(ctx context.Context, profile string) (*ItemIndex, error) {
	list, err := s.items(ctx, profile)
	if err != nil {
		return nil, err
	}
	c := &s.itemCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.index != nil && c.index.Version == list.Version && c.profile == profile {
		return c.index, nil
	}
	ix := &ItemIndex{Version: list.Version, Items: slices.Clone(list.Items)}
	keys := make(map[string]string, len(ix.Items))
	for _, it := range ix.Items {
		keys[it.ListID] = strings.ToLower(it.FullName)
	}
	slices.SortStableFunc(ix.Items, func(a, b settings.Item) int {
		if sa, sb := a.Type != "Service", b.Type != "Service"; sa != sb {
			if sa {
				return 1
			}
			return -1
		}
		if c := naturalCompare(keys[a.ListID], keys[b.ListID]); c != 0 {
			return c
		}
		return strings.Compare(a.FullName, b.FullName)
	})
	c.index = ix
	return ix, nil
}

// naturalCompare orders two lower-cased names as a person reads them:
// runs of digits by their number ("Cost code 9" before "Cost code 10"),
// the rest by character.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if unicode.IsDigit(ra) && unicode.IsDigit(rb) && ra < utf8.RuneSelf && rb < utf8.RuneSelf {
			da, db := digitRun(a), digitRun(b)
			ta, tb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if len(ta) != len(tb) {
				return len(ta) - len(tb)
			}
			if c := strings.Compare(ta, tb); c != 0 {
				return c
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if ra != rb {
			return int(ra) - int(rb)
		}
		a, b = a[na:], b[nb:]
	}
	return len(a) - len(b)
}

// digitRun is the run of ASCII digits s begins with.
func digitRun(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}
