// Package contract checks HTTP traffic against the QuickBooks service's
// contract, docs/openapi.yaml, with kin-openapi: every request the client
// sends and every answer the simulator gives in the tests that use it. So
// the document, the client and the simulator cannot drift apart. It is for
// tests and the simulator's checking mode (qbsim -contract, which the
// end-to-end tests use); the app does not use it.
package contract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Document is the contract's file, relative to the module's root.
const Document = "docs/openapi.yaml"

// Spec is the loaded contract and a router over its paths.
type Spec struct {
	Doc    *openapi3.T
	router routers.Router
}

// Load reads and checks the contract, finding the module's root upward
// from the working directory (a test's is its package's folder).
func Load() (*Spec, error) {
	path, err := Path()
	if err != nil {
		return nil, err
	}
	return LoadFile(path)
}

// Path is the contract's file, found from the module's root upward from
// the working directory.
func Path() (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, Document), nil
}

// LoadFile reads and checks the contract at path.
func LoadFile(path string) (*Spec, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("%s is not a valid OpenAPI document: %w", path, err)
	}
	// Match paths on any host: the service's address is the user's.
	doc.Servers = nil
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, err
	}
	return &Spec{Doc: doc, router: router}, nil
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Checker is an http.Handler in front of a service: it checks each
// request and answer against the contract and keeps what it found wrong.
type Checker struct {
	spec *Spec
	next http.Handler
	// SkipAnswer, when set, says which answers are broken on purpose (a
	// simulator's fault mode) and not to be checked; requests always are.
	SkipAnswer func(r *http.Request) bool

	mu       sync.Mutex
	problems []error
	checked  int
}

// Checking returns a Checker in front of next.
func (s *Spec) Checking(next http.Handler) *Checker {
	return &Checker{spec: s, next: next}
}

// ServeHTTP checks the request, passes it on, and checks the answer.
func (c *Checker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// The contract's own routes only: the simulator's control routes are not part of it.
	if len(r.URL.Path) > 12 && r.URL.Path[:12] == "/_simulator/" {
		c.next.ServeHTTP(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	route, params, err := c.spec.router.FindRoute(r)
	if err != nil {
		c.report(fmt.Errorf("%s %s: not in the contract: %w", r.Method, r.URL.Path, err))
		c.next.ServeHTTP(w, r)
		return
	}
	in := &openapi3filter.RequestValidationInput{Request: r.Clone(r.Context()), PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: basicAuth}}
	in.Request.Body = io.NopCloser(bytes.NewReader(body))
	if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
		c.report(fmt.Errorf("request %s %s: %w", r.Method, r.URL.Path, err))
	}
	rec := httptest.NewRecorder()
	c.next.ServeHTTP(rec, r)
	c.mu.Lock()
	c.checked++
	c.mu.Unlock()
	// An answer nobody waits for any more (a canceled or timed-out call)
	// is not checked; nor one broken on purpose.
	if r.Context().Err() == nil && (c.SkipAnswer == nil || !c.SkipAnswer(r)) {
		out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code, Header: rec.Header(),
			Options: &openapi3filter.Options{IncludeResponseStatus: true}}
		out.SetBodyBytes(rec.Body.Bytes())
		if err := openapi3filter.ValidateResponse(r.Context(), out); err != nil {
			c.report(fmt.Errorf("answer to %s %s (%d): %w", r.Method, r.URL.Path, rec.Code, err))
		}
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// basicAuth accepts any request that carries HTTP Basic credentials, as
// the contract's security scheme asks; whether they are right is the
// service's to say.
func basicAuth(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	if _, _, ok := in.RequestValidationInput.Request.BasicAuth(); !ok {
		return errors.New("no HTTP Basic credentials")
	}
	return nil
}

func (c *Checker) report(err error) {
	c.mu.Lock()
	c.problems = append(c.problems, err)
	c.mu.Unlock()
}

// Problems returns what the checker found wrong so far, and how many
// exchanges it checked.
func (c *Checker) Problems() ([]error, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]error(nil), c.problems...), c.checked
}
