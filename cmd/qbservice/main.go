// Command qbservice is the QuickBooks service: the app's contract (health,
// the item list and its refresh) on one side, the QuickBooks Web
// Connector's SOAP endpoint on the other, its state in SQLite.
//
//	qbservice serve [-addr localhost:8780] [-data DIR] [-hosts NAME,...] [-quiet 5m]
//	qbservice stop [-data DIR]
//	qbservice status [-data DIR] [-json]
//	qbservice remove-data [-data DIR]
//	qbservice account set [-data DIR] USER   (the password on standard input)
//	qbservice qwc -user USER [-file-id {GUID}] [-url URL] [-name NAME] [-every MINUTES]
//	qbservice version
//
// Exit codes: 0 done, 1 failed, 2 used wrongly.
//
// On Windows the installer puts it beside the app and starts `serve` at
// logon; it is built without a console window of its own, and prints in
// the console it was started from, if any, as the app does.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"qbsettings/backend/console"
	"qbsettings/qbservice/accounts"
	"qbsettings/qbservice/qwc"
	"qbsettings/qbservice/servicedb"
)

// version is set at build time (-ldflags "-X main.version=…").
var version = "dev"

func main() {
	console.Attach()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// usageError is a command used wrongly (exit 2).
type usageError struct{ words string }

func (e *usageError) Error() string { return e.words }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	err := command(args, stdin, stdout, stderr)
	var usage *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "qbservice: %s\n%s", usage.words, usageText)
		return 2
	}
	fmt.Fprintf(stderr, "qbservice: %v\n", err)
	return 1
}

const usageText = `Usage:
  qbservice serve [-addr localhost:8780] [-data DIR] [-hosts NAME,...] [-quiet 5m]
  qbservice stop [-data DIR]        (the service using that data folder)
  qbservice status [-data DIR] [-json]   (running or not, the Web Connector's last call, the queue)
  qbservice remove-data [-data DIR] (stops it, then removes the folder)
  qbservice account set [-data DIR] USER   (the password as one line on standard input)
  qbservice qwc -user USER [-file-id {GUID}] [-url URL] [-name NAME] [-every MINUTES]
  qbservice version
`

func command(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	switch {
	case len(args) == 0:
		return &usageError{"no command given"}
	case args[0] == "version":
		fmt.Fprintf(stdout, "qbservice %s\n", version)
		return nil
	case args[0] == "serve":
		return serve(args[1:], stderr)
	case args[0] == "stop":
		return stop(args[1:], stdout)
	case args[0] == "remove-data":
		return removeData(args[1:], stdout)
	case args[0] == "status":
		return status(args[1:], stdout)
	case len(args) >= 2 && args[0] == "account" && args[1] == "set":
		return accountSet(args[2:], stdin, stdout)
	case args[0] == "qwc":
		return writeQWC(args[1:], stdout)
	}
	return &usageError{fmt.Sprintf("%q is not a command", strings.Join(args[:min(2, len(args))], " "))}
}

// flags parses a command's options, a wrong one being a usage error.
func flags(name string, args []string, declare func(fs *flag.FlagSet)) ([]string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	declare(fs)
	if err := fs.Parse(args); err != nil {
		return nil, &usageError{err.Error()}
	}
	return fs.Args(), nil
}

// defaultDataDir is the service's folder for this user: on Windows in
// %LOCALAPPDATA%, since its queue and what QuickBooks said belong to this
// PC and not to a roaming profile; elsewhere in the user's config folder.
func defaultDataDir() string {
	dir, err := os.UserConfigDir()
	if runtime.GOOS == "windows" {
		dir, err = os.UserCacheDir()
	}
	if err != nil {
		return "qbservice-data"
	}
	return filepath.Join(dir, "QuickBooks Integration Settings Service")
}

func makeDataDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("the data folder %s could not be made: %w", dir, err)
	}
	return nil
}

func openDB(dir string) (*servicedb.DB, error) {
	if err := makeDataDir(dir); err != nil {
		return nil, err
	}
	return servicedb.Open(filepath.Join(dir, servicedb.FileName))
}

func accountSet(args []string, stdin io.Reader, stdout io.Writer) error {
	data := defaultDataDir()
	rest, err := flags("account set", args, func(fs *flag.FlagSet) { fs.StringVar(&data, "data", data, "the data folder") })
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return &usageError{"account set needs the USER, and the password on standard input"}
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && line == "" {
		return errors.New(`no password on standard input: give it as one line, for example: echo "$PASSWORD" | qbservice account set USER`)
	}
	db, err := openDB(data)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := accounts.New(db).Set(context.Background(), rest[0], strings.TrimRight(line, "\r\n")); err != nil {
		return fmt.Errorf("the account was not set: %w", err)
	}
	fmt.Fprintf(stdout, "The account %s can sign in.\n", rest[0])
	return nil
}

func writeQWC(args []string, stdout io.Writer) error {
	var user, fileID, name string
	endpoint, every := "http://"+qwc.DefaultAddr+qwc.EndpointPath, 1
	rest, err := flags("qwc", args, func(fs *flag.FlagSet) {
		fs.StringVar(&user, "user", "", "the account's user name")
		fs.StringVar(&fileID, "file-id", qwc.NewFileID(), "the company file's FileID, a GUID in braces (a new one unless given)")
		fs.StringVar(&endpoint, "url", endpoint, "the service's Web Connector address")
		fs.StringVar(&name, "name", qwc.ProductName, "the name the Web Connector shows")
		fs.IntVar(&every, "every", every, "the Web Connector's schedule, in minutes")
	})
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return &usageError{"qwc takes no arguments"}
	}
	f := qwc.ForService(strings.TrimSuffix(endpoint, qwc.EndpointPath), user, fileID, name)
	f.AppURL, f.RunEveryMinutes = endpoint, every
	out, err := f.Encode()
	if err != nil {
		return fmt.Errorf("no .qwc file was written: %w", err)
	}
	_, err = stdout.Write(out)
	return err
}
