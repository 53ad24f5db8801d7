import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { desktop } from "../../wailsjs/go/models";
import * as api from "../test/backendMock";
import { renderPage } from "../test/renderPage";
import { formState, savedState } from "../test/fixtures";

vi.mock("../../wailsjs/runtime/runtime", () => import("../test/runtimeMock"));

beforeEach(() => {
  vi.clearAllMocks();
  api.Validate.mockResolvedValue([]);
  api.SetDirty.mockResolvedValue();
});

describe("the Procore activity", () => {
  it("is offered once the service that keeps it is saved", async () => {
    renderPage(formState());
    expect(screen.queryByRole("tab", { name: "Procore activity" })).not.toBeInTheDocument();
  });

  it("lists Procore's requests in Go's words, newest first, and reads them again on Refresh", async () => {
    api.Activity.mockResolvedValue(
      desktop.ActivityResult.createFrom({
        lines: [
          {
            id: 1002,
            action: "Refresh the vendors list from QuickBooks",
            said: "Not done in full: Procore refused some records (1), listed below.",
            seenAt: "Dec 7, 2026, 2:40 PM",
            outcome: "failed",
            details: ["3 read from QuickBooks", "Apex Concrete Supply: state_code: is invalid"],
          },
          { id: 1001, action: "Add a vendor to QuickBooks", said: "Under way.", seenAt: "Dec 7, 2026, 2:39 PM", outcome: "", details: [] },
        ],
        error: "",
      }),
    );
    const user = renderPage(savedState());
    await user.click(await screen.findByRole("tab", { name: "Procore activity" }));
    const list = await screen.findByRole("list", { name: "Procore's requests, newest first" });
    const items = Array.from(list.querySelectorAll<HTMLElement>(":scope > li"));
    expect(items.map((i) => within(i).getByRole("heading").textContent)).toEqual([
      "Refresh the vendors list from QuickBooks",
      "Add a vendor to QuickBooks",
    ]);
    expect(within(items[0]).getByText("Not done")).toBeInTheDocument();
    expect(within(items[0]).getByText("Received Dec 7, 2026, 2:40 PM")).toBeInTheDocument();
    // What the work did, a line each.
    expect(
      within(items[0])
        .getAllByRole("listitem")
        .map((i) => i.textContent),
    ).toEqual(["3 read from QuickBooks", "Apex Concrete Supply: state_code: is invalid"]);
    expect(within(items[1]).queryAllByRole("listitem")).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    expect(api.Activity).toHaveBeenCalledTimes(2);
  });

  it("says when nothing has come, and why it cannot be read", async () => {
    api.Activity.mockResolvedValue(desktop.ActivityResult.createFrom({ lines: [], error: "" }));
    const user = renderPage(savedState());
    await user.click(await screen.findByRole("tab", { name: "Procore activity" }));
    expect(await screen.findByText(/No request from Procore has reached the QuickBooks service yet/)).toBeInTheDocument();
    api.Activity.mockResolvedValue(
      desktop.ActivityResult.createFrom({ lines: [], error: "This QuickBooks service cannot keep a Procore connection." }),
    );
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    expect(await screen.findByText("This QuickBooks service cannot keep a Procore connection.")).toBeInTheDocument();
  });
});
