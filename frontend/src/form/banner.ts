// Banner is the page's one line of news about the last thing done: a save,
// a send, a failed call.
export interface Banner {
  intent: "success" | "error" | "warning" | "info";
  text: string;
  // The save was refused because someone else saved first: offer Reload.
  conflict?: boolean;
}
