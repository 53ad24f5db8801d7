package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"qbsettings/internal/contract"
	"qbsettings/internal/simulator"
)

func report(t *testing.T, url string) contractReport {
	t.Helper()
	res, err := http.Get(url + contractPath)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r contractReport
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	return r
}

func get(t *testing.T, url, path string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url+path, nil)
	req.SetBasicAuth("demo", "demo-password")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
}

// With -contract, what the contract allows is counted and nothing is
// reported; an exchange it does not allow is reported; the answers of a
// fault that breaks the contract on purpose are not held against it.
func TestQbsimReportsWhatTheContractDoesNotAllow(t *testing.T) {
	sim := simulator.New(simulator.Options{User: "demo", Password: "demo-password"})
	path, err := contract.Path()
	if err != nil {
		t.Fatal(err)
	}
	handler, err := checkedAgainst(path, sim)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(handler)
	defer srv.Close()

	get(t, srv.URL, "/v1/health")
	if r := report(t, srv.URL); r.Checked != 1 || len(r.Problems) != 0 {
		t.Fatalf("after a health check: %+v", r)
	}
	sim.SetFault(simulator.FaultMalformedJSON)
	get(t, srv.URL, "/v1/health")
	if r := report(t, srv.URL); len(r.Problems) != 0 {
		t.Fatalf("a fault's broken answer was held against the contract: %+v", r)
	}
	sim.SetFault(simulator.FaultNone)
	get(t, srv.URL, "/v1/no-such-route")
	if r := report(t, srv.URL); len(r.Problems) != 1 {
		t.Fatalf("a route outside the contract: %+v", r)
	}
	res, err := http.Post(srv.URL+contractPath, "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("POST %s: %s", contractPath, res.Status)
	}
}

func TestQbsimRefusesAContractItCannotRead(t *testing.T) {
	if _, err := checkedAgainst(filepath.Join("no such folder", "missing.yaml"), simulator.New(simulator.Options{})); err == nil {
		t.Fatal("a missing contract was taken")
	}
}
