import { describe, expect, it } from "vitest";
import { desktop } from "../../wailsjs/go/models";
import { indexOfId, itemAt, pickerList, search } from "./pickerList";

const list = pickerList(
  desktop.ItemIndexResult.createFrom({
    version: 3,
    names: "01 Fees & Permits\nRetainage Payable\nRetention - Old\nİstanbul Office\nRetainage Receivable",
    listIds: "1\n2\n4\n5\n3",
    kinds: "SSsSO",
    error: "",
  }),
);

describe("the picker's list", () => {
  it("gives each item back whole: name, ListID, type, and whether it is active", () => {
    expect(itemAt(list, 0)).toEqual(
      desktop.ItemOption.createFrom({ listId: "1", fullName: "01 Fees & Permits", type: "Service", isActive: true }),
    );
    expect(itemAt(list, 2)).toMatchObject({ listId: "4", fullName: "Retention - Old", isActive: false });
    expect(itemAt(list, 4)).toMatchObject({ listId: "3", fullName: "Retainage Receivable", type: "OtherCharge" });
  });

  it("finds the items whose name holds what is typed, ignoring case, in the list's order", () => {
    expect(search(list, "  ")).toBeNull();
    expect(Array.from(search(list, "RETAIN")!)).toEqual([1, 4]);
    expect(Array.from(search(list, "re")!)).toEqual([1, 2, 4]); // once a line, though Retainage Receivable holds it twice
    expect(Array.from(search(list, "office")!)).toEqual([3]); // after a name whose lower case is longer
    expect(Array.from(search(list, "payable\nretention")!)).toEqual([]);
    expect(Array.from(search(list, "zzz")!)).toEqual([]);
  });

  it("finds an item by its whole ListID only", () => {
    expect(indexOfId(list, "3")).toBe(4);
    expect(indexOfId(list, "5")).toBe(3);
    expect(indexOfId(list, "")).toBe(-1);
    expect(
      indexOfId(pickerList(desktop.ItemIndexResult.createFrom({ version: 1, names: "a\nb", listIds: "10\n1", kinds: "SS" })), "1"),
    ).toBe(1);
  });
});
