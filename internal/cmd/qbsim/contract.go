package main

import (
	"encoding/json"
	"net/http"

	"qbsettings/internal/contract"
	"qbsettings/internal/simulator"
)

// contractPath is the simulator's own route that reports the check.
const contractPath = "/_simulator/contract"

// contractReport is what GET /_simulator/contract answers: how many
// exchanges were checked against the contract, and what it did not allow.
type contractReport struct {
	Checked  int      `json:"checked"`
	Problems []string `json:"problems"`
}

// checkedAgainst puts the contract at path in front of sim: every
// exchange is checked (answers of the faults that break the contract on
// purpose excepted), and GET /_simulator/contract reports what was found,
// so a test driving the app against this process can fail on it.
func checkedAgainst(path string, sim *simulator.Server) (http.Handler, error) {
	spec, err := contract.LoadFile(path)
	if err != nil {
		return nil, err
	}
	checker := spec.Checking(sim)
	checker.SkipAnswer = func(*http.Request) bool { return simulator.BreaksContract(sim.CurrentFault()) }
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != contractPath {
			checker.ServeHTTP(w, r)
			return
		}
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", http.MethodGet)
			http.Error(w, "GET only", http.StatusMethodNotAllowed)
			return
		}
		problems, checked := checker.Problems()
		report := contractReport{Checked: checked, Problems: []string{}}
		for _, p := range problems {
			report.Problems = append(report.Problems, p.Error())
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(report)
	}), nil
}
