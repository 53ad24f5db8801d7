import { KeyboardEvent, ReactNode, useRef, useState } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { fieldAttributes, useFieldControl } from "./field";
import { useFrameStyles } from "./frame";
import { ChevronDown } from "./icons";

const useStyles = makeStyles({
  frame: { padding: 0 },
  select: {
    appearance: "none",
    cursor: "pointer",
    height: "30px",
    padding: `0 calc(${tokens.spacingHorizontalMNudge} + 20px + ${tokens.spacingHorizontalXXS}) 0 calc(${tokens.spacingHorizontalMNudge} + ${tokens.spacingHorizontalXXS})`,
    // The open list is the system's; its colours follow the theme.
    "& option": { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  },
  chevron: {
    position: "absolute",
    right: tokens.spacingHorizontalMNudge,
    pointerEvents: "none",
    color: tokens.colorNeutralStrokeAccessible,
  },
});

// The keys that step through a closed list, changing its value at once:
// the arrows and their kin, and a letter (to the next entry it begins).
const STEPS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);
const steps = (e: KeyboardEvent) => !e.altKey && !e.ctrlKey && !e.metaKey && (STEPS.has(e.key) || (e.key.length === 1 && e.key !== " "));

// Select is the system's own list (keyboard and screen reader as Windows
// does them) in a box drawn as Fluent UI's Select. onChange hears a
// choice once it is made: picked from the open list, or stepped to with
// the arrow keys and then confirmed with Enter or by leaving the list;
// Escape goes back. Each choice here starts work (another company's
// page), which stepping past an entry must not.
export function Select(props: {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const frame = useFrameStyles();
  const styles = useStyles();
  const field = useFieldControl();
  const [stepped, setStepped] = useState<string | null>(null);
  const stepping = useRef(false);
  const confirm = () => {
    stepping.current = false;
    if (stepped !== null && stepped !== props.value) props.onChange(stepped);
    setStepped(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSelectElement>) => {
    if (steps(e)) stepping.current = true;
    else if (e.key === "Enter") confirm();
    else if (e.key === "Escape") {
      stepping.current = false;
      setStepped(null);
    }
  };
  return (
    <span
      className={mergeClasses(
        frame.frame,
        styles.frame,
        field?.invalid && frame.invalid,
        props.disabled && frame.disabled,
        props.className,
      )}
    >
      <select
        {...fieldAttributes(field)}
        className={mergeClasses(frame.control, styles.select)}
        value={stepped ?? props.value}
        disabled={props.disabled}
        onKeyDown={onKeyDown}
        onMouseDown={() => (stepping.current = false)}
        onBlur={confirm}
        onChange={(e) => {
          if (stepping.current) return setStepped(e.target.value);
          setStepped(null);
          if (e.target.value !== props.value) props.onChange(e.target.value);
        }}
      >
        {props.children}
      </select>
      <ChevronDown className={styles.chevron} />
    </span>
  );
}
