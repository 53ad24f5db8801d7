import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { desktop, settings } from "../../wailsjs/go/models";
import * as api from "../test/backendMock";
import { renderPage } from "../test/renderPage";
import { formState, savedState } from "../test/fixtures";

vi.mock("../../wailsjs/runtime/runtime", () => import("../test/runtimeMock"));

const OFFER = "Use the QuickBooks service on this computer";
const QWC = "C:\\Users\\pat\\AppData\\Roaming\\QuickBooks Integration Settings\\QuickBooks Integration Settings - default.qwc";

beforeEach(() => {
  vi.clearAllMocks();
  api.Validate.mockResolvedValue([]);
  api.SetDirty.mockResolvedValue();
  api.Offer.mockResolvedValue(desktop.LocalOffer.createFrom({ available: true }));
});

describe("Use the QuickBooks service on this computer", () => {
  it("is offered only with the service beside the app and no Service URL yet", async () => {
    renderPage(formState());
    expect(await screen.findByRole("button", { name: OFFER })).toBeInTheDocument();
    api.Offer.mockResolvedValue(desktop.LocalOffer.createFrom({ available: false }));
    renderPage(formState());
    await waitFor(() => expect(screen.getAllByRole("button", { name: OFFER })).toHaveLength(1));
  });

  it("is not offered once a Service URL is there", async () => {
    renderPage(savedState());
    await waitFor(() => expect(api.Offer).toHaveBeenCalled());
    expect(screen.queryByRole("button", { name: OFFER })).not.toBeInTheDocument();
  });

  it("fills in the service, lists the steps left, copies the password unseen, and moves on when the Web Connector calls", async () => {
    api.SetUp.mockResolvedValue(
      desktop.LocalSetupResult.createFrom({ serviceUrl: "http://localhost:8780", serviceUser: "procore-sync", qwcPath: QWC, opened: true }),
    );
    api.CopyPassword.mockResolvedValue("");
    api.WebConnector.mockResolvedValue(desktop.WebConnectorState.createFrom({ called: false }));
    const user = renderPage(formState());
    await user.click(await screen.findByRole("button", { name: OFFER }));

    expect(screen.getByRole("textbox", { name: /Service URL/ })).toHaveValue("http://localhost:8780");
    expect(screen.getByRole("textbox", { name: /Service User/ })).toHaveValue("procore-sync");
    expect(screen.getByText("A password is stored in this computer's keychain.")).toBeInTheDocument();
    const panel = screen.getByRole("region", { name: "Connect the QuickBooks Web Connector" });
    const steps = within(panel).getAllByRole("listitem");
    expect(steps.map((s) => s.textContent)).toEqual([
      "Open QuickBooks on this company's file, signed in as the QuickBooks Admin.",
      `The Web Connector was given the file below: click OK when it asks to add the application. ${QWC}`,
      'When QuickBooks asks, choose "Yes, always; allow access even if QuickBooks is not running", then Continue.',
      "In the Web Connector, paste the password in the Password column, then tick Auto-Run.Copy password",
    ]);
    expect(within(panel).getByText("Waiting for the Web Connector's first call…")).toBeInTheDocument();

    await user.click(within(panel).getByRole("button", { name: "Copy password" }));
    expect(api.CopyPassword).toHaveBeenCalledTimes(1);
    expect(await within(panel).findByText(/The password is on the clipboard/)).toBeInTheDocument();

    api.WebConnector.mockResolvedValue(
      desktop.WebConnectorState.createFrom({
        called: true,
        lastCall: "Dec 6, 2026, 9:40 PM",
        companyFile: "C:\\Company Files\\Summit Ridge Builders.qbw",
      }),
    );
    expect(
      await within(panel).findByText(
        /^The Web Connector called at .*Company file: C:\\Company Files\\Summit Ridge Builders\.qbw\./,
        {},
        { timeout: 8000 },
      ),
    ).toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: "Refresh list" })).toBeInTheDocument();
  }, 15_000);

  it("follows the revision that recorded the new password when the settings could not be saved with it", async () => {
    api.SetUp.mockResolvedValue(
      desktop.LocalSetupResult.createFrom({
        serviceUrl: "http://localhost:8780",
        serviceUser: "procore-sync",
        qwcPath: QWC,
        saved: false,
        state: formState({ revision: 4 }),
      }),
    );
    api.WebConnector.mockResolvedValue(desktop.WebConnectorState.createFrom({ called: false }));
    api.Save.mockResolvedValue(
      desktop.SaveResult.createFrom({ fieldErrors: [{ field: settings.Field.RetainageItem, message: "Choose an item." }] }),
    );
    const user = renderPage(formState({ revision: 3 }));
    await user.click(await screen.findByRole("button", { name: OFFER }));
    expect(screen.getByRole("textbox", { name: /Service URL/ })).toHaveValue("http://localhost:8780");
    await user.click(screen.getByRole("button", { name: "Update" }));
    expect(api.Save).toHaveBeenCalledWith(4, expect.objectContaining({ changePassword: false }));
  });

  it("says why when the service cannot be set up, and changes nothing", async () => {
    api.SetUp.mockResolvedValue(desktop.LocalSetupResult.createFrom({ error: "The QuickBooks service on this computer did not start." }));
    const user = renderPage(formState());
    await user.click(await screen.findByRole("button", { name: OFFER }));
    expect(await screen.findByText("The QuickBooks service on this computer did not start.")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Service URL/ })).toHaveValue("");
  });
});
