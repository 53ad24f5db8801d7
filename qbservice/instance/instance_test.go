package instance

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"qbsettings/internal/testdir"
)

// A child process of the test binary holds the folder named by this
// variable until it is ended; with holdIgnoringTerm it ignores SIGTERM.
const (
	holdEnv          = "QBSERVICE_INSTANCE_TEST_HOLD"
	holdIgnoringTerm = "QBSERVICE_INSTANCE_TEST_IGNORE_TERM"
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(holdEnv); dir != "" {
		if os.Getenv(holdIgnoringTerm) != "" {
			signal.Ignore(syscall.SIGTERM)
		}
		if _, err := Acquire(dir); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("held\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// holder starts a process that holds dir, and waits until it does.
func holder(t *testing.T, dir string, ignoreTerm bool) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+dir)
	if ignoreTerm {
		cmd.Env = append(cmd.Env, holdIgnoringTerm+"=1")
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	buf := make([]byte, 5)
	if _, err := out.Read(buf); err != nil || string(buf) != "held\n" {
		t.Fatalf("the holder did not take the folder: %q %v", buf, err)
	}
	return cmd
}

func TestOneServiceToAFolder(t *testing.T) {
	dir := testdir.New(t)
	l, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	var running *RunningError
	if _, err := Acquire(dir); !errors.As(err, &running) || running.PID != os.Getpid() || !errors.Is(err, ErrRunning) {
		t.Fatalf("a second hold in the same process: %v", err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	l, err = Acquire(dir)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	l.Release()
}

func TestAnotherProcessHoldsTheFolderUntilItEnds(t *testing.T) {
	dir := testdir.New(t)
	cmd := holder(t, dir, false)
	var running *RunningError
	if _, err := Acquire(dir); !errors.As(err, &running) || running.PID != cmd.Process.Pid {
		t.Fatalf("held by %d: %v", cmd.Process.Pid, err)
	}
	// Killed, it leaves the file but not the lock.
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	l, err := Acquire(dir)
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	l.Release()
}

func TestStopEndsTheHolder(t *testing.T) {
	dir := testdir.New(t)
	cmd := holder(t, dir, false)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	pid, err := Stop(ctx, dir)
	if err != nil || pid != cmd.Process.Pid {
		t.Fatalf("stop: %d %v, want %d", pid, err, cmd.Process.Pid)
	}
	if err := cmd.Wait(); err == nil {
		t.Fatal("the holder ended by itself, not by Stop")
	}
	// Nothing runs now: stopping again stops nothing.
	if pid, err := Stop(ctx, dir); pid != 0 || err != nil {
		t.Fatalf("stop with nothing running: %d %v", pid, err)
	}
}

func TestStopKillsAHolderThatDoesNotEnd(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows ends the holder at once")
	}
	old := graceful
	graceful = 300 * time.Millisecond
	t.Cleanup(func() { graceful = old })
	dir := testdir.New(t)
	cmd := holder(t, dir, true)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if pid, err := Stop(ctx, dir); err != nil || pid != cmd.Process.Pid {
		t.Fatalf("stop: %d %v", pid, err)
	}
}

func TestStopWithNoFolder(t *testing.T) {
	if pid, err := Stop(context.Background(), filepath.Join(testdir.New(t), "never")); pid != 0 || err != nil {
		t.Fatalf("stop: %d %v", pid, err)
	}
}

func TestStopGivesUpWhenTold(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows ends the holder at once")
	}
	dir := testdir.New(t)
	holder(t, dir, true)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := Stop(ctx, dir); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("stop: %v", err)
	}
}

// Holder only looks: no lock file is made in a folder nothing ran in, and
// the holder's process ID is read, not replaced.
func TestHolderOnlyLooks(t *testing.T) {
	dir := testdir.New(t)
	if pid, held, err := Holder(dir); pid != 0 || held || err != nil {
		t.Fatalf("an unused folder: %d %v %v", pid, held, err)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a look made the lock file: %v", err)
	}
	cmd := holder(t, dir, false)
	for range 2 {
		if pid, held, err := Holder(dir); pid != cmd.Process.Pid || !held || err != nil {
			t.Fatalf("held by %d: %d %v %v", cmd.Process.Pid, pid, held, err)
		}
	}
}
