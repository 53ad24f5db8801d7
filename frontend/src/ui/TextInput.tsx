import { InputHTMLAttributes, ReactNode, Ref } from "react";
import { mergeClasses } from "@fluentui/react-components";
import { describedBy, fieldAttributes, useFieldControl } from "./field";
import { useFrameStyles } from "./frame";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value" | "className"> & {
  value: string;
  onChange: (value: string) => void;
  // Drawn inside the box, after the text (a list's button).
  contentAfter?: ReactNode;
  className?: string;
  ref?: Ref<HTMLInputElement>;
};

// TextInput is a native text box drawn as Fluent UI's Input; inside a
// Field it takes the Field's id, description and error.
export function TextInput({ id, value, onChange, contentAfter, className, ref, ...rest }: Props) {
  const styles = useFrameStyles();
  const field = useFieldControl();
  return (
    <span className={mergeClasses(styles.frame, field?.invalid && styles.invalid, rest.disabled && styles.disabled, className)}>
      <input
        type="text"
        {...fieldAttributes(field)}
        id={id ?? field?.id}
        {...rest}
        aria-describedby={describedBy(field?.describedBy, rest["aria-describedby"])}
        ref={ref}
        className={styles.control}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {contentAfter}
    </span>
  );
}
