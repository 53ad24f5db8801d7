package serviceapi

import (
	"maps"
	"strings"
	"testing"
)

func TestCheckProcore(t *testing.T) {
	good := PutProcore{CompanyID: 4242, ClientID: "0a1b2c3d", ClientSecret: "9f8e7d6c", Environment: ProcoreProduction}
	if bad := CheckProcore(good); len(bad) != 0 {
		t.Fatalf("refused %v", bad)
	}
	kept := good
	kept.ClientSecret = "" // the one kept
	if bad := CheckProcore(kept); len(bad) != 0 {
		t.Fatalf("refused %v", bad)
	}
	for name, c := range map[string]struct {
		change func(*PutProcore)
		want   map[string]string
	}{
		"nothing":        {func(p *PutProcore) { *p = PutProcore{} }, map[string]string{"companyId": "required", "clientId": "required", "environment": "required"}},
		"pasted newline": {func(p *PutProcore) { p.ClientSecret = "9f8e7d6c\n" }, map[string]string{"clientSecret": "invalid"}},
		"tab in the id":  {func(p *PutProcore) { p.ClientID = "0a1b\t2c3d" }, map[string]string{"clientId": "invalid"}},
		"space":          {func(p *PutProcore) { p.ClientID = "0a1b 2c3d" }, map[string]string{"clientId": "invalid"}},
		"huge secret":    {func(p *PutProcore) { p.ClientSecret = strings.Repeat("s", 257) }, map[string]string{"clientSecret": "invalid"}},
		"not ASCII":      {func(p *PutProcore) { p.ClientSecret = "séçret" }, map[string]string{"clientSecret": "invalid"}},
		"negative id":    {func(p *PutProcore) { p.CompanyID = -1 }, map[string]string{"companyId": "invalid"}},
		"unknown place":  {func(p *PutProcore) { p.Environment = "moon" }, map[string]string{"environment": "invalid"}},
		"URL not custom": {func(p *PutProcore) { p.BaseURL = "https://api.procore.com" }, map[string]string{"baseUrl": "invalid"}},
		"custom no URL":  {func(p *PutProcore) { p.Environment = ProcoreCustom }, map[string]string{"baseUrl": "required"}},
		"clear remote":   {func(p *PutProcore) { p.Environment, p.BaseURL = ProcoreCustom, "http://procore.example.com" }, map[string]string{"baseUrl": "invalid"}},
		"user in URL":    {func(p *PutProcore) { p.Environment, p.BaseURL = ProcoreCustom, "https://me:pw@api.example" }, map[string]string{"baseUrl": "invalid"}},
		"ftp":            {func(p *PutProcore) { p.Environment, p.BaseURL = ProcoreCustom, "ftp://127.0.0.1" }, map[string]string{"baseUrl": "invalid"}},
	} {
		p := good
		c.change(&p)
		if got := CheckProcore(p); !maps.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", name, got, c.want)
		}
	}
	for _, base := range []string{"http://127.0.0.1:8080", "http://localhost:1", "https://api.eu.example", "http://[::1]:9"} {
		if !ProcoreBaseURL(base) {
			t.Errorf("%s refused", base)
		}
	}
}
