import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { catalogs } from "./i18n";

// The web view's words all come from the catalogs: these tests find every
// message the code speaks (the literal first argument of each t(...)) and
// every text written outside them, by reading the source as TypeScript.

const srcDir = path.dirname(new URL(import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "test" || e.name === "locales" ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

// prose is text a person reads: two words in a row.
const prose = /[A-Za-z]{2,} [a-z]{2,}/;

// Props whose strings a person reads.
const WORDED_PROPS = new Set(["label", "hint", "placeholder", "aria-label", "title", "description", "validationMessage"]);

// enclosingAttribute is the JSX attribute whose value n is part of, through
// the expressions that choose it.
function enclosingAttribute(n: ts.Node): ts.JsxAttribute | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (ts.isJsxAttribute(p)) return p;
    if (!(ts.isConditionalExpression(p) || ts.isJsxExpression(p) || ts.isParenthesizedExpression(p) || ts.isBinaryExpression(p)))
      return undefined;
  }
  return undefined;
}

interface Found {
  messages: Map<string, string>; // message → where
  problems: string[];
}

function scan(): Found {
  const found: Found = { messages: new Map(), problems: [] };
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, "utf8");
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const where = (n: ts.Node) => `${path.relative(srcDir, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "t") {
        const first = n.arguments[0];
        if (first && ts.isStringLiteral(first)) found.messages.set(first.text, where(n));
        else found.problems.push(`${where(n)}: the message is not a literal, so the catalogs cannot be checked against it`);
      }
      // Any other string or template that reads as prose, outside t(...)
      // and imports, is a text written outside the catalogs.
      if (ts.isImportDeclaration(n)) return;
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && prose.test(n.text)) {
        const parent = n.parent;
        const isMessage =
          ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === "t" && parent.arguments[0] === n;
        // Errors thrown for developers, and attributes no one reads (ids).
        const forDevelopers = ts.isNewExpression(parent) && parent.expression.getText() === "Error";
        const attribute = enclosingAttribute(n);
        const unread = !!attribute && !WORDED_PROPS.has(attribute.name.getText());
        if (!isMessage && !forDevelopers && !unread)
          found.problems.push(`${where(n)}: the text ${JSON.stringify(n.text)} is written outside the catalogs`);
      }
      if (
        ts.isTemplateExpression(n) &&
        prose.test(n.getText()) &&
        !(ts.isNewExpression(n.parent) && n.parent.expression.getText() === "Error")
      ) {
        found.problems.push(`${where(n)}: the text ${n.getText()} is written outside the catalogs`);
      }
      if (ts.isJsxText(n) && /[A-Za-z]{2,}/.test(n.text)) {
        found.problems.push(`${where(n)}: the text ${JSON.stringify(n.text.trim())} is written outside the catalogs`);
      }
      if (ts.isJsxAttribute(n) && WORDED_PROPS.has(n.name.getText()) && n.initializer && ts.isStringLiteral(n.initializer)) {
        if (/[A-Za-z]{2,}/.test(n.initializer.text))
          found.problems.push(`${where(n)}: ${n.name.getText()}=${JSON.stringify(n.initializer.text)} is written outside the catalogs`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

// keysAsWritten reads a catalog file's keys in the file's order, a key
// written twice twice: JSON.parse would keep the last of two silently.
function keysAsWritten(file: string): string[] {
  const root = ts.parseJsonText(file, readFileSync(file, "utf8")).statements[0]?.expression;
  if (!root || !ts.isObjectLiteralExpression(root)) throw new Error(`${file} is not a JSON object`);
  return root.properties.map((p) => (p.name && ts.isStringLiteral(p.name) ? p.name.text : `(not a string: ${p.getText()})`));
}

describe("message catalogs", () => {
  const found = scan();

  it("has no text written outside them", () => {
    expect(found.problems).toEqual([]);
    expect(found.messages.size).toBeGreaterThan(50);
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`${locale} has every message the code speaks, and no other`, () => {
      const missing = [...found.messages.keys()].filter((m) => !(m in catalog)).map((m) => `${m} (${found.messages.get(m)})`);
      const unused = Object.keys(catalog).filter((m) => !found.messages.has(m));
      expect({ missing, unused }).toEqual({ missing: [], unused: [] });
    });

    it(`${locale}'s file is sorted by message and has each once`, () => {
      const keys = keysAsWritten(path.join(srcDir, "locales", `${locale}.json`));
      expect(keys.length).toBeGreaterThan(50);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
      expect(keys).toEqual([...keys].sort());
    });

    it(`${locale} keeps every value of each message`, () => {
      const names = (m: string) => [...m.matchAll(/\{(\w+)/g)].map((x) => x[1]).sort();
      const lost = Object.entries(catalog).filter(([key, text]) => names(key).join() !== names(text).join());
      expect(lost).toEqual([]);
    });
  }
});
