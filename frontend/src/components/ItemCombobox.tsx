import { KeyboardEvent, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useT } from "../i18n";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { TextInput } from "../ui/TextInput";
import { ChevronDown } from "../ui/icons";
import { desktop } from "../../wailsjs/go/models";
import { afterPaint } from "../afterPaint";
import { type PickerList, indexOfId, itemAt, search } from "../form/pickerList";
import { VisuallyHidden } from "../ui/VisuallyHidden";

// Rows are a fixed height so the list can be windowed: only the rows in
// view (plus a few) are in the DOM, whatever the size of the company file.
const ROW_HEIGHT = 36;
const VISIBLE_ROWS = 9;
const OVERSCAN = 4;
const PAGE = VISIBLE_ROWS - 1;

const useStyles = makeStyles({
  wrapper: { position: "relative" },
  input: { width: "100%" },
  // The list's arrow, as Fluent's Combobox draws it.
  chevron: {
    display: "flex",
    alignItems: "center",
    border: "none",
    background: "transparent",
    color: tokens.colorNeutralStrokeAccessible,
    cursor: "pointer",
    padding: 0,
  },
  listbox: {
    position: "absolute",
    zIndex: 10,
    left: 0,
    right: 0,
    marginTop: tokens.spacingVerticalXXS,
    maxHeight: `${ROW_HEIGHT * VISIBLE_ROWS}px`,
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  option: {
    position: "absolute",
    left: 0,
    right: 0,
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalM}`,
    cursor: "pointer",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    color: tokens.colorNeutralForeground1,
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Hover,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: "-2px",
  },
  selected: { fontWeight: tokens.fontWeightSemibold },
  inactive: { color: tokens.colorNeutralForeground3, cursor: "not-allowed" },
  type: { marginLeft: "auto", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  empty: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
});

// The performance entries of a keystroke in the picker.
export const KEYSTROKE_MARK = "item-picker-input";
export const KEYSTROKE_MEASURE = "item-picker-keystroke";
export const KEYSTROKE_WORK = "item-picker-keystroke-work";

// ANNOUNCE_AFTER_MS is the pause in typing after which the count of
// matches is said.
const ANNOUNCE_AFTER_MS = 500;

export interface ItemComboboxProps {
  // The Field's, when inside one.
  id?: string;
  // The stored list as the picker holds it; null while it comes.
  list: PickerList | null;
  // Called when the list is first needed: the picker focused or opened.
  onWant?: () => void;
  selectedListId: string;
  selectedName: string;
  onSelect: (item: desktop.ItemOption) => void;
  disabled?: boolean;
  placeholder?: string;
}

// ItemCombobox is a searchable, windowed combobox (the ARIA 1.2 pattern):
// type to filter by name, arrows to move, Enter to choose, Escape to close.
// It searches the list the page holds as a few strings (PickerList), and
// draws only the rows in view.
export function ItemCombobox(props: ItemComboboxProps) {
  const t = useT();
  // QuickBooks' item types, in the words of its Item List.
  const typeName = (type: string) =>
    type === "Service" ? t("Service") : type === "OtherCharge" ? t("Other Charge") : type === "NonInventory" ? t("Non-inventory") : type;
  const { id, list, selectedListId, selectedName, onSelect } = props;
  const styles = useStyles();
  const listboxId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null); // null: not typing
  const [active, setActive] = useState(-1);
  const [scrollTop, setScrollTop] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  // The places in the list of the items shown: every item (null), or the
  // matches of what is typed.
  const matches = useMemo(() => (list ? search(list, query ?? "") : null), [list, query]);
  const total = !list ? 0 : matches ? matches.length : list.count;
  const placeOf = (i: number) => (matches ? matches[i] : i);
  const itemOf = (i: number) => (list && i >= 0 && i < total ? itemAt(list, placeOf(i)) : undefined);

  const optionId = (i: number) => `${listboxId}-opt-${i}`;

  // A keystroke's cost, as performance entries the measurements read (make
  // measure, journey 7): the page's work, from the input to the filtered
  // list in the page, and the whole, to the list painted, which also waits
  // for the screen's next frame.
  useLayoutEffect(() => {
    const marks = performance.getEntriesByName(KEYSTROKE_MARK, "mark");
    if (marks.length === 0) return;
    const start = marks[marks.length - 1].startTime;
    performance.clearMarks(KEYSTROKE_MARK);
    performance.measure(KEYSTROKE_WORK, { start });
    afterPaint(() => performance.measure(KEYSTROKE_MEASURE, { start }));
  }, [matches]);

  // How many match is said once typing pauses, not at every keystroke: a
  // screen reader would read each count over the next.
  const [announced, setAnnounced] = useState<number | null>(null);
  useEffect(() => {
    if (query === null) return;
    const timer = setTimeout(() => setAnnounced(total), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [query, total]);

  // Keep the active row in view, and so in the DOM for aria-activedescendant.
  useEffect(() => {
    const list = listRef.current;
    if (!open || !list || active < 0) return;
    const top = active * ROW_HEIGHT;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW_HEIGHT - list.clientHeight;
    setScrollTop(list.scrollTop);
  }, [active, open]);

  const openAt = (index: number) => {
    setOpen(true);
    setActive(index);
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
    setActive(-1);
  };
  const choose = (i: number) => {
    const it = itemOf(i);
    if (!it || !it.isActive) return;
    onSelect(it);
    close();
  };
  // Where the chosen item is among those shown (not typing: every item).
  const selectedIndex = () => (list && query === null ? indexOfId(list, selectedListId) : -1);
  const move = (delta: number) => {
    if (!open) return openAt(Math.max(selectedIndex(), 0));
    setActive((a) => Math.min(Math.max(a + delta, 0), total - 1));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => (e.altKey ? openAt(Math.max(selectedIndex(), 0)) : move(1)),
      ArrowUp: () => move(-1),
      PageDown: () => move(PAGE),
      PageUp: () => move(-PAGE),
      Enter: () => open && choose(active),
      Escape: () => (open ? close() : setQuery(null)),
    };
    const handler = keys[e.key];
    if (!handler || (e.key === "Enter" && !open) || (e.key === "Escape" && !open && query === null)) return;
    e.preventDefault();
    handler();
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, first + VISIBLE_ROWS + 2 * OVERSCAN);

  return (
    <div className={styles.wrapper}>
      <TextInput
        id={id}
        className={styles.input}
        role="combobox"
        aria-expanded={open}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 && active < total ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={props.disabled}
        placeholder={props.placeholder}
        value={query ?? selectedName}
        onChange={(value) => {
          performance.mark(KEYSTROKE_MARK);
          setQuery(value);
          setOpen(true);
          setActive(0);
          if (listRef.current) listRef.current.scrollTop = 0;
          setScrollTop(0);
        }}
        onKeyDown={onKeyDown}
        onFocus={props.onWant}
        onBlur={close}
        onClick={() => (open ? close() : openAt(Math.max(selectedIndex(), 0)))}
        contentAfter={
          <button
            type="button"
            tabIndex={-1}
            aria-hidden="true"
            className={styles.chevron}
            disabled={props.disabled}
            onMouseDown={(e) => {
              e.preventDefault(); // keep focus in the input
              props.onWant?.();
              if (open) close();
              else openAt(Math.max(selectedIndex(), 0));
            }}
          >
            <ChevronDown />
          </button>
        }
      />
      <VisuallyHidden status>
        {open && query !== null && announced !== null
          ? t("{count, plural, =0 {No item matches.} one {# item matches.} other {# items match.}}", { count: announced })
          : ""}
      </VisuallyHidden>
      <div
        ref={listRef}
        id={listboxId}
        role="listbox"
        aria-label={t("QuickBooks items")}
        className={styles.listbox}
        hidden={!open}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onMouseDown={(e) => e.preventDefault()} // a click must not blur the input first
      >
        {open && !list && <div className={styles.empty}>{t("Loading the items…")}</div>}
        {open && list && total === 0 && (
          <div className={styles.empty}>
            {query === null ? t("No items yet: refresh the list") : t("No item matches “{query}”.", { query })}
          </div>
        )}
        {open && list && (
          <div style={{ height: total * ROW_HEIGHT, position: "relative" }}>
            {Array.from({ length: Math.max(0, last - first) }, (_, k) => {
              const i = first + k;
              const it = itemAt(list, placeOf(i));
              return (
                <div
                  key={it.listId}
                  id={optionId(i)}
                  role="option"
                  aria-selected={it.listId === selectedListId}
                  aria-disabled={!it.isActive || undefined}
                  aria-setsize={total}
                  aria-posinset={i + 1}
                  className={mergeClasses(
                    styles.option,
                    i === active && styles.active,
                    it.listId === selectedListId && styles.selected,
                    !it.isActive && styles.inactive,
                  )}
                  style={{ top: i * ROW_HEIGHT }}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(i)}
                >
                  <span>{it.isActive ? it.fullName : t("{name} (inactive)", { name: it.fullName })}</span>
                  <span className={styles.type}>
                    {it.type === "OtherCharge" ? t("Other Charge: Procore asks for a Service item") : typeName(it.type)}
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
