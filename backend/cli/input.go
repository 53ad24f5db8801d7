package cli

import (
	"context"
	"flag"

	"qbsettings/backend/store"
)

// input is a command's input, one type for each command: the options it
// declares, and what it does with them. Options that several commands
// take are declared once, below, and embedded.
type input interface {
	declare(fs *flag.FlagSet)
	run(ctx context.Context, c *call) error
}

// profileOption: --profile ID, the company profile the command works on.
type profileOption struct{ profile string }

func (o *profileOption) declare(fs *flag.FlagSet) {
	fs.StringVar(&o.profile, "profile", store.DefaultProfile, "the company profile's ID")
}

// jsonOption: --json, print JSON.
type jsonOption struct{ json bool }

func (o *jsonOption) declare(fs *flag.FlagSet) { fs.BoolVar(&o.json, "json", false, "print JSON") }

// yesOption: --yes, do not ask first.
type yesOption struct{ yes bool }

func (o *yesOption) declare(fs *flag.FlagSet) { fs.BoolVar(&o.yes, "yes", false, "do not ask first") }

// valuesInput is the input of the commands that take KEY=VALUE pairs over
// the saved settings: the profile, and --password-stdin.
type valuesInput struct {
	profileOption
	passwordStdin bool
}

func (in *valuesInput) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	fs.BoolVar(&in.passwordStdin, "password-stdin", false, "read the service password from standard input (one line)")
}

// noOptions is the input of a command that takes no options.
type noOptions struct{}

func (noOptions) declare(*flag.FlagSet) {}
