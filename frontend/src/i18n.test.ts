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

// Props whose strings a person reads.
const WORDED_PROPS = new Set(["label", "hint", "placeholder", "aria-label", "title", "description", "validationMessage"]);

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

    it(`${locale} keeps every value of each message`, () => {
      const names = (m: string) => [...m.matchAll(/\{(\w+)/g)].map((x) => x[1]).sort();
      const lost = Object.entries(catalog).filter(([key, text]) => names(key).join() !== names(text).join());
      expect(lost).toEqual([]);
    });
  }
});
