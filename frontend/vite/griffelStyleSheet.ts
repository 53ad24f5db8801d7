import { parseSync, Visitor, type ESTree, type Plugin } from "vite";

// griffelStyleSheet moves Griffel's CSS out of the script into one style
// sheet at build time, as Griffel's own Webpack plugin does. Fluent's
// packages ship their styles as `__styles(classes, rules)` and
// `__resetStyles(ltr, rtl, rules)` calls (and @griffel/vite-plugin turns
// the app's makeStyles into the same): at run time each inserts its rules
// into the page the first time a component draws. Here each call becomes
// `__css(classes)` or `__resetCSS(ltr, rtl)`, which only name classes, and
// its rules go, ordered as Griffel's renderer orders them, into one style
// sheet in the page's head. The window then neither keeps the rules as
// script strings nor runs (and optimizes) the code that inserts them
// (docs/memory.md).
//
// A call whose rules are not plain literals stops the build: left in place
// it would insert after the sheet and win over rules it should lose to.

type BucketEntry = string | [string, Record<string, string | number>];
type RulesByBucket = Record<string, BucketEntry[]>;

// Griffel's bucket order (styleBucketOrdering in @griffel/core): resets,
// plain rules, then pseudo-classes in LVFHA order, then at-rules. Rules of
// a later bucket win over an earlier one's at equal specificity.
const bucketOrder = ["r", "d", "l", "v", "w", "f", "i", "h", "a", "s", "k", "t", "m", "c", "x"];

// Fluent's packages import the calls from Griffel; the app's makeStyles
// come from Fluent's package, and @griffel/vite-plugin keeps that source.
const griffelSources = new Set(["@griffel/react", "@griffel/core", "@fluentui/react-components"]);
const cssName = "__griffelCss";
const resetCssName = "__griffelResetCss";

export class GriffelExtractionError extends Error {}

// A call keeps a mark in place of its rules, `__css(classes, "griffel:7")`
// (__css reads only its first argument), so the rules of calls the bundler
// drops as unused are left out of the sheet too: the rules of every module
// are seen before the bundler knows which of them the page uses.
const markPattern = /,\s*"griffel:(\d+)"/g;

// extractGriffelRules rewrites one module's Griffel calls, handing each
// call's rules to register, which gives the call's mark; null when the
// module has none.
export function extractGriffelRules(code: string, id: string, register: (rules: RulesByBucket) => number): string | null {
  if (!code.includes("__styles") && !code.includes("__resetStyles")) return null;
  const { program } = parseSync(id, code);
  const locals = importedLocals(program);
  if (locals.size === 0) return null;

  const edits: { start: number; end: number; text: string }[] = [];
  const source = (node: ESTree.Node) => code.slice(node.start, node.end);
  new Visitor({
    CallExpression(call) {
      if (call.callee.type !== "Identifier") return;
      const kind = locals.get(call.callee.name);
      if (!kind) return;
      const args = call.arguments;
      let text: string;
      if (kind === "__styles" && args.length === 2) {
        const mark = register(literal(args[1], id) as RulesByBucket);
        text = `${cssName}(${source(args[0])}, "griffel:${mark}")`;
      } else if (kind === "__resetStyles" && args.length === 3) {
        const reset = literal(args[2], id) as BucketEntry[] | RulesByBucket;
        const mark = register(Array.isArray(reset) ? { r: reset } : reset);
        text = `${resetCssName}(${source(args[0])}, ${source(args[1])}, "griffel:${mark}")`;
      } else {
        throw new GriffelExtractionError(`${id}: ${kind} called with ${args.length} arguments`);
      }
      edits.push({ start: call.start, end: call.end, text });
    },
  }).visit(program);
  if (edits.length === 0) return null;

  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return `import { __css as ${cssName}, __resetCSS as ${resetCssName} } from "@griffel/react";\n` + out;
}

// importedLocals maps the module's local names of __styles and
// __resetStyles (they may be renamed on import) to the imported name.
function importedLocals(program: ESTree.Program): Map<string, string> {
  const locals = new Map<string, string>();
  for (const statement of program.body) {
    if (statement.type !== "ImportDeclaration" || !griffelSources.has(statement.source.value)) continue;
    for (const spec of statement.specifiers) {
      if (spec.type !== "ImportSpecifier") continue;
      const imported = spec.imported.type === "Identifier" ? spec.imported.name : spec.imported.value;
      if (imported === "__styles" || imported === "__resetStyles") locals.set(spec.local.name, imported);
    }
  }
  return locals;
}

// literal reads a value written as plain literals: objects, arrays,
// strings, numbers, negative numbers and templates without expressions.
function literal(node: ESTree.Node, id: string): unknown {
  switch (node.type) {
    case "Literal":
      return node.value;
    case "TemplateLiteral":
      if (node.expressions.length === 0) return node.quasis[0].value.cooked;
      break;
    case "UnaryExpression":
      if (node.operator === "-" && node.argument.type === "Literal" && typeof node.argument.value === "number") {
        return -node.argument.value;
      }
      break;
    case "ArrayExpression":
      return node.elements.map((element) => {
        if (element === null || element.type === "SpreadElement") throw notLiteral(node, id);
        return literal(element, id);
      });
    case "ObjectExpression": {
      const out: Record<string, unknown> = {};
      for (const prop of node.properties) {
        if (prop.type !== "Property" || prop.computed || prop.kind !== "init") throw notLiteral(node, id);
        const key = prop.key.type === "Identifier" ? prop.key.name : literal(prop.key, id);
        out[String(key)] = literal(prop.value, id);
      }
      return out;
    }
  }
  throw notLiteral(node, id);
}

function notLiteral(node: ESTree.Node, id: string): GriffelExtractionError {
  return new GriffelExtractionError(`${id}: Griffel rules at ${node.start} are not plain literals (${node.type})`);
}

interface Rule {
  css: string;
  bucket: number;
  media: string;
  priority: number;
}

// styleSheet orders the rules as Griffel's renderer orders its style
// elements: by bucket, within the media bucket by query, then by priority
// (a shorthand's -1 before its longhands). The sort is stable, so the
// rest keep the order they were found in. A rule found twice is written
// once, where first found, as the renderer inserts it once.
export function styleSheet(sets: RulesByBucket[]): string {
  const rules = new Map<string, Rule>();
  for (const set of sets) {
    for (const [bucket, entries] of Object.entries(set)) {
      const order = bucketOrder.indexOf(bucket);
      if (order < 0) throw new GriffelExtractionError(`unknown Griffel bucket "${bucket}"`);
      for (const entry of entries) {
        const [css, meta = {}] = typeof entry === "string" ? [entry] : entry;
        if (rules.has(css)) continue;
        const media = String(meta.m ?? meta.x ?? "");
        rules.set(css, { css, bucket: order, media, priority: Number(meta.p ?? 0) });
      }
    }
  }
  return [...rules.values()]
    .sort((a, b) => a.bucket - b.bucket || compare(a.media, b.media) || a.priority - b.priority)
    .map((rule) => rule.css)
    .join("\n");
}

// compare is Griffel's default order of media queries.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// griffelStyleSheet is the build's plugin: it rewrites each module after
// the other transforms (so after @griffel/vite-plugin); once the bundle is
// rendered it takes the marks out, and writes the rules of the calls still
// there into a <style> in index.html's head.
export function griffelStyleSheet(): Plugin {
  let found: RulesByBucket[] = [];
  let used: RulesByBucket[] = [];
  return {
    name: "griffel-style-sheet",
    apply: "build",
    enforce: "post",
    buildStart() {
      found = [];
      used = [];
    },
    transform(code, id) {
      // Griffel's own modules define the calls, they do not style anything.
      if (!/\.[cm]?[jt]sx?$/.test(id.split("?")[0]) || /[\\/]node_modules[\\/]@griffel[\\/]/.test(id)) return null;
      const out = extractGriffelRules(code, id, (rules) => found.push(rules) - 1);
      return out === null ? null : { code: out, map: null };
    },
    renderChunk(code) {
      if (!code.includes('"griffel:')) return null;
      const out = code.replace(markPattern, (_, mark: string) => {
        used.push(found[Number(mark)]);
        return "";
      });
      return { code: out, map: null };
    },
    transformIndexHtml: {
      order: "post",
      handler: () => [{ tag: "style", children: styleSheet(used), injectTo: "head" }],
    },
  };
}
