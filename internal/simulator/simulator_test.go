package simulator

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestControlRoutes(t *testing.T) {
	sim := New(Options{User: "u", Password: "p"})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	do := func(method, path, body string) int {
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		req.SetBasicAuth("u", "p")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := do("PUT", "/_simulator/fault", `{"fault":"server-error"}`); got != http.StatusNoContent {
		t.Fatalf("set fault: %d", got)
	}
	if got := do("GET", "/v1/health", ""); got != http.StatusInternalServerError {
		t.Fatalf("health under server-error: %d", got)
	}
	if got := do("PUT", "/_simulator/fault", `{"fault":"no-such-fault"}`); got != http.StatusBadRequest {
		t.Fatalf("unknown fault: %d", got)
	}
	do("PUT", "/_simulator/fault", `{"fault":""}`)
	if got := do("GET", "/v1/health", ""); got != http.StatusOK {
		t.Fatalf("health after clearing the fault: %d", got)
	}
	if got := do("POST", "/_simulator/quickbooks/items", `{"listId":"X-1","fullName":"New","type":"Service","isActive":true}`); got != http.StatusNoContent {
		t.Fatalf("add item: %d", got)
	}
	if got := do("POST", "/_simulator/quickbooks/items", `{"fullName":"no id"}`); got != http.StatusBadRequest {
		t.Fatalf("add item without id: %d", got)
	}
}

func TestGeneratedItemsAreUnique(t *testing.T) {
	items := GeneratedItems(20000)
	ids, names := map[string]bool{}, map[string]bool{}
	for _, it := range items {
		if ids[it.ListID] || names[it.FullName] {
			t.Fatalf("duplicate item %+v", it)
		}
		ids[it.ListID], names[it.FullName] = true, true
	}
	if len(items) != 20000 {
		t.Fatalf("%d items", len(items))
	}
}
