// Package cli is the command line of the same executable, for IT: every
// action of the window has a command, with the same rules, the same
// all-or-nothing saves and the same history, going through the application
// service alone. Exit codes: 0 done, 1 invalid input or a failed check, 2 a
// command used wrongly. Errors go to standard error in a script writer's
// words, naming the command or flag to use.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/serviceapi"
)

// Exit codes.
const (
	OK      = 0
	Failed  = 1
	Misused = 2
)

// Backend is what commands run against.
type Backend struct {
	Service *appservice.Service
}

// Env is a command's world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// StderrIsTerminal: progress is written to standard error only then,
	// so a script's log keeps only what matters.
	StderrIsTerminal bool
	Version          string
	Open             func() (Backend, func(), error)
}

// command is one subcommand: its words, its arguments, what it does, and
// its input (its options, and how it runs with them).
type command struct {
	words   string // "settings get"
	args    string // its positional arguments, as usage shows them
	summary locale.Key
	input   func() input // a fresh input for each run
}

// call is one run of a command: its environment, its positional
// arguments and the backend it runs against. Its options are its input's.
type call struct {
	Env
	cmd  *command
	args []string
	b    Backend
}

var commands = []command{
	{"profiles list", "", locale.Message("list the company profiles"), func() input { return &profilesList{} }},
	{"profiles add", "NAME", locale.Message("add a company profile; prints its ID"), func() input { return &profilesAdd{} }},
	{"profiles rename", "ID NAME", locale.Message("rename a company profile"), func() input { return &profilesRename{} }},
	{"profiles remove", "ID", locale.Message("remove a company profile with its settings, history and passwords (asks unless --yes)"), func() input { return &profilesRemove{} }},
	{"settings get", "", locale.Message("show the settings saved here, or with --from-service the ones the QuickBooks service runs with"), func() input { return &settingsGet{} }},
	{"settings set", "KEY=VALUE...", locale.Message("change settings (and, with --password-stdin, the password) as one revision, checked like the form; all or nothing"), func() input { return &settingsSet{} }},
	{"settings apply", "", locale.Message("send the saved settings to the QuickBooks service; if they were changed there from somewhere else, --keep-local replaces them with these and --take-service saves them here (exit 1 unless in effect)"), func() input { return &settingsApply{} }},
	{"settings validate", "FILE", locale.Message("check a settings file without importing it"), func() input { return &settingsValidate{} }},
	{"settings export", "FILE", locale.Message("write the settings to FILE (- for standard output), never the password; trusted certificates only with --include-trust"), func() input { return &settingsExport{} }},
	{"settings import", "FILE", locale.Message("show what FILE would change and apply it (asks unless --yes)"), func() input { return &settingsImport{} }},
	{"password set", "", locale.Message("store the service password, read from standard input"), func() input { return &passwordSet{} }},
	{"connection test", "[KEY=VALUE...]", locale.Message("check the connection with the saved settings, or with the values given"), func() input { return &connectionTest{} }},
	{"connection rebind", "[KEY=VALUE...]", locale.Message("use the company file the service has open now for these settings (when connection test found another file open)"), func() input { return &connectionRebind{} }},
	{"items refresh", "[KEY=VALUE...]", locale.Message("have the service re-read QuickBooks' items and store the list"), func() input { return &itemsRefresh{} }},
	{"items create", "NAME [KEY=VALUE...]", locale.Message("create a Service item named NAME in QuickBooks (for example \"Retainage Payable\"), refresh the list, and print it"), func() input { return &itemsCreate{} }},
	{"items list", "", locale.Message("list the stored items the Invoice Retainage Item is chosen from"), func() input { return &itemsList{} }},
	{"certificate show", "URL", locale.Message("show the certificate the service at URL presents (subject, SHA-256 fingerprint)"), func() input { return &certificateShow{} }},
	{"certificate trust", "URL", locale.Message("trust the certificate the service at URL presents, if its fingerprint is the one given"), func() input { return &certificateTrust{} }},
	{"certificate list", "", locale.Message("list the trusted certificates"), func() input { return &certificateList{} }},
	{"certificate remove", "ORIGIN", locale.Message("stop trusting the certificate of ORIGIN (as certificate list shows it)"), func() input { return &certificateRemove{} }},
	{"service setup", "", locale.Message("set up the QuickBooks service on this computer for the company: its account with a new password (or --password-stdin) kept in the keychain, the Service URL and User, and the Web Connector's .qwc file (in the data folder, or --qwc FILE)"), func() input { return &serviceSetup{} }},
	{"service status", "", locale.Message("show whether the QuickBooks service on this computer runs, when the Web Connector last called it, and the work waiting for QuickBooks"), func() input { return &serviceStatus{} }},
	{"procore status", "", locale.Message("show the Procore company the QuickBooks service is connected to, and whether it signed in at its last check"), func() input { return &procoreStatus{} }},
	{"procore set", "", locale.Message("connect the QuickBooks service to a Procore company (--environment production, sandbox, or custom with --base-url), the Client Secret read from standard input (or --keep-secret); the service signs in to Procore before it keeps it"), func() input { return &procoreSet{} }},
	{"procore test", "", locale.Message("have the QuickBooks service sign in to Procore with the connection it keeps (exit 1 unless it did)"), func() input { return &procoreTest{} }},
	{"procore remove", "", locale.Message("disconnect the QuickBooks service from Procore, forgetting its Client Secret (asks unless --yes)"), func() input { return &procoreRemove{} }},
	{"sync activity", "", locale.Message("list Procore's requests to the QuickBooks service, newest first (--limit N), and what came of each"), func() input { return &syncActivity{} }},
	{"history", "", locale.Message("list the saved revisions and what each changed"), func() input { return &history{} }},
}

// optionUsage is how usage shows each option, in the order it shows them.
var optionUsage = []struct{ name, text string }{
	{"fingerprint", "--fingerprint SHA256"},
	{"company-id", "--company-id ID --client-id ID [--environment ENV] [--base-url URL] [--keep-secret]"},
	{"password-stdin", "[--password-stdin]"},
	{"qwc", "[--qwc FILE]"},
	{"search", "[--search TEXT]"},
	{"from-service", "[--from-service]"},
	{"keep-local", "[--keep-local | --take-service]"},
	{"include-trust", "[--include-trust]"},
	{"yes", "[--yes]"},
	{"limit", "[--limit N]"},
	{"profile", "[--profile ID]"},
	{"json", "[--json]"},
}

// usageLine is the command's usage, with the options its input declares.
func (cmd *command) usageLine() string {
	parts := []string{cmd.words}
	if cmd.args != "" {
		parts = append(parts, cmd.args)
	}
	for _, o := range optionUsage {
		if cmd.takes(o.name) {
			parts = append(parts, o.text)
		}
	}
	return strings.Join(parts, " ")
}

// takes tells whether the command's input declares the option name.
func (cmd *command) takes(name string) bool {
	fs, _ := flagSet(cmd, cmd.input())
	return fs.Lookup(name) != nil
}

// windowFlags are the options Wails passes to a development build; a start
// with these alone still opens the window.
var windowFlags = []string{"-assetdir", "-devserver", "-frontenddevserverurl", "-loglevel", "-wailsjsdir"}

// OpensWindow tells whether the program started with args opens its
// window. Only a start without arguments does: anything else is for the
// command line, so a typing mistake in a script is a usage error, never a
// window that waits forever.
func OpensWindow(args []string) bool {
	for i := 0; i < len(args); i++ {
		name, _, hasValue := strings.Cut(args[i], "=")
		if !isWindowFlag(name) {
			return false
		}
		if !hasValue {
			i++ // its value
		}
	}
	return true
}

func isWindowFlag(name string) bool {
	for _, f := range windowFlags {
		if name == f || name == "-"+f {
			return true
		}
	}
	return false
}

// Run runs the command in args (without the program name). --locale,
// anywhere in args, chooses the English the command speaks; without it
// the command speaks the system's.
func Run(ctx context.Context, args []string, env Env) int {
	args, tag, hasLocale := cutLocale(args)
	if hasLocale {
		l, ok := locale.Parse(tag)
		if !ok {
			locale.Fprintf(env.Stderr, "qbsettings: %q is not a locale of this program: use en-US, en-GB, en-AU or en-CA.\n", tag)
			return Misused
		}
		locale.Use(l)
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return Misused
	}
	switch args[0] {
	case "--help", "-h", "help":
		usage(env.Stdout)
		return OK
	case "--version", "version":
		fmt.Fprintf(env.Stdout, "qbsettings %s\n", env.Version)
		return OK
	}
	cmd, rest := find(args)
	if cmd == nil {
		return unknownCommand(env, args)
	}
	c := &call{Env: env, cmd: cmd}
	in := cmd.input()
	fs, help := flagSet(cmd, in)
	positional, err := parseInterspersed(fs, rest)
	if *help {
		fmt.Fprintf(env.Stdout, "qbsettings %s\n\n%s.\n", cmd.usageLine(), capitalize(cmd.summary.Text()))
		if more := commandHelp(cmd); more != "" {
			fmt.Fprintf(env.Stdout, "\n%s", more)
		}
		return OK
	}
	if err != nil {
		locale.Fprintf(env.Stderr, "qbsettings %s: %v\nUsage: qbsettings %s\n", cmd.words, err, cmd.usageLine())
		return Misused
	}
	c.args = positional
	b, closeBackend, err := env.Open()
	if err != nil {
		locale.Fprintf(env.Stderr, "qbsettings: %s\n", appservice.MessageFor(err))
		return Failed
	}
	defer closeBackend()
	c.b = b
	// A wait of the QuickBooks service's (sign-ins slowed down after wrong
	// passwords) is said as it begins: the command goes on after it.
	ctx = quickbooks.NoticeWaits(ctx, func(wait time.Duration) {
		locale.Fprintf(env.Stderr, "The QuickBooks service is slowing sign-ins down after wrong passwords: trying again in %d seconds.\n", serviceapi.WaitSeconds(wait))
	})
	return c.exitCode(in.run(ctx, c))
}

// flagSet declares the options in takes, and no others, with --help.
func flagSet(cmd *command, in input) (*flag.FlagSet, *bool) {
	fs := flag.NewFlagSet(cmd.words, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	in.declare(fs)
	help := fs.Bool("help", false, "show this help")
	fs.BoolVar(help, "h", false, "show this help")
	return fs, help
}

// find returns the command args name and the arguments after its words.
func find(args []string) (*command, []string) {
	for i := range commands {
		words := strings.Fields(commands[i].words)
		if len(args) >= len(words) && strings.Join(args[:len(words)], " ") == commands[i].words {
			return &commands[i], args[len(words):]
		}
	}
	return nil, nil
}

// unknownCommand explains args that name no command, listing the
// subcommands when the first word is right.
func unknownCommand(env Env, args []string) int {
	locale.Fprintf(env.Stderr, "qbsettings: %q is not a command.\n", strings.Join(args[:min(2, len(args))], " "))
	var near []string
	for _, c := range commands {
		if strings.HasPrefix(c.words, args[0]+" ") {
			near = append(near, "qbsettings "+c.usageLine())
		}
	}
	if len(near) > 0 {
		locale.Fprintf(env.Stderr, "Did you mean one of:\n  %s\n", strings.Join(near, "\n  "))
	}
	locale.Fprintf(env.Stderr, "Run qbsettings --help to see the commands.\n")
	return Misused
}

// cutLocale takes --locale VALUE (or --locale=VALUE) out of args.
func cutLocale(args []string) (rest []string, tag string, found bool) {
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(args[i], "=")
		if name != "--locale" && name != "-locale" {
			rest = append(rest, args[i])
			continue
		}
		found = true
		if !hasValue && i+1 < len(args) {
			i++
			value = args[i]
		}
		tag = value
	}
	return rest, tag, found
}

// parseInterspersed lets options stand before or after the arguments.
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
	locale.Fprintf(w, "QuickBooks Integration Settings: with no arguments, opens the settings window.\n")
	locale.Fprintf(w, "\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  qbsettings %s\n      %s\n", c.usageLine(), c.summary.Text())
	}
	fmt.Fprintln(w, "  qbsettings --version")
	locale.Fprintf(w, "\nAdd --locale en-GB (or en-US, en-AU, en-CA) to any command for its words and dates in that English; without it, the system's.\n")
	locale.Fprintf(w, "\nAdd --help to a command for its help. Exit codes: 0 done, 1 invalid input or a failed check, 2 a command used wrongly.\n")
}

// commandHelp is what a command's --help adds to its usage.
func commandHelp(cmd *command) string {
	if strings.Contains(cmd.args, "KEY=VALUE") {
		return locale.T("Keys, their settings and their values:\n%s", keyHelp())
	}
	return ""
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// dateTime writes t in this computer's time zone, as the locale in use
// writes a date and time.
func (c *call) dateTime(t time.Time) string { return locale.Current().DateTime(t.Local()) }
