import { ReactNode } from "react";
import { makeStyles, mergeClasses, shorthands, tokens, typographyStyles } from "@fluentui/react-components";

// tint is a badge in a light shade of its colour, with a border in it.
function tint(background: string, text: string, border: string) {
  return { backgroundColor: background, color: text, ...shorthands.borderColor(border) };
}

const useStyles = makeStyles({
  base: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    boxSizing: "border-box",
    flexShrink: 0,
    minWidth: "20px",
    height: "20px",
    padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    whiteSpace: "nowrap",
    ...typographyStyles.caption1Strong,
    "@media (forced-colors: active)": { ...shorthands.borderColor("CanvasText") },
  },
  large: { minWidth: "24px", height: "24px", padding: `0 ${tokens.spacingHorizontalSNudge}` },
  filledSuccess: { backgroundColor: tokens.colorPaletteGreenBackground3, color: tokens.colorNeutralForegroundOnBrand },
  filledDanger: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  tintSuccess: tint(tokens.colorPaletteGreenBackground1, tokens.colorPaletteGreenForeground2, tokens.colorPaletteGreenBorder1),
  tintWarning: tint(tokens.colorPaletteYellowBackground1, tokens.colorPaletteYellowForeground2, tokens.colorPaletteYellowBorder1),
  tintDanger: tint(tokens.colorPaletteRedBackground1, tokens.colorPaletteRedForeground1, tokens.colorPaletteRedBorder1),
  tintInformative: tint(tokens.colorNeutralBackground4, tokens.colorNeutralForeground3, tokens.colorNeutralStroke2),
});

export type BadgeColor = "success" | "warning" | "danger" | "informative";

// Badge is a short status in a pill, drawn as Fluent UI's Badge.
export function Badge(props: {
  appearance: "filled" | "tint";
  color: BadgeColor;
  size?: "medium" | "large";
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const look =
    props.appearance === "filled"
      ? props.color === "success"
        ? styles.filledSuccess
        : styles.filledDanger
      : { success: styles.tintSuccess, warning: styles.tintWarning, danger: styles.tintDanger, informative: styles.tintInformative }[
          props.color
        ];
  return <span className={mergeClasses(styles.base, props.size === "large" && styles.large, look, props.className)}>{props.children}</span>;
}
