import type { FieldProps } from "@fluentui/react-components";

// errorProps shows Go's message for a field, if it has one. Fluent's Field
// links the message to its control (aria-describedby) and marks it invalid.
export function errorProps(message: string | undefined): Pick<FieldProps, "validationMessage" | "validationState"> {
  return message ? { validationMessage: message, validationState: "error" } : { validationState: "none" };
}
