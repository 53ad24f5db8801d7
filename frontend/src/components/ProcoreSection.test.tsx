import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appservice, desktop, settings } from "../../wailsjs/go/models";
import * as api from "../test/backendMock";
import { renderPage } from "../test/renderPage";
import { formState, savedState } from "../test/fixtures";

vi.mock("../../wailsjs/runtime/runtime", () => import("../test/runtimeMock"));

const connected = desktop.ProcoreState.createFrom({
  connected: true,
  kept: true,
  companyId: "4242",
  companyName: "Summit Construction",
  clientId: "svc-account",
  environment: "production",
  baseUrl: "",
  checkedAt: "Dec 7, 2026, 1:05 PM",
  problem: "",
});

const result = (state: Partial<desktop.ProcoreState> | null, more: Partial<desktop.ProcoreResult> = {}) =>
  desktop.ProcoreResult.createFrom({ state, fieldErrors: [], error: "", ...more });

beforeEach(() => {
  vi.clearAllMocks();
  api.Validate.mockResolvedValue([]);
  api.SetDirty.mockResolvedValue();
  api.ProcoreStatus.mockResolvedValue(result({ kept: false }));
  api.ValidateProcore.mockResolvedValue([]);
});

const section = () => screen.getByRole("region", { name: "Procore" });

describe("the Procore section", () => {
  it("waits for the connection to the QuickBooks service to be saved, which keeps the Procore connection", async () => {
    renderPage(formState());
    expect(within(section()).getByText(/Save the connection to the QuickBooks service first/)).toBeInTheDocument();
    expect(api.ProcoreStatus).not.toHaveBeenCalled();
  });

  it("connects with what was typed, Enter in a field included, and shows the company Procore named", async () => {
    api.ConnectProcore.mockResolvedValue(result(connected));
    const user = renderPage(savedState());
    const s = await waitFor(section);
    await user.type(await within(s).findByRole("textbox", { name: /Company ID/ }), "4242");
    await user.type(within(s).getByRole("textbox", { name: /Client ID/ }), "svc-account");
    await user.type(within(s).getByLabelText(/Client Secret/), "0f1e2d3c{Enter}");

    await waitFor(() =>
      expect(api.ConnectProcore).toHaveBeenCalledWith(
        appservice.ProcoreInput.createFrom({
          companyId: "4242",
          clientId: "svc-account",
          clientSecret: "0f1e2d3c",
          environment: "production",
          baseUrl: "",
        }),
      ),
    );
    // Enter connected: it did not save the settings.
    expect(api.Save).not.toHaveBeenCalled();
    expect(await within(s).findByText("Summit Construction (ID 4242)")).toBeInTheDocument();
    expect(within(s).getByText("Signed in at Dec 7, 2026, 1:05 PM.")).toBeInTheDocument();
    expect(within(s).getByRole("status")).toHaveTextContent("Connected to Procore.");
    // The secret is gone from the page once sent.
    expect(within(s).queryByLabelText(/Client Secret/)).not.toBeInTheDocument();
  });

  it("shows Go's refusals beside their fields and moves focus to the first", async () => {
    api.ValidateProcore.mockResolvedValue([
      { field: "companyId" as settings.Field, code: "invalid", message: "The Company ID is a whole number, such as 4242." },
      { field: "baseUrl" as settings.Field, code: "invalid", message: "The address must start with https://." },
    ]);
    const user = renderPage(savedState());
    const s = await waitFor(section);
    await user.type(await within(s).findByRole("textbox", { name: /Company ID/ }), "42a");
    await user.selectOptions(within(s).getByRole("combobox", { name: "Environment" }), "custom");
    await user.click(within(s).getByRole("button", { name: "Connect to Procore" }));

    const company = within(s).getByRole("textbox", { name: /Company ID/ });
    expect(await within(s).findByText("The Company ID is a whole number, such as 4242.")).toBeInTheDocument();
    expect(company).toHaveAttribute("aria-invalid", "true");
    expect(company).toHaveFocus();
    expect(within(s).getByText("The address must start with https://.")).toBeInTheDocument();
    expect(api.ConnectProcore).not.toHaveBeenCalled();
  });

  it("tests, says what to do when Procore refuses, and disconnects only once confirmed", async () => {
    api.ProcoreStatus.mockResolvedValue(result(connected));
    api.TestProcore.mockResolvedValue(
      result({ ...connected, connected: false, problem: "Procore did not accept the Client ID and Client Secret. Copy them again." }),
    );
    api.DisconnectProcore.mockResolvedValue(result({ kept: false }));
    const user = renderPage(savedState());
    const s = await waitFor(section);
    await user.click(await within(s).findByRole("button", { name: "Test Procore connection" }));
    expect(await within(s).findByText("Procore did not accept the Client ID and Client Secret. Copy them again.")).toBeInTheDocument();
    expect(within(s).getByText("Not signed in at Dec 7, 2026, 1:05 PM.")).toBeInTheDocument();

    await user.click(within(s).getByRole("button", { name: "Disconnect" }));
    expect(api.DisconnectProcore).not.toHaveBeenCalled();
    const confirm = within(s)
      .getByText(/Disconnect the QuickBooks service from Procore\?/)
      .closest("[class]")!.parentElement!;
    await user.click(within(confirm).getByRole("button", { name: "Disconnect" }));
    expect(api.DisconnectProcore).toHaveBeenCalledTimes(1);
    expect(await within(s).findByRole("textbox", { name: /Company ID/ })).toBeInTheDocument();
    expect(within(s).getByRole("status")).toHaveTextContent("no longer connected to Procore");
  });

  it("edits the credentials of the account kept, the secret left empty to keep the service's", async () => {
    api.ProcoreStatus.mockResolvedValue(result(connected));
    api.ConnectProcore.mockResolvedValue(result(connected));
    const user = renderPage(savedState());
    const s = await waitFor(section);
    await user.click(await within(s).findByRole("button", { name: "Edit Credentials" }));
    expect(within(s).getByRole("textbox", { name: /Company ID/ })).toHaveValue("4242");
    expect(within(s).getByText(/Leave it empty to keep the Client Secret/)).toBeInTheDocument();
    await user.click(within(s).getByRole("button", { name: "Connect to Procore" }));
    await waitFor(() => expect(api.ConnectProcore).toHaveBeenCalledWith(expect.objectContaining({ companyId: "4242", clientSecret: "" })));
  });

  it("says so, quietly, when the service keeps no Procore connection", async () => {
    api.ProcoreStatus.mockResolvedValue(result({ unsupported: "This QuickBooks service cannot keep a Procore connection. Update it." }));
    renderPage(savedState());
    expect(await within(section()).findByText("This QuickBooks service cannot keep a Procore connection. Update it.")).toBeInTheDocument();
    expect(within(section()).queryByRole("button")).not.toBeInTheDocument();
  });

  it("says why when the service cannot be reached", async () => {
    api.ProcoreStatus.mockResolvedValue(result(null, { error: "Nothing is accepting connections at qbserver:8443." }));
    renderPage(savedState());
    expect(await within(section()).findByText("Nothing is accepting connections at qbserver:8443.")).toBeInTheDocument();
  });
});
