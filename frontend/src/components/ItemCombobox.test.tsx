import { render, screen } from "@testing-library/react";
import { Providers } from "../test/providers";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { expect, it } from "vitest";
import { desktop } from "../../wailsjs/go/models";
import { ItemCombobox } from "./ItemCombobox";
import { indexOver } from "../test/fixtures";
import { pickerList } from "../form/pickerList";

function item(listId: string, fullName: string, type = "Service", isActive = true) {
  return desktop.ItemOption.createFrom({ listId, fullName, type, isActive });
}

function Harness({ items }: { items: desktop.ItemOption[] }) {
  const [sel, setSel] = useState<desktop.ItemOption | null>(null);
  const [list] = useState(() => pickerList(indexOver(items)));
  return (
    <Providers>
      <label htmlFor="c">Invoice Retainage Item</label>
      <ItemCombobox id="c" list={list} selectedListId={sel?.listId ?? ""} selectedName={sel?.fullName ?? ""} onSelect={setSel} />
      <output data-testid="chosen">{sel?.listId ?? ""}</output>
    </Providers>
  );
}

const sample = [
  item("3", "Retainage Receivable", "OtherCharge"),
  item("1", "01 Fees & Permits"),
  item("2", "Retainage Payable"),
  item("4", "Retention - Old", "Service", false),
];

it("lists Service items first, then filters by typing and chooses by keyboard", async () => {
  const user = userEvent.setup();
  render(<Harness items={sample} />);
  const box = screen.getByRole("combobox", { name: "Invoice Retainage Item" });
  await user.click(box);
  const names = screen.getAllByRole("option").map((o) => o.textContent);
  expect(names).toEqual([
    "01 Fees & PermitsService",
    "Retainage PayableService",
    "Retention - Old (inactive)Service",
    "Retainage ReceivableOther Charge: Procore asks for a Service item",
  ]);

  await user.clear(box);
  await user.type(box, "retain");
  expect(screen.getAllByRole("option")).toHaveLength(2);
  expect(box).toHaveAttribute("aria-activedescendant", screen.getAllByRole("option")[0].id);
  await user.keyboard("{ArrowDown}{Enter}");
  expect(screen.getByTestId("chosen")).toHaveTextContent("3");
  expect(box).toHaveValue("Retainage Receivable");
  expect(box).toHaveAttribute("aria-expanded", "false");
});

it("does not choose an inactive item", async () => {
  const user = userEvent.setup();
  render(<Harness items={sample} />);
  const box = screen.getByRole("combobox");
  await user.type(box, "old");
  await user.keyboard("{Enter}");
  expect(screen.getByTestId("chosen")).toHaveTextContent("");
  expect(box).toHaveAttribute("aria-expanded", "true");
  await user.keyboard("{Escape}");
  expect(box).toHaveAttribute("aria-expanded", "false");
});

it("says when nothing matches", async () => {
  const user = userEvent.setup();
  render(<Harness items={sample} />);
  await user.type(screen.getByRole("combobox"), "zzz");
  expect(screen.getByText("No item matches “zzz”.")).toBeInTheDocument();
});

it("renders only a window of 20,000 items and reaches the last by keyboard", async () => {
  const many = Array.from({ length: 20000 }, (_, i) => item(`id-${i}`, `Cost Code ${String(i).padStart(5, "0")}`));
  const user = userEvent.setup();
  render(<Harness items={many} />);
  const box = screen.getByRole("combobox");
  await user.click(box);
  expect(screen.getAllByRole("option").length).toBeLessThan(30);
  expect(screen.getAllByRole("option")[0]).toHaveAttribute("aria-setsize", "20000");

  await user.type(box, "19999");
  expect(screen.getAllByRole("option")).toHaveLength(1);
  await user.keyboard("{Enter}");
  expect(screen.getByTestId("chosen")).toHaveTextContent("id-19999");
});
