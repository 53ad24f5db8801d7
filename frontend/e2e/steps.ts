// Steps the journeys share, written as a user does them.
import { expect, Page } from "@playwright/test";
import { QuickBooksService, SIM_PASSWORD, SIM_USER, Simulator, open } from "./harness";

export const field = {
  url: (p: Page) => p.getByRole("textbox", { name: /Service URL/ }),
  user: (p: Page) => p.getByRole("textbox", { name: /Service User/ }),
  password: (p: Page) => p.getByLabel(/Service Password/),
  item: (p: Page) => p.getByRole("combobox", { name: /Invoice Retainage Item/ }),
};

export const button = (p: Page, name: string) => p.getByRole("button", { name, exact: true });

// statusIs waits for the Status badge to say connected or not.
export async function statusIs(page: Page, connected: boolean) {
  const badge = page.getByRole("group", { name: "Status" }).getByText(/^(Connected|Not Connected)$/);
  await expect(badge).toHaveText(connected ? "Connected" : "Not Connected");
}

// failureShown is what a failed connection test says went wrong, read from
// the one place it stands: the failing line of the readiness checklist
// (the links of the chain come first, so it is the first line not ready).
export async function failureShown(page: Page) {
  const line = page
    .getByRole("list", { name: "Readiness of the integration" })
    .getByRole("listitem")
    .filter({ hasText: /^Not ready/ })
    .first();
  await expect(line).toBeVisible();
  return ((await line.textContent()) ?? "").replace(/^Not ready/, "");
}

export async function fillConnection(page: Page, url: string, password = SIM_PASSWORD) {
  await field.url(page).fill(url);
  await field.user(page).fill(SIM_USER);
  await field.password(page).fill(password);
}

// connectToQuickBooksService opens the window and connects it to the
// project's QuickBooks service at url, as its account's user: Connected.
export async function connectToQuickBooksService(page: Page, url: string) {
  await open(page);
  await fillConnection(page, url, QuickBooksService.password);
  await field.user(page).fill(QuickBooksService.user);
  await testConnection(page);
  await statusIs(page, true);
}

export async function testConnection(page: Page) {
  await button(page, "Test connection").click();
  await expect(page.getByText("Testing the connection…")).toHaveCount(0);
}

export async function refreshList(page: Page) {
  await button(page, "Refresh list").click();
  await expect(page.getByText(/^The list was refreshed from QuickBooks: [\d,]+ items?\.$/)).toBeVisible({ timeout: 30_000 });
}

export async function pickItem(page: Page, search: string, name: string) {
  await field.item(page).fill(search);
  await page
    .getByRole("option", { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await expect(field.item(page)).toHaveValue(name);
}

export async function update(page: Page) {
  await button(page, "Update").click();
}

// setUpAndSave takes a fresh app to saved, connected settings.
export async function setUpAndSave(page: Page, sim: Simulator) {
  await fillConnection(page, sim.url);
  await testConnection(page);
  await statusIs(page, true);
  await refreshList(page);
  await pickItem(page, "Retainage Pay", "Retainage Payable");
  await update(page);
  await expect(page.getByText(/^Settings saved at/)).toBeVisible();
}

// The production build writes every Griffel rule into one style sheet in
// index.html (frontend/vite/griffelStyleSheet.ts): a rule inserted at run
// time (Griffel marks its style elements with this attribute) would come
// after the sheet and win over rules it should lose to.
export async function noStylesInsertedAtRunTime(page: Page) {
  await expect(page.locator("style[data-make-styles-bucket]")).toHaveCount(0);
}
