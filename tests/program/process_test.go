// Package program tests the built program as IT and the uninstaller run it:
// every command, its exit codes and words in each English, and a save
// killed at random moments. The tests build it with the Go toolchain, so
// they do not run under Wine (test-installer proves the installed program
// there).
package program

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"qbsettings/internal/testkeys"
)

func TestMain(m *testing.M) {
	testkeys.Isolate()
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// moduleRoot is where the program's main package is, from this folder.
const moduleRoot = "../.."

// built is the executable the command-line tests run, built once.
var built struct {
	once sync.Once
	dir  string
	path string
	err  error
	out  []byte
}

// builtExecutable builds the app as IT gets it (version 9.8.7) once for
// the test process and returns its path.
func builtExecutable(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the executable")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "qbsettings-exe-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "qbsettings")
		cmd := exec.Command("go", "build", "-tags", "webkit2_41", "-ldflags", "-X main.version=9.8.7", "-o", built.path, ".")
		cmd.Dir = moduleRoot // the program is the module's main package
		built.out, built.err = cmd.CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("build: %v\n%s", built.err, built.out)
	}
	return built.path
}

// runExe runs the built program with env added to this process's and
// stdin given, and returns its exit code and its output (standard output
// and error together).
func runExe(t testing.TB, exe string, env []string, stdin string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), string(out)
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}
