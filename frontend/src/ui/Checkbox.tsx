import { ReactNode } from "react";
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { focusOutline } from "./focus";

// The box and the ring are the native control's own, drawn in Fluent UI's
// tokens: Space, clicks on the label and screen readers work as the
// system's check box does.
export const useChoiceStyles = makeStyles({
  root: {
    display: "inline-flex",
    alignItems: "flex-start",
    position: "relative",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    ":has(input:focus-visible)": focusOutline,
  },
  indicator: {
    appearance: "none",
    flexShrink: 0,
    position: "relative",
    boxSizing: "border-box",
    width: "16px",
    height: "16px",
    margin: `calc((20px - 16px) / 2 + ${tokens.spacingVerticalS}) ${tokens.spacingHorizontalS} 0`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    outlineStyle: "none",
    ":hover": { ...shorthands.borderColor(tokens.colorNeutralStrokeAccessibleHover) },
    ":active": { ...shorthands.borderColor(tokens.colorNeutralStrokeAccessiblePressed) },
    "@media (forced-colors: active)": { ...shorthands.borderColor("ButtonText") },
  },
  label: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
  },
  box: {
    borderRadius: tokens.borderRadiusSmall,
    ":checked": {
      backgroundColor: tokens.colorCompoundBrandBackground,
      ...shorthands.borderColor(tokens.colorCompoundBrandBackground),
      ":hover": {
        backgroundColor: tokens.colorCompoundBrandBackgroundHover,
        ...shorthands.borderColor(tokens.colorCompoundBrandBackgroundHover),
      },
      ":active": {
        backgroundColor: tokens.colorCompoundBrandBackgroundPressed,
        ...shorthands.borderColor(tokens.colorCompoundBrandBackgroundPressed),
      },
      // The check mark: the two lower sides of a box, turned.
      "::after": {
        content: '""',
        position: "absolute",
        left: "4.5px",
        top: "1.5px",
        width: "4px",
        height: "8px",
        ...shorthands.borderStyle("solid"),
        ...shorthands.borderColor(tokens.colorNeutralForegroundInverted),
        ...shorthands.borderWidth(0, "2px", "2px", 0),
        transform: "rotate(45deg)",
      },
      "@media (forced-colors: active)": { backgroundColor: "Highlight", "::after": { ...shorthands.borderColor("HighlightText") } },
    },
  },
});

// Checkbox is a native check box with its label, drawn as Fluent UI's.
export function Checkbox(props: {
  id?: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  "aria-describedby"?: string;
  className?: string;
}) {
  const styles = useChoiceStyles();
  return (
    <label className={mergeClasses(styles.root, props.className)}>
      <input
        type="checkbox"
        id={props.id}
        className={mergeClasses(styles.indicator, styles.box)}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={props["aria-describedby"]}
      />
      <span className={styles.label}>{props.label}</span>
    </label>
  );
}
