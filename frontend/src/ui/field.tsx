import { ReactNode, createContext, useContext, useId } from "react";
import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";

// FieldControl is what a control inside a Field takes from it.
export type FieldControl = {
  id: string;
  // The label's id, when the Field has a label: what names a group.
  labelId?: string;
  describedBy?: string;
  invalid: boolean;
  required: boolean;
};

const FieldContext = createContext<FieldControl | null>(null);

// useFieldControl is the Field around a control, if any.
export function useFieldControl(): FieldControl | null {
  return useContext(FieldContext);
}

// describedBy joins the ids a control is described by, skipping the empty.
export function describedBy(...ids: (string | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

// fieldAttributes are what a text box or a list takes from the Field
// around it: its id, its description, and whether it is required and
// refused.
export function fieldAttributes(field: FieldControl | null) {
  return {
    id: field?.id,
    "aria-describedby": field?.describedBy,
    "aria-required": field?.required || undefined,
    "aria-invalid": field?.invalid || undefined,
  };
}

const useStyles = makeStyles({
  root: { display: "grid" },
  label: {
    maxWidth: "max-content",
    padding: `${tokens.spacingVerticalXXS} 0`,
    marginBottom: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground1,
    ...typographyStyles.body1,
  },
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: tokens.spacingHorizontalXS },
  note: { marginTop: tokens.spacingVerticalXS },
  secondary: { marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, ...typographyStyles.caption1 },
  error: { color: tokens.colorPaletteRedForeground1, paddingLeft: `calc(12px + ${tokens.spacingHorizontalXS})` },
  errorIcon: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    marginLeft: `calc(-12px - ${tokens.spacingHorizontalXS})`,
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: "-1px",
    fill: "currentColor",
  },
});

// Field is a control with its label, its error (said as it appears) and
// a hint. id is the control's id: the label points at it.
export function Field(props: {
  id?: string;
  label?: ReactNode;
  hint?: ReactNode;
  // note is said after the hint, and describes the control too.
  note?: ReactNode;
  error?: string;
  required?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const base = useId();
  const id = props.id ?? `${base}control`;
  const errorId = props.error ? `${base}error` : undefined;
  const hintId = props.hint ? `${base}hint` : undefined;
  const noteId = props.note ? `${base}note` : undefined;
  const labelId = props.label ? `${id}-label` : undefined;
  const control: FieldControl = {
    id,
    labelId,
    describedBy: describedBy(errorId, hintId, noteId),
    invalid: !!props.error,
    required: !!props.required,
  };
  return (
    <div className={mergeClasses(styles.root, props.className)}>
      {props.label && (
        <label htmlFor={id} id={labelId} className={styles.label}>
          {props.label}
          {props.required && (
            <span aria-hidden="true" className={styles.required}>
              *
            </span>
          )}
        </label>
      )}
      <FieldContext.Provider value={control}>{props.children}</FieldContext.Provider>
      {props.error && (
        <div id={errorId} role="alert" className={mergeClasses(styles.secondary, styles.error)}>
          <svg className={styles.errorIcon} viewBox="0 0 12 12" aria-hidden="true">
            {/* Fluent's DiamondDismiss12Filled, the sign of a field's error */}
            <path d="M5.08 1.38a1.3 1.3 0 0 1 1.84 0l3.7 3.7c.5.5.5 1.33 0 1.84l-3.7 3.7c-.5.5-1.33.5-1.84 0l-3.7-3.7a1.3 1.3 0 0 1 0-1.84l3.7-3.7Zm-.23 3.05a.3.3 0 0 0-.42.42L5.58 6 4.43 7.15a.3.3 0 0 0 .42.42L6 6.42l1.15 1.15a.3.3 0 0 0 .42-.42L6.42 6l1.15-1.15a.3.3 0 0 0-.42-.42L6 5.58 4.85 4.43Z" />
          </svg>
          {props.error}
        </div>
      )}
      {props.hint && (
        <div id={hintId} className={styles.secondary}>
          {props.hint}
        </div>
      )}
      {props.note && (
        <div id={noteId} className={styles.note}>
          {props.note}
        </div>
      )}
    </div>
  );
}
