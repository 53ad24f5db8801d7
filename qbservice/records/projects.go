package records

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"qbsettings/qbservice/procore"
)

// Project is a Procore project synced with a QuickBooks job: its id and
// name, and the job's ListID (its origin_id).
type Project struct {
	ID   int64
	Name string
	Job  string
}

// SyncedProjects are the company's projects synced with a QuickBooks job
// (List projects, every page); a project with no origin_id is not one.
func SyncedProjects(ctx context.Context, env Env) ([]Project, error) {
	var out []Project
	err := procore.List(ctx, env.Procore, fmt.Sprintf("/rest/v1.0/projects?company_id=%d", env.Company), func(page []struct {
		ID       int64           `json:"id"`
		Name     string          `json:"name"`
		OriginID json.RawMessage `json:"origin_id"`
	}) error {
		for _, p := range page {
			if job := TextOf(p.OriginID); job != "" && p.ID > 0 {
				out = append(out, Project{ID: p.ID, Name: p.Name, Job: job})
			}
		}
		return nil
	})
	return out, err
}

// TextOf is a JSON value that is text, trimmed; "" for null or any other
// value (an origin_id Procore sends as null before a record is synced).
func TextOf(raw json.RawMessage) string {
	var s string
	_ = json.Unmarshal(raw, &s)
	return strings.TrimSpace(s)
}
