package procore

import (
	"strings"
	"testing"
)

// A refused record's reasons: each field's named, the record's own
// (Rails' "base") as they are, and an empty errors member none, as an
// empty list.
func TestARefusedRecordsReasons(t *testing.T) {
	for raw, want := range map[string]string{
		`{"origin_id":"A","errors":{"state_code":["is invalid"],"base":["Cost code is closed"]}}`: "Cost code is closed|state_code: is invalid",
		`{"origin_id":"A","errors":["Vendor is locked"]}`:                                         "Vendor is locked",
		`{"origin_id":"A","errors":"Vendor is locked"}`:                                           "Vendor is locked",
		`{"origin_id":"A","errors":{}}`:                                                           "",
		`{"origin_id":"A"}`:                                                                       "",
	} {
		e := recordError(Raw(raw))
		if got := strings.Join(e.Reasons, "|"); got != want || e.Reasons == nil {
			t.Errorf("%s: %q", raw, got)
		}
	}
}
