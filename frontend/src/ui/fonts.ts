import type { Theme } from "@fluentui/react-components";

// withPlatformFonts is theme with font families this computer has first.
// Fluent's stack names Windows' and Apple's fonts before the generic
// sans-serif: Windows finds Segoe UI at once, but WebKitGTK asks fontconfig
// for every family a Linux desktop lacks, at every size and weight, and
// the form's first layout took 55 ms longer for it (docs/performance.md),
// to draw with the same sans-serif font in the end.
export function withPlatformFonts(theme: Theme, userAgent: string = navigator.userAgent): Theme {
  if (userAgent.includes("Windows")) return theme;
  return { ...theme, fontFamilyBase: "sans-serif", fontFamilyNumeric: "sans-serif", fontFamilyMonospace: "monospace" };
}
