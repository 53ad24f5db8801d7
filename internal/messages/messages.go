// Package messages finds the messages the project's Go code speaks: the
// key literal of every call to locale.T, locale.Message, locale.Coded and
// locale.Fprintf. The catalogs' check and make catalogs use it.
package messages

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
)

// keyArg says which argument of each message function is the key.
var keyArg = map[string]int{"T": 0, "Message": 0, "Fprintf": 1, "Coded": 1}

// notCode holds no Go code of the app: the frontend, built things.
var notCode = map[string]bool{"node_modules": true, "frontend": true, "build": true}

// Used maps each message key found under root to where it is used. A key
// that is not a literal is an error: the catalogs could not be checked
// against it.
func Used(root string) (map[string][]string, error) {
	used := map[string][]string{}
	var problems []string
	err := inspectGo(root, notCode, func(fset *token.FileSet, file *ast.File, n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !isLocale(file, call) {
			return true
		}
		i := keyArg[calledName(call)]
		if len(call.Args) <= i {
			return true
		}
		where := fset.Position(call.Pos()).String()
		lit, ok := call.Args[i].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			problems = append(problems, where+": the message key is not a literal, so the catalogs cannot be checked against it")
			return true
		}
		key, err := strconv.Unquote(lit.Value)
		if err != nil {
			problems = append(problems, where+": "+err.Error())
			return true
		}
		used[key] = append(used[key], where)
		return true
	})
	if err == nil && len(problems) > 0 {
		err = fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return used, err
}

// inspectGo walks every Go file under root but tests and the directories
// skip names (and hidden ones), calling visit on each node as ast.Inspect
// does.
func inspectGo(root string, skip map[string]bool, visit func(fset *token.FileSet, file *ast.File, n ast.Node) bool) error {
	fset := token.NewFileSet()
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (skip[d.Name()] || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool { return visit(fset, f, n) })
		return nil
	})
}

// isLocale tells whether call, in file, is locale.T, locale.Message,
// locale.Coded or locale.Fprintf (without "locale." in package locale).
func isLocale(file *ast.File, call *ast.CallExpr) bool {
	if _, isMessage := keyArg[calledName(call)]; !isMessage {
		return false
	}
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		pkg, ok := fn.X.(*ast.Ident)
		return ok && pkg.Name == "locale"
	case *ast.Ident:
		return file.Name.Name == "locale"
	}
	return false
}
