import { __styles } from "@griffel/react";

// Never called: the bundler drops it, and its rule must not reach the sheet.
const unusedClasses = /*#__PURE__*/ __styles({ root: { sj55zd: "funused" } }, { d: [".funused{color:green;}"] });
export const unusedStyles = "unused";
export function neverCalled() {
  return unusedClasses;
}
