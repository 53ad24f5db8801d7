// npm run catalogs: brings the web view's message catalogs (src/locales)
// in step with the code, as make catalogs does for Go's: a message the code
// no longer speaks is removed; one a catalog lacks is added with its US
// words and listed, so its British, Australian and Canadian words are
// checked by hand. The files stay sorted by message.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const src = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../src");
const locales = ["en-US", "en-GB", "en-AU", "en-CA"];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "test" || e.name === "locales" ? [] : files(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const used = new Set();
for (const file of files(src)) {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    if (
      ts.isCallExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === "t" &&
      n.arguments[0] &&
      ts.isStringLiteral(n.arguments[0])
    )
      used.add(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
}

const read = (l) => JSON.parse(readFileSync(path.join(src, "locales", `${l}.json`), "utf8"));
const us = read("en-US");
for (const l of locales) {
  const catalog = read(l);
  const next = {};
  for (const m of [...used].sort()) {
    if (m in catalog) next[m] = catalog[m];
    else {
      next[m] = us[m] ?? m;
      if (l !== "en-US") console.log(`${l}: added ${JSON.stringify(m)} with its US words: check them`);
    }
  }
  for (const m of Object.keys(catalog)) if (!used.has(m)) console.log(`${l}: removed ${JSON.stringify(m)}`);
  writeFileSync(path.join(src, "locales", `${l}.json`), JSON.stringify(next, null, 2) + "\n");
  if (l === "en-US") Object.assign(us, next);
}
