import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

// useTypography is Fluent UI's type ramp as classes, for headings and
// texts drawn as plain elements (the page's own font is Fluent's body).
export const useTypography = makeStyles({
  title2: { ...typographyStyles.title2, margin: 0 },
  subtitle1: { ...typographyStyles.subtitle1, margin: 0 },
  subtitle2: { ...typographyStyles.subtitle2, margin: 0 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  caption1: typographyStyles.caption1,
});
