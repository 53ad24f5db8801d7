package cli

import (
	"context"
	"flag"
	"strings"

	"qbsettings/backend/locale"
)

// serviceSetup sets up the QuickBooks service on this computer for a
// company, as the window's "Use the QuickBooks service on this computer".
type serviceSetup struct {
	profileOption
	jsonOption
	qwc           string
	passwordStdin bool
}

func (in *serviceSetup) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.jsonOption.declare(fs)
	fs.StringVar(&in.qwc, "qwc", "", "write the Web Connector's file there")
	fs.BoolVar(&in.passwordStdin, "password-stdin", false, "use the password on standard input (one line) instead of a new one")
}

// ServiceSetupJSON is what service setup --json prints. The password is
// never printed: it is in the keychain, and in the service as a hash.
type ServiceSetupJSON struct {
	ServiceURL  string `json:"serviceUrl"`
	ServiceUser string `json:"serviceUser"`
	QWCFile     string `json:"qwcFile"`
	// Saved: the Service URL and User were saved with the other settings;
	// otherwise Left lists what the settings still need.
	Saved bool     `json:"saved"`
	Left  []string `json:"left"`
}

func (in *serviceSetup) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("service setup takes no arguments"))
	}
	password := ""
	if in.passwordStdin {
		var err error
		if password, err = c.readPassword(); err != nil {
			return err
		}
	}
	done, err := c.b.Service.SetUpLocalService(ctx, in.profile, in.qwc, password)
	if err != nil {
		return err
	}
	if done.ServiceUser == "" { // the password given was refused: nothing was done
		return c.refused(done.FieldErrors, locale.T("Nothing was set up."))
	}
	left := []string{}
	for _, e := range done.FieldErrors {
		left = append(left, string(e.Field))
	}
	if in.json {
		return c.printJSON(ServiceSetupJSON{done.ServiceURL, done.ServiceUser, done.QWCPath, done.Saved, left})
	}
	locale.Fprintf(c.Stdout, "The QuickBooks service on this computer is set up: Service URL %s, Service User %s, the password in the keychain.\n", done.ServiceURL, done.ServiceUser)
	locale.Fprintf(c.Stdout, "The Web Connector's file: %s\n", done.QWCPath)
	if done.Saved {
		locale.Fprintf(c.Stdout, "Saved revision %d.\n", done.State.Saved.Revision)
	} else {
		locale.Fprintf(c.Stdout, "Not saved yet: the settings still need %s. Once the Web Connector has called: qbsettings items refresh serviceUrl=%s serviceUser=%s, then qbsettings settings set serviceUrl=%s serviceUser=%s retainageItem=NAME\n",
			strings.Join(left, ", "), done.ServiceURL, done.ServiceUser, done.ServiceURL, done.ServiceUser)
	}
	locale.Fprintf(c.Stdout, "Then, on this computer, with QuickBooks open on the company file as its Admin:\n")
	locale.Fprintf(c.Stdout, "  1. Open the file with the QuickBooks Web Connector (Add an application).\n")
	locale.Fprintf(c.Stdout, "  2. In QuickBooks, allow it: \"Yes, always; allow access even if QuickBooks is not running\".\n")
	locale.Fprintf(c.Stdout, "  3. In the Web Connector, type the password in the Password column (the app's window copies it), and tick Auto-Run.\n")
	return nil
}
