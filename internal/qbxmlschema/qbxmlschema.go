// Package qbxmlschema checks qbXML against Intuit's published schema
// (qbXML 13.0, in schema/ with its source), as QuickBooks does: what it
// refuses, QuickBooks refuses with HRESULT 0x80040400. It runs libxml2's
// xmllint (Debian's libxml2-utils, which make deps installs); tests and
// the emulator of QuickBooks use it.
package qbxmlschema

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// ErrNoValidator: xmllint is not installed.
var ErrNoValidator = errors.New("xmllint is not installed: install Debian's libxml2-utils (make deps does)")

// Invalid is a document the schema refuses, with xmllint's words.
type Invalid struct{ Problem string }

func (e *Invalid) Error() string { return "not valid qbXML 13.0: " + e.Problem }

// Path is the schema's entry point, qbxmlops130.xsd, which includes the
// other three files.
func Path() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "schema", "qbxmlops130.xsd")
}

// Check checks doc against the schema: nil when it is valid, an *Invalid
// when the schema refuses it, ErrNoValidator without xmllint.
func Check(doc string) error {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		return ErrNoValidator
	}
	f, err := os.CreateTemp("", "qbxml-*.xml")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.WriteString(doc)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", Path(), f.Name()).CombinedOutput() //nolint:gosec // the schema and a file of ours
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return &Invalid{Problem: strings.TrimSpace(strings.ReplaceAll(string(out), f.Name(), "the document"))}
	case err != nil:
		return fmt.Errorf("xmllint: %w", err)
	}
	return nil
}
