import { desktop } from "../../wailsjs/go/models";

// PickerList is the stored item list as the Invoice Retainage Item picker
// holds it: what Go sent (ItemIndex), kept as the strings it came in, one
// line an item, with where each line starts. No object an item: a company
// file of 20,000 items costs the page a few strings (issue 33), and a
// keystroke is answered here, within a frame, not by a call into Go.
export type PickerList = {
  version: number;
  count: number;
  names: string;
  ids: string;
  kinds: string;
  lower: string; // names, lower-cased, for the search
  nameStarts: Int32Array;
  idStarts: Int32Array;
  lowerStarts: Int32Array;
};

// lineStarts is where each line of text starts, and its end as the last.
function lineStarts(text: string, count: number): Int32Array {
  const starts = new Int32Array(count + 1);
  let at = 0;
  for (let i = 1; i < count; i++) {
    at = text.indexOf("\n", at) + 1;
    starts[i] = at;
  }
  starts[count] = text.length + 1;
  return starts;
}

export function pickerList(r: desktop.ItemIndexResult): PickerList {
  const count = r.kinds.length;
  const lower = r.names.toLowerCase();
  return {
    version: r.version,
    count,
    names: r.names,
    ids: r.listIds,
    kinds: r.kinds,
    lower,
    nameStarts: lineStarts(r.names, count),
    idStarts: lineStarts(r.listIds, count),
    lowerStarts: lineStarts(lower, count),
  };
}

const line = (text: string, starts: Int32Array, i: number) => text.slice(starts[i], starts[i + 1] - 1);

// The kinds' letters (desktop.ItemIndexResult): QuickBooks' item types.
const types: Record<string, string> = { s: "Service", o: "OtherCharge", n: "NonInventory", x: "Other" };

// itemAt is the list's item i.
export function itemAt(l: PickerList, i: number): desktop.ItemOption {
  const kind = l.kinds[i];
  return desktop.ItemOption.createFrom({
    listId: line(l.ids, l.idStarts, i),
    fullName: line(l.names, l.nameStarts, i),
    type: types[kind.toLowerCase()] ?? "Other",
    isActive: kind !== kind.toLowerCase(),
  });
}

// indexOfId is the place of the item of ListID id, or -1.
export function indexOfId(l: PickerList, id: string): number {
  if (!id) return -1;
  for (let at = l.ids.indexOf(id); at >= 0; at = l.ids.indexOf(id, at + 1)) {
    const whole = (at === 0 || l.ids[at - 1] === "\n") && (at + id.length === l.ids.length || l.ids[at + id.length] === "\n");
    if (whole) return lineOf(l.idStarts, at);
  }
  return -1;
}

// lineOf is the line of starts that holds position at.
function lineOf(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// search is the places of the items whose name holds query, ignoring
// case, in the list's order; null when the query is empty (every item).
export function search(l: PickerList, query: string): Int32Array | null {
  const q = query.trim().toLowerCase();
  if (q === "") return null;
  if (q.includes("\n")) return new Int32Array(0);
  const out = new Int32Array(l.count);
  let n = 0;
  let i = 0;
  for (let at = l.lower.indexOf(q); at >= 0 && i < l.count;) {
    while (l.lowerStarts[i + 1] <= at) i++;
    out[n++] = i;
    i++;
    at = i < l.count ? l.lower.indexOf(q, l.lowerStarts[i]) : -1;
  }
  return out.subarray(0, n);
}
