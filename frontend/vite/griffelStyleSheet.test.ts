import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "vite";
import { describe, expect, it } from "vitest";
import { extractGriffelRules, GriffelExtractionError, styleSheet } from "./griffelStyleSheet.ts";

const collect = () => {
  const found: unknown[] = [];
  return { found, register: (rules: unknown) => found.push(rules) - 1 };
};

describe("extractGriffelRules", () => {
  it("turns each call into one that only names classes, keeping a mark for its rules", () => {
    const { found, register } = collect();
    const code = [
      'import { __styles, __resetStyles as r } from "@griffel/react";',
      'const a = /*#__PURE__*/ __styles({ root: { x: "f1" } }, { d: [".f1{color:red;}", [".f2{padding:0;}", { p: -1 }]] });',
      'const b = r("rb", "rbr", [".rb{display:flex;}"]);',
      'const c = r("rc", null, { r: [".rc{}"], s: ["@media (forced-colors: active){.rc{}}"] });',
    ].join("\n");
    const out = extractGriffelRules(code, "m.js", register)!;
    expect(out).toContain('/*#__PURE__*/ __griffelCss({ root: { x: "f1" } }, "griffel:0")');
    expect(out).toContain('__griffelResetCss("rb", "rbr", "griffel:1")');
    expect(out).toContain('__griffelResetCss("rc", null, "griffel:2")');
    expect(out).not.toContain("color:red");
    expect(found).toEqual([
      { d: [".f1{color:red;}", [".f2{padding:0;}", { p: -1 }]] },
      { r: [".rb{display:flex;}"] },
      { r: [".rc{}"], s: ["@media (forced-colors: active){.rc{}}"] },
    ]);
  });

  it("leaves modules without Griffel's calls alone", () => {
    const { register } = collect();
    expect(extractGriffelRules("const __styles = () => 1; __styles({}, {});", "own.js", register)).toBeNull();
    expect(extractGriffelRules("export const a = 1;", "plain.js", register)).toBeNull();
  });

  it("stops the build on rules it cannot read whole", () => {
    const { register } = collect();
    const code = 'import { __styles } from "@griffel/react";\nconst u = "url(x.png)";\n__styles({}, { d: [".a{background:" + u + ";}"] });';
    expect(() => extractGriffelRules(code, "asset.js", register)).toThrow(GriffelExtractionError);
  });
});

describe("styleSheet", () => {
  it("orders rules as Griffel's renderer does and writes each once", () => {
    const css = styleSheet([
      { h: [".h:hover{}"], d: [".d1{}"], m: [["@media (min-width: 800px){.m2{}}", { m: "(min-width: 800px)" }]] },
      { m: [["@media (forced-colors: active){.m1{}}", { m: "(forced-colors: active)" }]], d: [".d2{}", ".d1{}"] },
      { d: [[".short{}", { p: -1 }]], r: [".reset{}"], f: [".f:focus{}"] },
    ]);
    expect(css.split("\n")).toEqual([
      ".reset{}",
      ".short{}",
      ".d1{}",
      ".d2{}",
      ".f:focus{}",
      ".h:hover{}",
      "@media (forced-colors: active){.m1{}}",
      "@media (min-width: 800px){.m2{}}",
    ]);
  });

  it("refuses a bucket it does not know, rather than guess its place", () => {
    expect(() => styleSheet([{ q: [".q{}"] }])).toThrow(GriffelExtractionError);
  });
});

// The app's own build (vite.config.ts) of a small page.
describe("the production build", () => {
  it("writes the rules of the styles the page keeps into its head, and a script in ASCII without them", async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), "griffel-"));
    try {
      await build({
        configFile: path.join(import.meta.dirname, "..", "vite.config.ts"),
        root: path.join(import.meta.dirname, "testdata"),
        logLevel: "silent",
        build: { outDir, emptyOutDir: true },
      });
      const html = readFileSync(path.join(outDir, "index.html"), "utf8");
      const scripts = readdirSync(path.join(outDir, "assets")).filter((f) => f.endsWith(".js"));
      const script = scripts.map((f) => readFileSync(path.join(outDir, "assets", f), "utf8")).join("");
      const sheet = /<style>([^]*)<\/style>/.exec(html)?.[1] ?? "";
      expect(sheet.split("\n")).toEqual([".rbase01{display:flex;}", ".fused01{color:red;}", ".fhover1:hover{color:blue;}"]);
      expect(script).not.toMatch(/griffel:\d|color:red|color:green/);
      expect(script).toContain("fused01");
      // WebKit keeps a script with a character past Latin-1 as two bytes a character.
      expect(script.match(/[^ -~\s]/g)).toBeNull();
      expect(script).toContain("\\u2026");
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
