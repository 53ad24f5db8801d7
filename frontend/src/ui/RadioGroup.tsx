import { ReactNode, useId } from "react";
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { useChoiceStyles } from "./Checkbox";
import { describedBy, useFieldControl } from "./field";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  circle: {
    borderRadius: tokens.borderRadiusCircular,
    ":checked": {
      ...shorthands.borderColor(tokens.colorCompoundBrandStroke),
      // The dot: the brand colour inside a ring of the background.
      backgroundColor: tokens.colorCompoundBrandForeground1,
      boxShadow: `inset 0 0 0 2px ${tokens.colorNeutralBackground1}`,
      ":hover": {
        ...shorthands.borderColor(tokens.colorCompoundBrandStrokeHover),
        backgroundColor: tokens.colorCompoundBrandForeground1Hover,
      },
      "@media (forced-colors: active)": { backgroundColor: "Highlight", ...shorthands.borderColor("Highlight") },
    },
  },
});

// RadioGroup is a group of native radio buttons drawn as Fluent UI's: the
// arrow keys move between them as the system's do. Inside a Field it is
// named by the Field's label.
export function RadioGroup(props: { value: string; onChange: (value: string) => void; options: { value: string; label: ReactNode }[] }) {
  const choice = useChoiceStyles();
  const styles = useStyles();
  const field = useFieldControl();
  const name = useId();
  return (
    <div
      role="radiogroup"
      id={field?.id}
      aria-labelledby={field?.labelId}
      aria-describedby={describedBy(field?.describedBy)}
      aria-invalid={field?.invalid || undefined}
      className={styles.group}
    >
      {props.options.map((o) => (
        <label key={o.value} className={choice.root}>
          <input
            type="radio"
            name={name}
            value={o.value}
            className={mergeClasses(choice.indicator, styles.circle)}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          <span className={choice.label}>{o.label}</span>
        </label>
      ))}
    </div>
  );
}
