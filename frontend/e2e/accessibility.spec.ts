// The form by keyboard alone, in the dark theme, at 200% zoom and at the
// window's minimum size; axe passes in each.
import { Page } from "@playwright/test";
import { checkA11y } from "./a11y";
import { expect, open, test } from "./harness";
import { button, field, update } from "./steps";

// focusedName says what has keyboard focus: our field id, or its label or text.
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return "";
    if (/^field-(serviceUrl|serviceUser|password|retainageItem)$/.test(el.id)) return el.id;
    return (el.labels?.[0]?.textContent || el.textContent || el.id || "").trim();
  });

async function walk(page: Page, key: string, steps: number) {
  const names: string[] = [];
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press(key);
    names.push(await focusedName(page));
  }
  return names;
}

const matches = (names: string[], expected: string[]) =>
  names.slice(0, expected.length).map((name, i) => (name.startsWith(expected[i]) ? expected[i] : name));

test("the whole form is reachable by keyboard in reading order, with visible focus", async ({ page }) => {
  await open(page);
  // On first run the cursor starts in Service URL. The service beside the
  // app is offered once Go said it is there: the walk waits for it.
  await expect(field.url(page)).toBeFocused();
  await expect(button(page, "Use the QuickBooks service on this computer")).toBeVisible();
  const forward = [
    "Use the QuickBooks service on this computer", // the service beside the app, instead of a URL
    "field-serviceUser",
    "field-password",
    "Test connection",
    "Use Procore Contract #",
    "Automatically Add New Cost Codes to Budgets",
    "Read Only, Populate From QuickBooks", // the checked radio of each group
    "Automatically Update Vendors when Refreshing",
    "field-retainageItem",
    "Refresh list",
    "Update",
    "Language", // at the page's foot, out of the settings' way
  ];
  const names = await walk(page, "Tab", forward.length + 1);
  expect(matches(names, forward)).toEqual(forward);
  expect(names[forward.length], "focus leaves the page after Language").toBe("");

  await field.url(page).focus();
  const backward = [
    "Settings", // the tab list: one stop, arrows move between its tabs
    "Rename…", // Remove… is off while there is only one company
    "Add company…",
    "Company",
    "Import…",
    "Export…",
  ];
  expect(matches(await walk(page, "Shift+Tab", backward.length), backward)).toEqual(backward);

  // Focus is drawn: the focused button has an outline or a box shadow ring.
  await button(page, "Update").focus();
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!, "::after");
    const own = getComputedStyle(document.activeElement!);
    return [s.borderTopWidth, s.outlineStyle, own.outlineStyle, own.boxShadow].join(" ");
  });
  expect(ring).not.toBe("0px none none none");
});

// Fluent's web themes: the page's background (colorNeutralBackground2) and
// its text (colorNeutralForeground1), written out here rather than taken
// from the app's own theme code.
const THEMES = {
  light: { background: "rgb(250, 250, 250)", text: "rgb(36, 36, 36)" },
  dark: { background: "rgb(31, 31, 31)", text: "rgb(255, 255, 255)" },
};

const colours = (page: Page) =>
  page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector("h1")!).color,
  }));

test("the theme follows the system's light or dark setting, also while open", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page);
  expect(await colours(page)).toEqual(THEMES.light);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => colours(page)).toEqual(THEMES.dark);
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => colours(page)).toEqual(THEMES.light);
});

test("the dark theme follows the system and passes contrast checks", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await open(page);
  expect(await colours(page)).toEqual(THEMES.dark);
  await checkA11y(page, "dark-first-run");
  await update(page);
  await expect(page.getByText("4 settings need your attention")).toBeVisible();
  await checkA11y(page, "dark-update-refused");
});

for (const [name, size] of [
  ["200% zoom", { width: 450, height: 430 }],
  ["minimum window size", { width: 520, height: 480 }],
] as const) {
  test(`at ${name} nothing is clipped or needs sideways scrolling`, async ({ page }) => {
    await page.setViewportSize(size);
    await open(page);
    await update(page);
    await expect(page.getByText("4 settings need your attention")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "sideways scrolling").toBeLessThanOrEqual(0);
    for (const control of [field.url(page), field.item(page), button(page, "Test connection"), button(page, "Refresh list")]) {
      await control.scrollIntoViewIfNeeded();
      const box = (await control.boundingBox())!;
      expect(box.x, "left edge").toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, "right edge").toBeLessThanOrEqual(size.width);
    }
    await expect(button(page, "Update")).toBeInViewport();
    await checkA11y(page, `small-${size.width}x${size.height}`);
  });
}
