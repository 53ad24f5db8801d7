package program

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qbsettings/backend/secrets"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testkeys"
	"qbsettings/internal/testnet"
	"qbsettings/serviceapi"
)

// The built service keeps a Procore connection as IT would find it: the
// Client Secret in the keychain of the user it runs as, nowhere in its
// data folder or its log; remove-data takes the secret with the folder.
func TestTheBuiltServiceKeepsProcoresSecretInTheKeychainOnly(t *testing.T) {
	exe := builtService(t)
	keys := testkeys.Open(t)
	const secret = "dmsa-secret-program-7a6b5c"
	entry := secrets.ProcoreSecret{CompanyID: 4242, ClientID: "svc-account"}
	t.Cleanup(func() { _ = keys.Remove(context.Background(), entry) })
	_, procoreURL := procoreemu.Start(t, procoreemu.CompanySeed{ID: 4242, Name: "Summit Construction"}, procoreemu.Client{ID: "svc-account", Secret: secret})

	data := filepath.Join(testdir.New(t), "service")
	const password = "correct horse battery staple"
	if code, out := runExe(t, exe, nil, password+"\n", "account", "set", "-data", data, "procore-sync"); code != 0 {
		t.Fatalf("account set: %d %q", code, out)
	}
	port := testnet.FreePort(t)
	cmd, log := serveService(t, exe, data, port)

	body, _ := json.Marshal(serviceapi.PutProcore{CompanyID: 4242, ClientID: "svc-account", ClientSecret: secret, Environment: serviceapi.ProcoreCustom, BaseURL: procoreURL})
	req, _ := http.NewRequest(http.MethodPut, fmt.Sprintf("http://localhost:%d/v1/procore", port), bytes.NewReader(body))
	req.SetBasicAuth("procore-sync", password)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var status serviceapi.ProcoreStatus
	_ = json.NewDecoder(resp.Body).Decode(&status)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || status.Connection == nil || status.Connection.CompanyName != "Summit Construction" {
		t.Fatalf("PUT /v1/procore: %d %+v", resp.StatusCode, status)
	}
	if got, found, err := keys.Get(context.Background(), entry); err != nil || !found || got != secret {
		t.Fatalf("the keychain holds %q %v %v", got, found, err)
	}
	files, _ := os.ReadDir(data)
	for _, f := range files {
		content, _ := os.ReadFile(filepath.Join(data, f.Name()))
		if bytes.Contains(content, []byte(secret)) {
			t.Fatalf("the secret is in %s", f.Name())
		}
	}
	code, out := runExe(t, exe, nil, "", "remove-data", "-data", data)
	if code != 0 || !strings.Contains(out, "The Procore Client Secret was removed from this user's keychain.") || !strings.Contains(out, "was removed") {
		t.Fatalf("remove-data: %d %q", code, out)
	}
	_ = cmd.Wait()
	if strings.Contains(log.String(), secret) {
		t.Fatal("the secret is in the service's output")
	}
	if _, found, _ := keys.Get(context.Background(), entry); found {
		t.Fatal("the secret outlived the data folder")
	}
}

// IT's typing mistakes in serve's Procore options are usage errors.
func TestServesProcoreOptionsAreChecked(t *testing.T) {
	exe := builtService(t)
	data := filepath.Join(testdir.New(t), "service")
	for _, args := range [][]string{
		{"serve", "-data", data, "-public-url", "http://qb.example.com/procore/events"},
		{"serve", "-data", data, "-public-url", "https://user:pw@qb.example.com/"},
		{"serve", "-data", data, "-poll", "0s"},
	} {
		if code, out := runExe(t, exe, nil, "", args...); code != 2 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: %d %q", args[3:], code, out)
		}
	}
}
