import { render, screen } from "@testing-library/react";
import { Providers } from "../test/providers";
import userEvent from "@testing-library/user-event";
import { act } from "react";
import { expect, it, vi } from "vitest";
import { desktop } from "../../wailsjs/go/models";
import * as api from "../test/backendMock";
import { emit } from "../test/runtimeMock";
import { CloseGuard } from "./CloseGuard";

vi.mock("../../wailsjs/runtime/runtime", () => import("../test/runtimeMock"));

it("asks before closing with unsaved changes and closes only when the user says so", async () => {
  const user = userEvent.setup();
  render(
    <Providers>
      <CloseGuard />
    </Providers>,
  );
  expect(screen.queryByRole("alertdialog")).toBeNull();

  act(() => emit(desktop.Event.CloseRequested));
  expect(await screen.findByRole("alertdialog", { name: "Close without saving?" })).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Keep editing" }));
  expect(api.ConfirmClose).not.toHaveBeenCalled();

  act(() => emit(desktop.Event.CloseRequested));
  await user.click(await screen.findByRole("button", { name: "Close without saving" }));
  expect(api.ConfirmClose).toHaveBeenCalledOnce();
});
