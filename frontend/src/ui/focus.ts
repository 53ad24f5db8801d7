import { tokens } from "@fluentui/react-components";

// focusOutline is Fluent UI's keyboard focus ring: a thick dark outline.
// Spread it under the selector that says the control has keyboard focus,
// with the offset the control's shape needs.
// (Object.freeze keeps "solid" a literal for Griffel's types without
// TypeScript syntax, which the build's style step cannot read in a module
// it evaluates.)
export const focusOutline = Object.freeze({
  outlineWidth: tokens.strokeWidthThick,
  outlineStyle: "solid",
  outlineColor: tokens.colorStrokeFocus2,
});
