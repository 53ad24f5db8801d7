// A page as Fluent's packages ship styles: one style hook the page uses,
// one it never calls, and a reset style imported under another name.
import { __styles, __resetStyles as reset } from "@griffel/react";
import { unusedStyles } from "./unused.js";

const usedClasses = __styles({ root: { sj55zd: "fused01" } }, { d: [".fused01{color:red;}"], h: [".fhover1:hover{color:blue;}"] });
const baseClass = reset("rbase01", null, [".rbase01{display:flex;}"]);

document.body.className = baseClass({ dir: "ltr" }) + " " + usedClasses({ dir: "ltr" }).root;
document.title = "Saving…";
export const keep = unusedStyles.length;
