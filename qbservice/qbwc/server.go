package qbwc

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"strings"
)

// MaxCallBytes bounds a call. The largest the Web Connector sends is a
// response of QuickBooks: a page of items is some hundred kilobytes.
const MaxCallBytes = 16 << 20

// wsdlText is Intuit's WSDL of the Web Connector's service (types,
// messages, port type and SOAP 1.1 binding as Intuit publishes them),
// served with this service's address in place of SERVICE_ADDRESS.
//
//go:embed wsdl.xml
var wsdlText string

// Server is the Web Connector's endpoint (the .qwc file's AppURL). It
// answers POSTed SOAP calls through its Handler, ?wsdl with the WSDL, and
// any other GET with a short page, as the Web Connector checks the
// address before it calls.
type Server struct {
	handler Handler
	log     *slog.Logger
}

// NewServer serves h to the Web Connector.
func NewServer(h Handler, log *slog.Logger) *Server { return &Server{handler: h, log: log} }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodGet && hasQueryKey(r, "wsdl"):
		s.serveWSDL(w, r)
	case r.Method == http.MethodGet || r.Method == http.MethodHead:
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("The QuickBooks service of QuickBooks Integration Settings: the QuickBooks Web Connector calls this address.\n"))
	case r.Method == http.MethodPost:
		s.serveCall(w, r)
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		http.Error(w, "the Web Connector POSTs its calls here", http.StatusMethodNotAllowed)
	}
}

func (s *Server) serveCall(w http.ResponseWriter, r *http.Request) {
	if status, err := admit(r); err != nil {
		s.refuse(w, status, err)
		return
	}
	body, err := readBody(w, r)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		s.fault(w, clientFault("the call is larger than %d bytes", MaxCallBytes))
		return
	}
	var (
		op operation
		p  params
	)
	if err == nil {
		op, p, err = decodeCall(body)
	}
	if err == nil {
		err = checkAction(r, op)
	}
	if err != nil {
		s.fault(w, err)
		return
	}
	var out bytes.Buffer
	ctx := context.WithValue(r.Context(), callerKey{}, hostOf(r.RemoteAddr))
	if err := encodeAnswer(&out, op, op.answer(ctx, s.handler, p)); err != nil {
		s.log.Error("web connector answer not written", "op", op.name, "err", err)
		http.Error(w, "the answer could not be written", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(out.Bytes())
}

// readBody reads the call whole, of at most MaxCallBytes, as the text it
// is decoded from: into a buffer of the size the call says it has, once,
// not grown and then copied (a page of QuickBooks' answers is some
// hundred kilobytes).
func readBody(w http.ResponseWriter, r *http.Request) (string, error) {
	var b strings.Builder
	if n := r.ContentLength; n > 0 && n <= MaxCallBytes {
		b.Grow(int(n))
	}
	_, err := io.Copy(&b, http.MaxBytesReader(w, r.Body, MaxCallBytes))
	return b.String(), err
}

// admit refuses, before a byte of the body is read, a POST the Web
// Connector never sends: a body that is not XML, or no SOAPAction (SOAP
// 1.1 over HTTP has one in every call). A web page in the bookkeeper's
// browser can post text/plain with no preflight, but can send neither an
// XML content type nor a SOAPAction without one, which this service never
// allows.
func admit(r *http.Request) (int, error) {
	media, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || media != "text/xml" && media != "application/xml" {
		return http.StatusUnsupportedMediaType, clientFault("the call's content type is %q, not XML", r.Header.Get("Content-Type"))
	}
	if len(r.Header.Values("SOAPAction")) != 1 {
		return http.StatusBadRequest, clientFault("the call has no SOAPAction, or more than one")
	}
	return 0, nil
}

// checkAction refuses a SOAPAction that names another call than the body
// holds (the Web Connector sends both, the action quoted).
func checkAction(r *http.Request, op operation) error {
	if action := strings.Trim(r.Header.Get("SOAPAction"), `"`); action != Namespace+op.name {
		return clientFault("the SOAPAction %q does not name the call %s", action, op.name)
	}
	return nil
}

// fault answers a call that cannot be answered with a SOAP 1.1 fault
// (HTTP 500, as SOAP 1.1 has it).
func (s *Server) fault(w http.ResponseWriter, err error) {
	s.refuse(w, http.StatusInternalServerError, err)
}

// refuse answers a call with a SOAP fault and HTTP status; nothing of
// the call reached the Handler.
func (s *Server) refuse(w http.ResponseWriter, status int, err error) {
	var f *faultError
	if !errors.As(err, &f) {
		f = &faultError{code: "Server", reason: "the call could not be read"}
	}
	s.log.Warn("web connector call refused", "status", status, "fault", f.code, "reason", f.reason)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	_ = encodeFault(w, f)
}

func (s *Server) serveWSDL(w http.ResponseWriter, r *http.Request) {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	// The address comes from the request's Host: escaped for the attribute.
	var location strings.Builder
	if err := xml.EscapeText(&location, []byte(scheme+"://"+r.Host+r.URL.Path)); err != nil {
		s.log.Error("wsdl not written", "err", err)
		return
	}
	_, _ = w.Write([]byte(strings.Replace(wsdlText, "SERVICE_ADDRESS", location.String(), 1)))
}

type callerKey struct{}

// CallerAddr is the network address of the Web Connector making the call
// a Handler answers (without its port), or "" outside a call.
func CallerAddr(ctx context.Context) string {
	addr, _ := ctx.Value(callerKey{}).(string)
	return addr
}

func hostOf(remote string) string {
	if host, _, err := net.SplitHostPort(remote); err == nil {
		return host
	}
	return remote
}

func hasQueryKey(r *http.Request, key string) bool {
	for k := range r.URL.Query() {
		if strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}
