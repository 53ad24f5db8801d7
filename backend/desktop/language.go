package desktop

import (
	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
)

// Language is the window's English: the system's, or the one chosen.
type Language struct{ *shell }

// LocaleOption is a locale the window can speak, named in the one in use.
type LocaleOption struct {
	Tag  locale.Locale `json:"tag"`
	Name string        `json:"name"`
}

// LocaleInfo is the window's English: the one in use (a BCP 47 tag the
// web view formats dates with), the one chosen ("" when it follows the
// system's), the system's, and the choices.
type LocaleInfo struct {
	InUse   locale.Locale  `json:"inUse"`
	Chosen  locale.Locale  `json:"chosen"`
	System  locale.Locale  `json:"system"`
	Options []LocaleOption `json:"options"`
	Error   string         `json:"error"`
}

func (r *LocaleInfo) failWith(problem string) { r.Error = problem }

// Locale is the window's English now.
func (l *Language) Locale() LocaleInfo {
	return serveOr(l.shell, systemLocaleInfo(), func(svc *appservice.Service) LocaleInfo {
		c, err := svc.LocaleChoice(l.context())
		if err != nil {
			info := systemLocaleInfo()
			info.Error = windowMessage(err)
			return info
		}
		return toLocaleInfo(c)
	})
}

// ChooseLocale makes the window speak tag from now on, remembered for the
// next start; "" follows the system's English again. The web view then
// loads its words and the form anew.
func (l *Language) ChooseLocale(tag string) LocaleInfo {
	return serve(l.shell, func(svc *appservice.Service) LocaleInfo {
		c, err := svc.ChooseLocale(l.context(), tag)
		if err != nil {
			info := l.Locale()
			info.Error = windowMessage(err)
			return info
		}
		return toLocaleInfo(c)
	})
}

// systemLocaleInfo is the English the window speaks when nothing was chosen.
func systemLocaleInfo() LocaleInfo {
	return toLocaleInfo(appservice.LocaleChoice{System: locale.FromSystem(), InUse: locale.Current()})
}

func toLocaleInfo(c appservice.LocaleChoice) LocaleInfo {
	info := LocaleInfo{InUse: c.InUse, Chosen: c.Chosen, System: c.System}
	for _, l := range locale.All() {
		info.Options = append(info.Options, LocaleOption{Tag: l, Name: l.Name()})
	}
	return info
}
