import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { desktop, settings } from "../../wailsjs/go/models";
import * as api from "../test/backendMock";
import { emit } from "../test/runtimeMock";
import { renderPage } from "../test/renderPage";
import { formState, indexOver, savedState } from "../test/fixtures";

vi.mock("../../wailsjs/runtime/runtime", () => import("../test/runtimeMock"));

// deferred lets a test decide when a Go call answers.
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const connected = desktop.ConnectionStatus.createFrom({
  connected: true,
  checkedAt: "Nov 24, 2026, 3:00 PM",
  detail: "Company file C:\\Summit Ridge Builders.qbw in QuickBooks Desktop Premier Contractor 2024.",
});

beforeEach(() => {
  vi.clearAllMocks();
  api.ItemIndex.mockReset(); // the fixtures' two items again
  api.Validate.mockResolvedValue([]);
  api.SetDirty.mockResolvedValue();
});

describe("Test connection", () => {
  it("lists every link of the chain, and asks before using another company file", async () => {
    const checks = (companyFile: string, rest: string) => [
      { id: "service", label: "QuickBooks service", status: "pass", message: "The QuickBooks service answers." },
      { id: "signIn", label: "Sign-in", status: "pass", message: "The service accepts the Service User and Service Password." },
      {
        id: "quickbooks",
        label: "QuickBooks",
        status: "pass",
        message: "QuickBooks Desktop Premier Contractor 2024 is running and ready.",
      },
      companyFile === "fail"
        ? {
            id: "companyFile",
            label: "Company file",
            status: "fail",
            kind: "wrongCompanyFile",
            remedy: "rebindCompanyFile",
            message: "The service has Other Co.qbw open, but these settings belong to Summit Ridge Builders.qbw.",
          }
        : { id: "companyFile", label: "Company file", status: "pass", message: "The company file Other Co is open." },
      {
        id: "fileMode",
        label: "File mode",
        status: rest,
        message: rest === "skipped" ? "Not checked: fix the line above first." : "Multi-user mode.",
      },
      {
        id: "retainageItem",
        label: "Invoice Retainage Item",
        status: "pass",
        message: 'The Invoice Retainage Item "Retainage Payable" is an active Service item.',
      },
    ];
    api.TestConnection.mockResolvedValue(
      desktop.ConnectionTestResult.createFrom({
        status: { connected: false, checkedAt: "Nov 24, 2026, 3:00 PM", detail: "The service has Other Co.qbw open." },
        kind: "wrongCompanyFile",
        openCompanyFile: "Other Co.qbw",
        checks: checks("fail", "skipped"),
      }),
    );
    api.RebindCompanyFile.mockResolvedValue(
      desktop.ConnectionTestResult.createFrom({ status: connected, openCompanyFile: "Other Co.qbw", checks: checks("pass", "pass") }),
    );
    const user = renderPage(savedState());
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    const list = await screen.findByRole("list", { name: "Readiness of the integration" });
    expect(list).toHaveTextContent("Not readyCompany file: The service has Other Co.qbw open");
    expect(list).toHaveTextContent("Not checkedFile mode: Not checked: fix the line above first.");

    await user.click(screen.getByRole("button", { name: "Use Other Co.qbw for these settings…" }));
    const dialog = await screen.findByRole("region", { name: "Use Other Co.qbw for these settings?" });
    expect(api.RebindCompanyFile).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole("button", { name: "Use Other Co.qbw" }));
    expect(api.RebindCompanyFile).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("Connected")).toBeInTheDocument();
    expect(await screen.findByRole("list", { name: "Readiness of the integration" })).toHaveTextContent(
      "ReadyCompany file: The company file Other Co is open.",
    );
  });

  it("drops the checklist once the values it tested change", async () => {
    api.TestConnection.mockResolvedValue(
      desktop.ConnectionTestResult.createFrom({
        status: connected,
        checks: [{ id: "service", label: "QuickBooks service", status: "pass", message: "The QuickBooks service answers." }],
      }),
    );
    const user = renderPage(savedState());
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    expect(await screen.findByRole("list", { name: "Readiness of the integration" })).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: /Service User/ }), "x");
    expect(screen.queryByRole("list", { name: "Readiness of the integration" })).not.toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: /Service User/ }), "{Backspace}");
    expect(screen.getByRole("list", { name: "Readiness of the integration" })).toBeInTheDocument();
  });

  it("shows progress, can be canceled, then shows Connected with the company file", async () => {
    const answer = deferred<desktop.ConnectionTestResult>();
    api.TestConnection.mockReturnValue(answer.promise);
    const user = renderPage(savedState());
    expect(screen.getByText("Not Connected")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Test connection" }));
    expect(screen.getByText("Testing the connection…")).toBeInTheDocument();
    expect(api.TestConnection.mock.calls[0][0].changePassword).toBe(false);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(api.CancelConnectionTest).toHaveBeenCalled();

    await act(async () => answer.resolve(desktop.ConnectionTestResult.createFrom({ status: connected })));
    expect(screen.getByText("Connected")).toBeInTheDocument();
    expect(screen.getByText(/Summit Ridge Builders\.qbw/)).toBeInTheDocument();
  });

  it("shows the reason when the service refuses", async () => {
    api.TestConnection.mockResolvedValue(
      desktop.ConnectionTestResult.createFrom({
        status: {
          connected: false,
          checkedAt: "Nov 24, 2026, 3:00 PM",
          detail: "The QuickBooks service did not accept the Service User and Service Password.",
        },
        kind: "unauthorized",
      }),
    );
    const user = renderPage(savedState());
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    expect(await screen.findByText(/did not accept the Service User/)).toBeInTheDocument();
    expect(screen.getByText("Not Connected")).toBeInTheDocument();
  });

  it("puts Go's field errors on the connection fields", async () => {
    api.TestConnection.mockResolvedValue(
      desktop.ConnectionTestResult.createFrom({
        fieldErrors: [{ field: settings.Field.ServiceUrl, message: "Enter the address of the QuickBooks service." }],
      }),
    );
    const user = renderPage(formState());
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    const url = screen.getByLabelText(/Service URL/);
    await waitFor(() => expect(url).toHaveFocus());
    expect(url).toHaveAccessibleDescription(expect.stringContaining("Enter the address of the QuickBooks service."));
  });

  it("offers to trust a self-signed certificate, then tests again", async () => {
    const fp = "0B:7E:83:83:5D:FD:BF:92:7C:2B:42:3D:2D:37:41:E8:67:4A:67:9C:2F:C2:6E:97:79:3C:C0:3C:1A:A8:99:C1";
    api.TestConnection.mockResolvedValueOnce(
      desktop.ConnectionTestResult.createFrom({
        status: { connected: false, checkedAt: "Nov 24, 2026, 3:00 PM", detail: "This computer does not trust the security certificate." },
        kind: "certificateNotTrusted",
        certificate: {
          fingerprint: fp,
          subject: "CN=QuickBooks service simulator",
          issuer: "CN=QuickBooks service simulator",
          notAfter: "Nov 24, 2027, 12:00 AM",
          selfSigned: true,
        },
      }),
    );
    api.TestConnection.mockResolvedValueOnce(desktop.ConnectionTestResult.createFrom({ status: connected }));
    const trusted = {
      origin: "https://127.0.0.1:8766",
      fingerprint: fp,
      subject: "CN=QuickBooks service simulator",
      trustedAt: "Nov 24, 2026, 3:01 PM",
    };
    api.TrustCertificate.mockResolvedValue(desktop.TrustResult.createFrom({ trusted: [trusted] }));
    api.RemoveTrustedCertificate.mockResolvedValue(desktop.TrustResult.createFrom({ trusted: [] }));

    const user = renderPage(savedState({ serviceUrl: "https://127.0.0.1:8766" }));
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    expect(await screen.findByText(fp)).toBeInTheDocument();
    expect(screen.getByText(/self-signed certificate/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Trust this certificate" }));
    expect(api.TrustCertificate).toHaveBeenCalledWith("https://127.0.0.1:8766", fp, "CN=QuickBooks service simulator");
    expect(await screen.findByText("Connected")).toBeInTheDocument();
    expect(screen.getByText(/Trusted certificate for https:\/\/127\.0\.0\.1:8766/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Stop trusting the certificate for https://127.0.0.1:8766" }));
    await waitFor(() => expect(screen.queryByText(/Trusted certificate for/)).toBeNull());
  });
});

// refreshedList is what Go says of a list read anew, of count items.
const refreshedList = (count: number) =>
  desktop.ItemListInfo.createFrom({ count, version: 2, refreshedAt: "Nov 24, 2026, 4:00 PM", hasRetainage: true });

describe("Refresh list", () => {
  it("follows the refresh, replaces the items and warns when the chosen one is gone", async () => {
    const answer = deferred<desktop.RefreshResult>();
    api.RefreshItems.mockReturnValue(answer.promise);
    api.Validate.mockResolvedValue([
      {
        field: settings.Field.RetainageItem,
        message: 'The item "Retainage Payable" is no longer in the QuickBooks item list. Choose another item.',
      },
    ]);
    const user = renderPage(savedState());

    await user.click(screen.getByRole("button", { name: "Refresh list" }));
    act(() => emit(desktop.Event.ItemsRefreshProgress, "running"));
    expect(screen.getByText("QuickBooks is reading its item list…")).toBeInTheDocument();

    const fresh = [desktop.ItemOption.createFrom({ listId: "X-2", fullName: "Retainage Payable 2026", type: "Service", isActive: true })];
    api.ItemIndex.mockResolvedValue(indexOver(fresh, 2));
    await act(async () => answer.resolve(desktop.RefreshResult.createFrom({ itemList: refreshedList(1) })));
    expect(screen.getByText("The list was refreshed from QuickBooks: 1 item.")).toBeInTheDocument();
    expect(await screen.findByText(/is no longer in the QuickBooks item list/)).toBeInTheDocument();

    await user.click(screen.getByRole("combobox", { name: /Invoice Retainage Item/ }));
    expect(within(screen.getByRole("listbox")).getAllByRole("option")).toHaveLength(1);
  });

  it("asks Go for the list only once the picker is wanted, and again after a refresh", async () => {
    const user = renderPage(savedState());
    await screen.findByRole("combobox", { name: /Invoice Retainage Item/ });
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(api.ItemIndex).not.toHaveBeenCalled();

    await user.tab(); // focus moves on, without reaching the picker
    expect(api.ItemIndex).not.toHaveBeenCalled();
    await user.click(screen.getByRole("combobox", { name: /Invoice Retainage Item/ }));
    await waitFor(() => expect(api.ItemIndex).toHaveBeenCalledTimes(1));
    expect(within(screen.getByRole("listbox")).getAllByRole("option")).toHaveLength(2);

    const fresh = [desktop.ItemOption.createFrom({ listId: "X-2", fullName: "Retainage Payable 2026", type: "Service", isActive: true })];
    api.ItemIndex.mockResolvedValue(indexOver(fresh, 2));
    api.RefreshItems.mockResolvedValue(desktop.RefreshResult.createFrom({ itemList: refreshedList(1) }));
    await user.click(screen.getByRole("button", { name: "Refresh list" }));
    await waitFor(() => expect(api.ItemIndex).toHaveBeenCalledTimes(2));
  });

  it("keeps the good items when the service sent some QuickBooks could not have, and says how many were left out", async () => {
    const fresh = [desktop.ItemOption.createFrom({ listId: "X-2", fullName: "Retainage Payable 2026", type: "Service", isActive: true })];
    api.ItemIndex.mockResolvedValue(indexOver(fresh, 2));
    api.RefreshItems.mockResolvedValue(desktop.RefreshResult.createFrom({ itemList: refreshedList(1), leftOut: 2 }));
    const user = renderPage(savedState());
    await user.click(screen.getByRole("button", { name: "Refresh list" }));
    expect(
      await screen.findByText(/1 item\. 2 items the QuickBooks service sent are not ones QuickBooks could have .* they were left out/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("combobox", { name: /Invoice Retainage Item/ }));
    expect(within(screen.getByRole("listbox")).getAllByRole("option")).toHaveLength(1);
  });

  it("keeps the list and says why when the refresh fails", async () => {
    api.RefreshItems.mockResolvedValue(
      desktop.RefreshResult.createFrom({ error: "QuickBooks is showing a dialog box. The stored list was not changed." }),
    );
    const user = renderPage(savedState());
    await user.click(screen.getByRole("button", { name: "Refresh list" }));
    expect(await screen.findByText(/The stored list was not changed/)).toBeInTheDocument();
    await user.click(screen.getByRole("combobox", { name: /Invoice Retainage Item/ }));
    expect(within(screen.getByRole("listbox")).getAllByRole("option")).toHaveLength(2);
  });
});

// The service slowed sign-ins down: the wait is shown and counted down,
// heard once by a screen reader, and gone when it is over (Go tries again
// by itself).
describe("a sign-in slowed down by the service", () => {
  it("shows the wait, counts it down and clears it", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderPage(savedState());
      act(() => emit(desktop.Event.SignInSlowedDown, 3));
      expect(screen.getAllByText(/slowing sign-ins down after wrong passwords\. Trying again in 3 seconds\./)).toHaveLength(2);
      for (const _ of [1, 2]) await act(async () => vi.advanceTimersByTime(1000));
      expect(screen.getByText(/Trying again in 1 second\./)).toBeInTheDocument();
      expect(screen.getByText(/Trying again in 3 seconds\./).closest("[role=status]")).not.toBeNull();
      await act(async () => vi.advanceTimersByTime(1000));
      expect(screen.queryByText(/slowing sign-ins down/)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

// A call that fails outright (the bridge to Go broke) is shown where the
// piece shows its failures, as Go's own refusal would be, and the piece
// stays usable.
describe("a call into Go that fails outright", () => {
  it("is shown beside Refresh list, and the list is kept", async () => {
    api.RefreshItems.mockRejectedValueOnce(new Error("bridge closed"));
    const user = renderPage(savedState());
    await user.click(screen.getByRole("button", { name: "Refresh list" }));
    expect(await screen.findByText(/could not reach its settings service \(bridge closed\)/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refresh list" })).not.toHaveAttribute("aria-disabled", "true");
    await user.click(screen.getByRole("combobox", { name: /Invoice Retainage Item/ }));
    expect(within(screen.getByRole("listbox")).getAllByRole("option")).toHaveLength(2);
  });

  it("is shown under Test connection, and the status is not changed", async () => {
    api.TestConnection.mockRejectedValueOnce(new Error("bridge closed"));
    const user = renderPage(savedState());
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    expect(await screen.findByText(/could not reach its settings service \(bridge closed\)/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Test connection" })).not.toHaveAttribute("aria-disabled", "true");
  });
});

describe("Create a Service Item in QuickBooks", () => {
  // A list of one cost code: no retainage item yet.
  const withoutRetainage = { count: 1, version: 1, refreshedAt: "Nov 24, 2026, 3:00 PM", hasRetainage: false };
  const canCreate = { connected: true, checkedAt: "Nov 24, 2026, 3:00 PM", detail: "Connected.", canCreateItems: true };

  it("is not offered by a service that has not said it can create items", () => {
    renderPage(savedState({ retainageItem: { listId: "", fullName: "" } }));
    expect(screen.queryByRole("button", { name: "Create a Service Item in QuickBooks…" })).toBeNull();
  });

  it("creates the retainage item through the service, refreshes the list and chooses it", async () => {
    const created = { listId: "80001001-1600000001", fullName: "Retainage Payable", type: "Service", isActive: true };
    api.CreateRetainageItem.mockResolvedValue(desktop.CreateItemResult.createFrom({ item: created, itemList: refreshedList(2) }));
    const state = savedState({ retainageItem: { listId: "", fullName: "" } });
    const user = renderPage(desktop.FormState.createFrom({ ...state, status: canCreate, itemList: withoutRetainage }));
    await user.click(screen.getByRole("button", { name: "Create a Service Item in QuickBooks…" }));
    const name = screen.getByRole("textbox", { name: /Name of the new item/ });
    expect(name).toHaveValue("Retainage Payable");
    await user.click(screen.getByRole("button", { name: "Create in QuickBooks" }));
    expect(api.CreateRetainageItem).toHaveBeenCalledWith(expect.anything(), "Retainage Payable");
    expect(await screen.findByText(/Created "Retainage Payable" in QuickBooks and chose it/)).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: /Invoice Retainage Item/ })).toHaveValue("Retainage Payable");
  });

  it("suggests the item's name in the locale's words: Retention in Britain and Australia", async () => {
    for (const [locale, suggested] of [
      ["en-GB", "Retention"],
      ["en-AU", "Retention"],
      ["en-CA", "Retainage Payable"],
    ]) {
      const state = savedState({ retainageItem: { listId: "", fullName: "" } });
      const user = renderPage(desktop.FormState.createFrom({ ...state, status: canCreate, itemList: withoutRetainage }), locale);
      await user.click(screen.getByRole("button", { name: "Create a Service Item in QuickBooks…" }));
      expect(screen.getByRole("textbox", { name: /Name of the new item/ })).toHaveValue(suggested);
      cleanup();
    }
  });
});
