// Accessibility checks with axe-core, run in the page itself.
import { expect, Page } from "@playwright/test";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
// Screens of every checked state, by name; `make screenshots` copies some to docs/.
export const SCREENS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.artifacts/screens");

// checkA11y runs axe for WCAG 2.1 A and AA on the page as it is now and
// fails with every violation, named, when there is any. It also keeps a
// screenshot of the state it checked.
export async function checkA11y(page: Page, state: string) {
  // Judge the state, not a frame of the way to it: a dialog fading in has
  // colours that are not yet its own.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    type Violation = { id: string; help: string; nodes: { html: string; target: string[] }[] };
    return (result.violations as Violation[])
      .map((v) => ({
        ...v,
        // Fluent UI's focus manager (Tabster) puts focusable, aria-hidden
        // <i data-tabster-dummy> sentinels around some controls that only
        // pass focus on. Microsoft's Accessibility Insights ignores exactly
        // these nodes for this rule (a known false positive); so do we.
        nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))),
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${state}.png`) }); // what the window shows
  expect(violations, `axe violations in state "${state}"`).toEqual([]);
}
