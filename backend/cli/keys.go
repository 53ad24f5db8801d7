package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"qbsettings/backend/settings"
	"qbsettings/backend/settingsfile"
)

// The keys of settings set: the JSON names of settings get --json.
var setters = map[string]func(s *settings.Settings, value string, items []settings.Item) error{
	"serviceUrl":  func(s *settings.Settings, v string, _ []settings.Item) error { s.ServiceURL = v; return nil },
	"serviceUser": func(s *settings.Settings, v string, _ []settings.Item) error { s.ServiceUser = v; return nil },
	"useProcoreContractNumber": func(s *settings.Settings, v string, _ []settings.Item) error {
		return parseBool(v, &s.UseProcoreContractNumber)
	},
	"autoAddNewCostCodes": func(s *settings.Settings, v string, _ []settings.Item) error {
		return parseBool(v, &s.AutoAddNewCostCodes)
	},
	"hideJobToDateCosts": func(s *settings.Settings, v string, _ []settings.Item) error {
		return parseBool(v, &s.HideJobToDateCosts)
	},
	// Choices are checked by the settings rules, like the form's.
	"directCostColumn": func(s *settings.Settings, v string, _ []settings.Item) error {
		s.DirectCostColumn = settings.DirectCostColumn(v)
		return nil
	},
	"vendorUpdates": func(s *settings.Settings, v string, _ []settings.Item) error {
		s.VendorUpdates = settings.VendorUpdates(v)
		return nil
	},
	// The item by its ListID or its full name, from the stored item list.
	"retainageItem": func(s *settings.Settings, v string, items []settings.Item) error {
		for _, it := range items {
			if it.ListID == v || strings.EqualFold(it.FullName, v) {
				s.RetainageItem = settings.ItemRef{ListID: it.ListID, FullName: it.FullName}
				return nil
			}
		}
		return fmt.Errorf("no item %q in the stored item list; refresh the list in the app first, or give the item's exact full name or ListID", v)
	},
}

func settableKeys() []string {
	keys := make([]string, 0, len(setters))
	for k := range setters {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func setKey(s *settings.Settings, key, value string, items []settings.Item) error {
	set, ok := setters[key]
	if !ok {
		return fmt.Errorf("unknown key %q", key)
	}
	return set(s, value, items)
}

func parseBool(v string, into *bool) error {
	switch strings.ToLower(v) {
	case "true", "yes", "on", "1":
		*into = true
	case "false", "no", "off", "0":
		*into = false
	default:
		return fmt.Errorf("%q is not on or off: use true or false", v)
	}
	return nil
}

func readAllBounded(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, settingsfile.MaxSize+1))
	return data, err
}
