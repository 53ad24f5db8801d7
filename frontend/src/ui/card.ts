import { tokens } from "@fluentui/react-components";

// card is the look of a card (a settings section, a revision in the
// history) as Windows 11's own settings draw theirs: a thin stroke, no
// shadow (a blurred shadow as large as a section cost WebKit 3 MiB to
// draw; docs/memory.md). Spread into a makeStyles slot.
export const card = {
  backgroundColor: tokens.colorNeutralBackground1,
  borderRadius: tokens.borderRadiusLarge,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
};
