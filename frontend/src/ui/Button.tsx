import { ButtonHTMLAttributes, MouseEvent, ReactNode, Ref } from "react";
import { makeStyles, mergeClasses, shorthands, tokens, typographyStyles } from "@fluentui/react-components";
import { focusOutline } from "./focus";

// A button's colours, background, border and text, at rest, under the
// pointer and pressed, as Fluent UI's Button changes them.
type Colours = [background: string, border: string, text: string];

function colours([background, border, text]: Colours) {
  return { backgroundColor: background, ...shorthands.borderColor(border), color: text };
}

function states(rest: Colours, hover: Colours, pressed: Colours) {
  return { ...colours(rest), ":hover": colours(hover), ":hover:active": colours(pressed) };
}

const disabledColours: Colours = [
  tokens.colorNeutralBackgroundDisabled,
  tokens.colorNeutralStrokeDisabled,
  tokens.colorNeutralForegroundDisabled,
];

const useStyles = makeStyles({
  base: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    gap: tokens.spacingHorizontalSNudge,
    boxSizing: "border-box",
    minWidth: "96px",
    minHeight: "32px",
    margin: 0,
    padding: `5px ${tokens.spacingHorizontalM}`,
    overflow: "hidden",
    verticalAlign: "middle",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ...typographyStyles.body1Strong,
    transitionDuration: tokens.durationFaster,
    transitionProperty: "background, border, color",
    transitionTimingFunction: tokens.curveEasyEase,
    ":hover": colours([tokens.colorNeutralBackground1Hover, tokens.colorNeutralStroke1Hover, tokens.colorNeutralForeground1Hover]),
    ":hover:active": colours([
      tokens.colorNeutralBackground1Pressed,
      tokens.colorNeutralStroke1Pressed,
      tokens.colorNeutralForeground1Pressed,
    ]),
    // A dark ring with a light one inside, drawn only when focus came from the keyboard.
    ":focus-visible": {
      ...focusOutline,
      outlineOffset: "-1px",
      boxShadow: `inset 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus1}`,
    },
    "@media (forced-colors: active)": { ":focus-visible": { outlineColor: "Highlight" } },
  },
  primary: states(
    [tokens.colorBrandBackground, "transparent", tokens.colorNeutralForegroundOnBrand],
    [tokens.colorBrandBackgroundHover, "transparent", tokens.colorNeutralForegroundOnBrand],
    [tokens.colorBrandBackgroundPressed, "transparent", tokens.colorNeutralForegroundOnBrand],
  ),
  subtle: states(
    [tokens.colorSubtleBackground, "transparent", tokens.colorNeutralForeground2],
    [tokens.colorSubtleBackgroundHover, "transparent", tokens.colorNeutralForeground2Hover],
    [tokens.colorSubtleBackgroundPressed, "transparent", tokens.colorNeutralForeground2Pressed],
  ),
  disabled: {
    cursor: "not-allowed",
    ...states(disabledColours, disabledColours, disabledColours),
  },
  subtleDisabled: {
    backgroundColor: "transparent",
    ...shorthands.borderColor("transparent"),
    ":hover": { backgroundColor: "transparent" },
  },
  icon: { display: "inline-flex", fontSize: "20px" },
});

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className"> & {
  appearance?: "secondary" | "primary" | "subtle";
  // Off, but still reached by Tab and read out, so a screen reader user
  // hears why nothing happens (a test already running).
  disabledFocusable?: boolean;
  icon?: ReactNode;
  className?: string;
  ref?: Ref<HTMLButtonElement>;
};

// Button is a native button drawn as Fluent UI's.
export function Button({ appearance = "secondary", disabledFocusable, icon, className, children, onClick, ...rest }: Props) {
  const styles = useStyles();
  const off = rest.disabled || disabledFocusable;
  const click = (e: MouseEvent<HTMLButtonElement>) => {
    if (disabledFocusable) return e.preventDefault();
    onClick?.(e);
  };
  return (
    <button
      type="button"
      {...rest}
      aria-disabled={disabledFocusable || undefined}
      className={mergeClasses(
        styles.base,
        appearance === "primary" && styles.primary,
        appearance === "subtle" && styles.subtle,
        off && styles.disabled,
        off && appearance === "subtle" && styles.subtleDisabled,
        className,
      )}
      onClick={click}
    >
      {icon && <span className={styles.icon}>{icon}</span>}
      {children}
    </button>
  );
}

const useLinkStyles = makeStyles({
  link: {
    display: "inline",
    margin: 0,
    padding: 0,
    border: "none",
    backgroundColor: "transparent",
    cursor: "pointer",
    textAlign: "left",
    color: tokens.colorBrandForegroundLink,
    fontFamily: tokens.fontFamilyBase,
    fontSize: "inherit",
    fontWeight: "inherit",
    lineHeight: "inherit",
    textDecorationLine: "none",
    ":hover": { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: "underline" },
    ":hover:active": { color: tokens.colorBrandForegroundLinkPressed, textDecorationLine: "underline" },
    ":focus-visible": {
      outlineStyle: "none",
      textDecorationLine: "underline",
      textDecorationStyle: "double",
      textDecorationColor: tokens.colorStrokeFocus2,
    },
  },
});

// LinkButton is an action worded as a link (Fluent UI's Link as a button).
export function LinkButton({ className, ...rest }: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type">) {
  const styles = useLinkStyles();
  return <button type="button" {...rest} className={mergeClasses(styles.link, className)} />;
}
