import { createContext, ReactNode, useContext } from "react";
import { settings } from "../wailsjs/go/models";

// The settings' description from Go (settings.Specs, through the bound
// FieldDescriptions call): every label, help text and choice the form
// shows. The frontend spells none of them itself.
const FieldsContext = createContext<settings.Spec[] | null>(null);

export function FieldsProvider({ specs, children }: { specs: settings.Spec[]; children: ReactNode }) {
  return <FieldsContext.Provider value={specs}>{children}</FieldsContext.Provider>;
}

// useSpecs returns every setting's description, in the form's order.
export function useSpecs(): settings.Spec[] {
  const specs = useContext(FieldsContext);
  if (!specs) throw new Error("useSpecs outside FieldsProvider");
  return specs;
}

// useSpec returns one setting's description.
export function useSpec(field: settings.Field): settings.Spec {
  const spec = useSpecs().find((s) => s.key === field);
  if (!spec) throw new Error(`no description of the field ${field}`);
  return spec;
}
