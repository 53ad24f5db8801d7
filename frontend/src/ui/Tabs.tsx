import { KeyboardEvent, useRef } from "react";
import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { focusOutline } from "./focus";

const useStyles = makeStyles({
  list: { display: "flex", alignItems: "center" },
  tab: {
    position: "relative",
    display: "inline-grid",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    cursor: "pointer",
    color: tokens.colorNeutralForeground2,
    ...typographyStyles.body1,
    ":hover": { color: tokens.colorNeutralForeground2Hover },
    ":hover::after": { backgroundColor: tokens.colorNeutralStroke1Hover },
    ":focus-visible": { ...focusOutline, outlineOffset: "-2px" },
    // The line under a tab: the brand colour under the chosen one.
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: "transparent",
    },
  },
  // The label, and under it the same words in bold, unseen: a tab is as
  // wide chosen as not, so choosing one does not move the others.
  text: { gridArea: "1 / 1", textAlign: "center" },
  reserve: { gridArea: "1 / 1", visibility: "hidden", ...typographyStyles.body1Strong },
  selected: {
    color: tokens.colorNeutralForeground1,
    ...typographyStyles.body1Strong,
    ":hover": { color: tokens.colorNeutralForeground1 },
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    "@media (forced-colors: active)": { "::after": { backgroundColor: "Highlight" } },
  },
});

// Tabs is a tab list as Fluent UI's TabList draws it and as Windows users
// expect it: one Tab stop, the arrow keys (and Home, End) move between the
// tabs, Enter, Space or a click chooses one.
export function Tabs<T extends string>(props: { tabs: { value: T; label: string }[]; selected: T; onSelect: (value: T) => void }) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const tabs = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? []);
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined || at < 0) return;
    e.preventDefault();
    tabs[(next + tabs.length) % tabs.length].focus();
  };
  return (
    <div role="tablist" aria-orientation="horizontal" ref={list} className={styles.list} onKeyDown={onKeyDown}>
      {props.tabs.map((tab) => {
        const chosen = tab.value === props.selected;
        return (
          <button
            key={tab.value}
            type="button"
            role="tab"
            aria-selected={chosen}
            tabIndex={chosen ? 0 : -1}
            className={mergeClasses(styles.tab, chosen && styles.selected)}
            onClick={() => props.onSelect(tab.value)}
          >
            <span className={styles.text}>{tab.label}</span>
            <span aria-hidden="true" className={styles.reserve}>
              {tab.label}
            </span>
          </button>
        );
      })}
    </div>
  );
}
