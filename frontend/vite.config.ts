import { defineConfig, Plugin } from "vite";
import react from "@vitejs/plugin-react";
import griffel from "@griffel/vite-plugin";
import { griffelStyleSheet } from "./vite/griffelStyleSheet.ts";
import { parse } from "@formatjs/icu-messageformat-parser";

// precompiledMessages hands the window its catalogs (src/locales) as parsed
// ICU messages, so it neither ships nor runs the message parser as it
// starts (formatjs' "precompile"; docs/memory.md). The parser is the
// version react-intl runs (pinned to it in package.json), so the parsed
// form is the one it reads. It runs before Vite's own JSON handling and
// gives JSON back.
function precompiledMessages(): Plugin {
  return {
    name: "precompiled-messages",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]src[\\/]locales[\\/][^\\/]+\.json$/.test(id)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const parsed = Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, parse(message)]));
      return { code: JSON.stringify(parsed), map: null };
    },
  };
}

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
