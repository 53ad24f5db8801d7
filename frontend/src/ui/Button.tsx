import { ButtonHTMLAttributes, MouseEvent, ReactNode, Ref } from "react";
import { makeStyles, mergeClasses, shorthands, tokens, typographyStyles } from "@fluentui/react-components";

// focusRing is Fluent UI's keyboard focus: a dark ring with a light one
// inside, drawn only when focus came from the keyboard.
const focusRing = {
  ":focus-visible": {
    outlineWidth: tokens.strokeWidthThick,
    outlineStyle: "solid",
    outlineColor: tokens.colorStrokeFocus2,
    outlineOffset: "-1px",
    boxShadow: `inset 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus1}`,
  },
} as const;

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
    ":hover": {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      ...shorthands.borderColor(tokens.colorNeutralStroke1Hover),
      color: tokens.colorNeutralForeground1Hover,
    },
    ":hover:active": {
      backgroundColor: tokens.colorNeutralBackground1Pressed,
      ...shorthands.borderColor(tokens.colorNeutralStroke1Pressed),
      color: tokens.colorNeutralForeground1Pressed,
    },
    ...focusRing,
    "@media (forced-colors: active)": { ":focus-visible": { outlineColor: "Highlight" } },
  },
  primary: {
    backgroundColor: tokens.colorBrandBackground,
    ...shorthands.borderColor("transparent"),
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": {
      backgroundColor: tokens.colorBrandBackgroundHover,
      ...shorthands.borderColor("transparent"),
      color: tokens.colorNeutralForegroundOnBrand,
    },
    ":hover:active": {
      backgroundColor: tokens.colorBrandBackgroundPressed,
      ...shorthands.borderColor("transparent"),
      color: tokens.colorNeutralForegroundOnBrand,
    },
  },
  subtle: {
    backgroundColor: tokens.colorSubtleBackground,
    ...shorthands.borderColor("transparent"),
    color: tokens.colorNeutralForeground2,
    ":hover": {
      backgroundColor: tokens.colorSubtleBackgroundHover,
      ...shorthands.borderColor("transparent"),
      color: tokens.colorNeutralForeground2Hover,
    },
    ":hover:active": {
      backgroundColor: tokens.colorSubtleBackgroundPressed,
      ...shorthands.borderColor("transparent"),
      color: tokens.colorNeutralForeground2Pressed,
    },
  },
  disabled: {
    cursor: "not-allowed",
    backgroundColor: tokens.colorNeutralBackgroundDisabled,
    ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
    color: tokens.colorNeutralForegroundDisabled,
    ":hover": {
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
      color: tokens.colorNeutralForegroundDisabled,
    },
    ":hover:active": {
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
      color: tokens.colorNeutralForegroundDisabled,
    },
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
