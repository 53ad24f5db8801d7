// Command fields-json prints the settings' description (settings.Specs) as
// the bound FieldDescriptions call returns it. make writes it next to the
// generated bindings, for the frontend's tests, which run without Go.
package main

import (
	"encoding/json"
	"os"

	"qbsettings/backend/settings"
)

func main() {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(settings.Specs()); err != nil {
		os.Exit(1)
	}
}
