import { ReactNode } from "react";
import { settings } from "../../wailsjs/go/models";
import { useSpec } from "../fields";
import { type FieldErrors, fieldId } from "../form/draft";
import { Field } from "../ui/field";

// SettingField is the Field of one setting: its id, label, required mark
// and help from the settings' one description (Go's), and Go's error for
// it. hint stands in for the help where the form has more to say.
export function SettingField(props: { field: settings.Field; errors: FieldErrors; hint?: ReactNode; children: ReactNode }) {
  const spec = useSpec(props.field);
  return (
    <Field
      id={fieldId(props.field)}
      label={spec.label}
      required={spec.required}
      hint={props.hint ?? spec.help}
      error={props.errors[props.field]}
    >
      {props.children}
    </Field>
  );
}
