package cli

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// Whatever a script passes: the command line never panics, answers with
// one of its three exit codes, explains a wrong use on standard error, and
// opens the settings only for a command it understood.
func FuzzArguments(f *testing.F) {
	for _, args := range []string{
		"", "--help", "--version", "settings get --json", "settings set serviceUrl=https://x",
		"settings set --profile", "itmes list", "settings", "password set extra", "history --profile=\x00",
		"settings export - --include-trust --json", "connection test -h", "settings import a b",
		"items refresh serviceUrl=https://x serviceUser=u --password-stdin", "certificate trust https://x --fingerprint AB",
		"profiles remove company-1 --yes", "items list --search", "-assetdir x", "connection test --json --profile=a b=c",
	} {
		f.Add(args)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Split(line, " ")
		if line == "" {
			args = nil
		}
		var out, errOut bytes.Buffer
		opened := false
		code := Run(context.Background(), args, Env{
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "fuzz",
			Open: func() (Backend, func(), error) {
				opened = true
				return Backend{}, func() {}, errors.New("no settings in this test")
			},
		})
		switch code {
		case OK, Failed:
		case Misused:
			if errOut.Len() == 0 {
				t.Fatalf("%q: a usage error with nothing on standard error", args)
			}
			if opened {
				t.Fatalf("%q: the settings were opened for a wrong use", args)
			}
		default:
			t.Fatalf("%q: exit code %d", args, code)
		}
	})
}
