// Package messages finds the messages the project's Go code speaks: the
// key literal of every call to locale.T, locale.Message and
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
var keyArg = map[string]int{"T": 0, "Message": 0, "Fprintf": 1}

// Used maps each message key found under root to where it is used. A key
// that is not a literal is an error: the catalogs could not be checked
// against it.
func Used(root string) (map[string][]string, error) {
	used := map[string][]string{}
	var problems []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && p != root && (name == "node_modules" || name == "frontend" || name == "build" || strings.HasPrefix(name, ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			i, isMessage := keyArg[sel.Sel.Name]
			if !ok || pkg.Name != "locale" || !isMessage || len(call.Args) <= i {
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
		return nil
	})
	if err == nil && len(problems) > 0 {
		err = fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return used, err
}
