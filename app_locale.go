package main

import (
	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
)

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

// Locale is the window's English now.
func (a *App) Locale() LocaleInfo {
	if a.service == nil {
		return toLocaleInfo(appservice.LocaleChoice{System: locale.FromSystem(), InUse: locale.Current()})
	}
	c, err := a.service.LocaleChoice(a.context())
	if err != nil {
		info := toLocaleInfo(appservice.LocaleChoice{System: locale.FromSystem(), InUse: locale.Current()})
		info.Error = appservice.MessageFor(err)
		return info
	}
	return toLocaleInfo(c)
}

// ChooseLocale makes the window speak tag from now on, remembered for the
// next start; "" follows the system's English again. The web view then
// loads its words and the form anew.
func (a *App) ChooseLocale(tag string) LocaleInfo {
	if a.service == nil {
		return LocaleInfo{Error: a.problem}
	}
	c, err := a.service.ChooseLocale(a.context(), tag)
	if err != nil {
		info := a.Locale()
		info.Error = appservice.MessageFor(err)
		return info
	}
	return toLocaleInfo(c)
}

func toLocaleInfo(c appservice.LocaleChoice) LocaleInfo {
	info := LocaleInfo{InUse: c.InUse, Chosen: c.Chosen, System: c.System}
	for _, l := range locale.All() {
		info.Options = append(info.Options, LocaleOption{Tag: l, Name: l.Name()})
	}
	return info
}
