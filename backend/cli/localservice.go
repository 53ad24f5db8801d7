package cli

import (
	"context"
	"flag"
	"strconv"
	"strings"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
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

// serviceStatus prints where the QuickBooks service on this computer
// stands: whether it runs, when the Web Connector last called, the queue.
type serviceStatus struct{ jsonOption }

func (in *serviceStatus) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("service status takes no arguments"))
	}
	st, err := c.b.Service.LocalServiceStatus(ctx)
	if err != nil {
		return err
	}
	if in.json {
		return c.printJSON(st)
	}
	if st.Running {
		// A process ID is a name, not a number to group in thousands.
		locale.Fprintf(c.Stdout, "The QuickBooks service on this computer is running (process %s).\n", strconv.Itoa(st.PID))
	} else {
		locale.Fprintf(c.Stdout, "The QuickBooks service on this computer is not running. It starts when you sign in to Windows, or with: qbsettings service setup\n")
	}
	if st.LastCall == nil {
		locale.Fprintf(c.Stdout, "The Web Connector has never called it. Add the company's .qwc file to the Web Connector (qbsettings service setup writes it), type the password and tick Auto-Run.\n")
	} else {
		locale.Fprintf(c.Stdout, "The Web Connector last called at %s.\n", c.dateTime(*st.LastCall))
		if st.CompanyFile != "" {
			locale.Fprintf(c.Stdout, "Company file %s in %s.\n", st.CompanyFile, st.Product)
		}
		if st.HResult != "" {
			locale.Fprintf(c.Stdout, "QuickBooks could not be reached then (%s): %s\n", st.HResult, quickbooks.HResultWords(st.HResult, st.Message))
		}
	}
	if st.SignInRefusedAt != nil {
		locale.Fprintf(c.Stdout, "The Web Connector called at %s, but the password typed in it is not the service's. In the Web Connector, type the company's Service Password again in its Password column, then choose Update Selected.\n", c.dateTime(*st.SignInRefusedAt))
	}
	if len(st.Queue) == 0 {
		locale.Fprintf(c.Stdout, "Nothing is waiting for QuickBooks.\n")
		return nil
	}
	locale.Fprintf(c.Stdout, "Waiting for QuickBooks (%d):\n", len(st.Queue))
	for _, j := range st.Queue {
		locale.Fprintf(c.Stdout, "  %s\t%s\tqueued %s\tattempts %d\n", j.Kind, j.State, c.dateTime(j.QueuedAt), j.Attempts)
	}
	return nil
}
