// Package cli is the command line of the same executable, for IT: it reads
// and changes the settings without a window, with the same rules as the
// form. Exit codes: 0 done, 1 invalid input or a failed check, 2 a command
// used wrongly. Errors go to standard error in plain words.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"qbsettings/backend/appservice"
	"qbsettings/backend/store"
)

// Exit codes.
const (
	OK      = 0
	Failed  = 1
	Misused = 2
)

// Backend is what commands run against; Open gives it and a function that
// closes it.
type Backend struct {
	Service *appservice.Service
	Store   *store.Store
}

// Env is a command's world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Version        string
	Open           func() (Backend, func(), error)
}

// command is one subcommand: its words, what it does, and how to run it.
type command struct {
	words   string // "settings get"
	args    string // the rest of its usage line
	summary string
	run     func(ctx context.Context, c *call) int
}

// call is one run of a command: its flags, arguments and environment.
type call struct {
	Env
	profile string
	json    bool
	yes     bool
	trust   bool
	args    []string
	b       Backend
}

var commands = []command{
	{"profiles list", "[--json]", "list the company profiles", profilesList},
	{"settings get", "[--profile P] [--json]", "show the settings", settingsGet},
	{"settings set", "KEY=VALUE... [--profile P]", "change settings, checked like the form; all or nothing", settingsSet},
	{"settings validate", "FILE", "check a settings file without importing it", settingsValidate},
	{"settings export", "FILE [--profile P] [--include-trust]", "write the settings to FILE (- for standard output), never the password; trusted certificates only with --include-trust", settingsExport},
	{"settings import", "FILE [--profile P] [--yes]", "show what FILE would change and apply it (asks unless --yes)", settingsImport},
	{"password set", "[--profile P]", "store the service password, read from standard input", passwordSet},
	{"connection test", "[--profile P]", "check the connection with the stored settings and password", connectionTest},
	{"history", "[--profile P] [--json]", "list the saved revisions and what each changed", history},
}

// IsCommand tells whether args ask for the command line rather than the window.
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "--version", "version", "--help", "-h", "help":
		return true
	}
	for _, c := range commands {
		if strings.HasPrefix(c.words+" ", args[0]+" ") {
			return true
		}
	}
	return false
}

// Run runs the command in args (without the program name).
func Run(ctx context.Context, args []string, env Env) int {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		usage(env.Stdout)
		return OK
	}
	if args[0] == "--version" || args[0] == "version" {
		fmt.Fprintf(env.Stdout, "qbsettings %s\n", env.Version)
		return OK
	}
	cmd, rest := find(args)
	if cmd == nil {
		fmt.Fprintf(env.Stderr, "qbsettings: %q is not a command.\n", strings.Join(args[:min(2, len(args))], " "))
		fmt.Fprintln(env.Stderr, "Run qbsettings --help to see the commands.")
		return Misused
	}
	c := &call{Env: env, profile: store.DefaultProfile}
	fs := flag.NewFlagSet(cmd.words, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.profile, "profile", store.DefaultProfile, "the company profile")
	fs.BoolVar(&c.json, "json", false, "print JSON")
	fs.BoolVar(&c.yes, "yes", false, "do not ask before applying")
	fs.BoolVar(&c.trust, "include-trust", false, "export the trusted certificates too")
	help := fs.Bool("help", false, "show this help")
	fs.BoolVar(help, "h", false, "show this help")
	positional, err := parseInterspersed(fs, rest)
	if *help {
		fmt.Fprintf(env.Stdout, "qbsettings %s %s\n\n%s.\n", cmd.words, cmd.args, capitalize(cmd.summary))
		if cmd.words == "settings set" {
			fmt.Fprintf(env.Stdout, "\nKeys, their settings and their values:\n%s", keyHelp())
		}
		return OK
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "qbsettings %s: %v\nUsage: qbsettings %s %s\n", cmd.words, err, cmd.words, cmd.args)
		return Misused
	}
	c.args = positional
	b, closeBackend, err := env.Open()
	if err != nil {
		fmt.Fprintln(env.Stderr, "qbsettings:", appservice.MessageFor(err))
		return Failed
	}
	defer closeBackend()
	c.b = b
	return cmd.run(ctx, c)
}

func find(args []string) (*command, []string) {
	for i := range commands {
		words := strings.Fields(commands[i].words)
		if len(args) >= len(words) && strings.Join(args[:len(words)], " ") == commands[i].words {
			return &commands[i], args[len(words):]
		}
	}
	return nil, nil
}

// parseInterspersed lets flags stand before or after the arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "QuickBooks Integration Settings: with no command, opens the settings window.")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  qbsettings %-52s %s\n", c.words+" "+c.args, c.summary)
	}
	fmt.Fprintln(w, "  qbsettings --version")
	fmt.Fprintln(w, "\nAdd --help to a command for its help. Exit codes: 0 done, 1 invalid input or a failed check, 2 a command used wrongly.")
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// fail reports err to the user and returns the exit code for it.
func (c *call) fail(err error) int {
	var noProfile *appservice.NoProfileError
	if errors.As(err, &noProfile) {
		fmt.Fprintf(c.Stderr, "qbsettings: there is no company profile %q. Run qbsettings profiles list to see the profiles' IDs.\n", noProfile.ID)
		return Failed
	}
	fmt.Fprintln(c.Stderr, "qbsettings:", appservice.MessageFor(err))
	return Failed
}

// misused reports a wrong use of the command.
func (c *call) misused(format string, args ...any) int {
	fmt.Fprintf(c.Stderr, "qbsettings: "+format+"\n", args...)
	return Misused
}
