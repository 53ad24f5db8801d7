import { ReactNode } from "react";
import { useSpec } from "../fields";
import { type FieldErrors, fieldId } from "../form/draft";
import { Field } from "../ui/field";
import { EffectLine } from "./EffectLine";
import { desktop, settings } from "../../wailsjs/go/models";

// SettingField is the Field of one setting: its id, label, required mark
// and help from the settings' one description (Go's), and Go's error for
// it. hint stands in for the help where the form has more to say; effect
// is what the setting does to the next sync.
export function SettingField(props: {
  field: settings.Field;
  errors: FieldErrors;
  hint?: ReactNode;
  effect?: desktop.SettingEffect;
  children: ReactNode;
}) {
  const spec = useSpec(props.field);
  return (
    <Field
      id={fieldId(props.field)}
      label={spec.label}
      required={spec.required}
      hint={props.hint ?? spec.help}
      note={props.effect && <EffectLine effect={props.effect} />}
      error={props.errors[props.field]}
    >
      {props.children}
    </Field>
  );
}
