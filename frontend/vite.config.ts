import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import griffel from "@griffel/vite-plugin";
import { griffelStyleSheet } from "./vite/griffelStyleSheet.ts";
import { precompiledMessages } from "./vite/precompiledMessages.ts";

// The production build does at build time what would otherwise run in
// the window at every start: Griffel's styles are resolved to class names
// and CSS rules, the rules written into one style sheet, and the messages
// parsed. Tests and the dev server keep the run-time paths, which give the
// same classes and words. The script is written in ASCII (the words' "…"
// and "®" escaped): WebKit keeps a script with any other character as two
// bytes a character, 0.6 MB more here.
export default defineConfig(({ command }) => ({
  plugins: [react(), ...(command === "build" ? [griffel(), griffelStyleSheet(), precompiledMessages()] : [])],
  resolve:
    command === "build"
      ? { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: "@formatjs/icu-messageformat-parser/no-parser.js" }] }
      : {},
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500, rolldownOptions: { output: { charset: "ascii" } } },
}));
