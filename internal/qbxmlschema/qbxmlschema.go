// Package qbxmlschema checks qbXML against Intuit's published schema
// (qbXML 13.0, in schema/ with its source), as QuickBooks does: what it
// refuses, QuickBooks refuses with HRESULT 0x80040400. It runs libxml2's
// xmllint (Debian's libxml2-utils, which make deps installs); tests and
// the emulator of QuickBooks use it.
package qbxmlschema

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// ErrNoValidator: xmllint is not installed.
var ErrNoValidator = errors.New("xmllint is not installed: install Debian's libxml2-utils (make deps does)")

// Invalid is a document the schema refuses, with xmllint's words.
type Invalid struct{ Problem string }

func (e *Invalid) Error() string { return "not valid qbXML 13.0: " + e.Problem }

// The schema travels in the program, so that a program built anywhere
// (with -trimpath too) checks against it; xmllint reads it from a folder
// of its own, written once.
//
//go:embed schema/*.xsd
var schemaFiles embed.FS

var written struct {
	once sync.Once
	path string
	err  error
}

// Path is the schema's entry point, qbxmlops130.xsd (which includes the
// other three files), written to a temporary folder the first time.
func Path() (string, error) {
	written.once.Do(func() {
		dir, err := os.MkdirTemp("", "qbxml130-")
		if err != nil {
			written.err = err
			return
		}
		entries, _ := schemaFiles.ReadDir("schema")
		for _, e := range entries {
			data, _ := schemaFiles.ReadFile("schema/" + e.Name())
			if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o600); err != nil {
				written.err = err
				return
			}
		}
		written.path = filepath.Join(dir, "qbxmlops130.xsd")
	})
	return written.path, written.err
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
	schema, err := Path()
	if err != nil {
		return err
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", schema, f.Name()).CombinedOutput() //nolint:gosec // the schema and a file of ours
	var exit *exec.ExitError
	switch {
	// 1: the document is not well-formed XML; 3: the schema refuses it.
	// Other codes are xmllint's own trouble (4 and 5: the schema could not
	// be used), never a verdict on the document.
	case errors.As(err, &exit) && (exit.ExitCode() == 1 || exit.ExitCode() == 3):
		return &Invalid{Problem: strings.TrimSpace(strings.ReplaceAll(string(out), f.Name(), "the document"))}
	case err != nil:
		return fmt.Errorf("xmllint: %w: %s", err, out)
	}
	return nil
}
