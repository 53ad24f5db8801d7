package messages

import (
	"go/ast"
	"go/token"
	"regexp"
	"strconv"
)

// prose is text a person reads: two words in a row.
var prose = regexp.MustCompile(`[A-Za-z]{2,}[,:;]? [a-z]{2,}`)

// notForPeople are calls whose strings no user reads: the log (for
// developers), errors for developers (their words reach a person only
// through a message of the catalogs), panics, and command-line flag usage
// (never printed: the commands word their own help).
var notForPeople = map[string]bool{
	"Errorf": true, "New": true, "panic": true, "Debug": true, "Info": true, "Warn": true, "Error": true,
	"BoolVar": true, "StringVar": true, "IntVar": true, "Bool": true, "String": true,
	// A failure's detail for the log; its words for people are a message.
	"notQuickBooks": true, "newError": true,
	// What a failed use was doing, for the log; it words the rest from messages.
	"explain": true,
	// Matching another program's text.
	"Contains": true,
}

// notWords are strings that read like prose but are names, never worded:
// the keychain's entry names, and the command line's commands.
var notWords = regexp.MustCompile(`^(service password|procore company |(profiles|settings|password|connection|items|certificate|service|procore|sync) [a-z]+)$`)

// notForUsers hold no text a user of the app reads: the stores' SQL, the
// simulator and the test helpers, the developer tools. The QuickBooks
// service (qbservice) is a program of its own: what it says to the Web
// Connector's user is in its own words, in qbservice/connector/words.go,
// not in the app's catalogs.
var notForUsers = map[string]bool{"store": true, "sqlite": true, "simulator": true, "contract": true, "internal": true, "logging": true,
	"testdata": true, "qbsim": true, "qbservice": true}

// Outside lists the texts for people that the Go code under root writes
// outside the catalogs: prose in a string literal that is not a message
// key (locale.T, locale.Message, locale.Coded, locale.Fprintf) nor in a call whose words
// no user reads.
func Outside(root string) ([]string, error) {
	skip := map[string]bool{}
	for d := range notCode {
		skip[d] = true
	}
	for d := range notForUsers {
		skip[d] = true
	}
	var found []string
	err := inspectGo(root, skip, func(fset *token.FileSet, file *ast.File, n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec, *ast.Field:
			return false // import paths; struct tags
		case *ast.FuncDecl:
			// An error's Error method words it for developers.
			return n.Name.Name != "Error" || n.Recv == nil
		case *ast.CallExpr:
			if notForPeople[calledName(n)] || isLocale(file, n) {
				return false
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING {
				return true
			}
			if s, err := strconv.Unquote(n.Value); err == nil && prose.MatchString(s) && !notWords.MatchString(s) {
				found = append(found, fset.Position(n.Pos()).String()+": "+strconv.Quote(s))
			}
		}
		return true
	})
	return found, err
}

func calledName(call *ast.CallExpr) string {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return fn.Name
	case *ast.SelectorExpr:
		return fn.Sel.Name
	}
	return ""
}

// Worded lists the Error methods under root that speak through the
// catalogs: an error's Error is for the log, in one language, whatever
// English the user chose; the shells word errors for people.
func Worded(root string) ([]string, error) {
	var found []string
	err := inspectGo(root, notCode, func(fset *token.FileSet, file *ast.File, n ast.Node) bool {
		fn, ok := n.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "Error" || fn.Recv == nil || fn.Body == nil {
			return true
		}
		ast.Inspect(fn.Body, func(m ast.Node) bool {
			if call, ok := m.(*ast.CallExpr); ok && isLocale(file, call) {
				found = append(found, fset.Position(call.Pos()).String())
			}
			return true
		})
		return false
	})
	return found, err
}
