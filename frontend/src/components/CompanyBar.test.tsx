import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Providers } from "../test/providers";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { desktop } from "../../wailsjs/go/models";
import * as api from "../test/backendMock";
import { CompanyBar } from "./CompanyBar";

const two = desktop.ProfilesResult.createFrom({
  profiles: [
    { id: "default", name: "My company" },
    { id: "company-1", name: "Summit Ridge Builders" },
  ],
  current: "default",
});

function renderBar(dirty = false) {
  const onChanged = vi.fn();
  const user = userEvent.setup();
  render(
    <Providers>
      <CompanyBar dirty={dirty} onChanged={onChanged} />
    </Providers>,
  );
  return { user, onChanged };
}

beforeEach(() => {
  vi.clearAllMocks();
  api.Profiles.mockResolvedValue(two);
});

it("shows the company being edited and switches to another", async () => {
  api.SwitchProfile.mockResolvedValue(desktop.LoadResult.createFrom({ state: {} }));
  const { user, onChanged } = renderBar();
  const picker = await screen.findByRole("combobox", { name: /Company/ });
  expect(picker).toHaveDisplayValue("My company");
  await user.selectOptions(picker, "Summit Ridge Builders");
  expect(api.SwitchProfile).toHaveBeenCalledWith("company-1");
  expect(onChanged).toHaveBeenCalled();
});

// stepTo does what the browser does on a key that steps through a closed
// list (an arrow, a letter): the key, then the list's value, at once.
function stepTo(picker: HTMLElement, key: string, value: string) {
  fireEvent.keyDown(picker, { key });
  fireEvent.change(picker, { target: { value } });
}

it("switches only once a company stepped to with the arrow keys is confirmed", async () => {
  api.SwitchProfile.mockResolvedValue(desktop.LoadResult.createFrom({ state: {} }));
  renderBar();
  const picker = await screen.findByRole("combobox", { name: /Company/ });
  stepTo(picker, "ArrowDown", "company-1");
  expect(picker).toHaveDisplayValue("Summit Ridge Builders");
  expect(api.SwitchProfile).not.toHaveBeenCalled();
  fireEvent.keyDown(picker, { key: "Escape" });
  expect(picker).toHaveDisplayValue("My company");
  stepTo(picker, "ArrowDown", "company-1");
  fireEvent.keyDown(picker, { key: "Enter" });
  expect(api.SwitchProfile).toHaveBeenCalledTimes(1);
  expect(api.SwitchProfile).toHaveBeenCalledWith("company-1");
});

it("switches only once a company typed to is confirmed, here by leaving the list", async () => {
  api.SwitchProfile.mockResolvedValue(desktop.LoadResult.createFrom({ state: {} }));
  renderBar();
  const picker = await screen.findByRole("combobox", { name: /Company/ });
  stepTo(picker, "s", "company-1");
  expect(api.SwitchProfile).not.toHaveBeenCalled();
  fireEvent.blur(picker);
  expect(api.SwitchProfile).toHaveBeenCalledWith("company-1");
});

it("does not switch away from unsaved changes", async () => {
  renderBar(true);
  expect(await screen.findByRole("combobox", { name: /Company/ })).toBeDisabled();
  expect(screen.getByText(/Update or undo your changes before switching/)).toBeInTheDocument();
});

it("adds a company, showing Go's objection first", async () => {
  api.AddProfile.mockResolvedValueOnce(
    desktop.ProfilesResult.createFrom({ ...two, error: 'There is already a company named "My company". Choose another name.' }),
  );
  api.AddProfile.mockResolvedValueOnce(desktop.ProfilesResult.createFrom({ ...two, current: "company-2" }));
  const { user, onChanged } = renderBar();
  await user.click(await screen.findByRole("button", { name: "Add company…" }));
  await user.type(screen.getByRole("textbox", { name: /Company name/ }), "my company{Enter}");
  expect(await screen.findByText(/already a company named/)).toBeInTheDocument();
  expect(onChanged).not.toHaveBeenCalled();
  await user.clear(screen.getByRole("textbox", { name: /Company name/ }));
  await user.type(screen.getByRole("textbox", { name: /Company name/ }), "Harbor Lane Construction");
  await user.click(screen.getByRole("button", { name: "Add" }));
  expect(api.AddProfile).toHaveBeenLastCalledWith("Harbor Lane Construction");
  await waitFor(() => expect(onChanged).toHaveBeenCalled());
});

it("removes a company only after saying what is lost", async () => {
  api.RemoveProfile.mockResolvedValue(desktop.ProfilesResult.createFrom({ profiles: [two.profiles[1]], current: "company-1" }));
  const { user, onChanged } = renderBar();
  await user.click(await screen.findByRole("button", { name: "Remove…" }));
  const dialog = screen.getByRole("alertdialog", { name: "Remove My company?" });
  expect(dialog).toHaveTextContent("change history, item list and saved password are deleted");
  await user.click(screen.getByRole("button", { name: "Remove company" }));
  expect(api.RemoveProfile).toHaveBeenCalledWith("default");
  expect(onChanged).toHaveBeenCalled();
});

it("says what happened when the companies cannot be listed, instead of an empty bar", async () => {
  api.Profiles.mockRejectedValue(new Error("bridge closed"));
  renderBar();
  expect(await screen.findByText(/could not reach its settings service \(bridge closed\)/)).toBeInTheDocument();
});
