package appservice

import (
	"context"

	"qbsettings/backend/locale"
)

// LocaleChoice is the window's English: the one the user chose (empty
// when the app follows the system's), the system's, and the one in use.
type LocaleChoice struct {
	Chosen locale.Locale
	System locale.Locale
	InUse  locale.Locale
}

// LocaleChoice says the window's English, changing nothing.
func (s *Service) LocaleChoice(ctx context.Context) (LocaleChoice, error) {
	tag, err := s.store.ChosenLocale(ctx)
	if err != nil {
		return LocaleChoice{}, s.storeFailure(reading, err)
	}
	chosen, _ := locale.Parse(tag) // a value this version does not know: the system's
	return choiceOf(chosen), nil
}

// UseChosenLocale makes the process speak the locale the user chose in
// the window, or the system's; the window calls it as it opens.
func (s *Service) UseChosenLocale(ctx context.Context) (LocaleChoice, error) {
	c, err := s.LocaleChoice(ctx)
	if err == nil {
		locale.Use(c.InUse)
	}
	return c, err
}

// ChooseLocale remembers the user's locale ("" follows the system's) and
// speaks it from now on.
func (s *Service) ChooseLocale(ctx context.Context, tag string) (LocaleChoice, error) {
	chosen, ok := locale.Parse(tag)
	if !ok && tag != "" {
		return LocaleChoice{}, &UserError{Said: saidUnknownLanguage.With(tag)}
	}
	if err := s.store.ChooseLocale(ctx, string(chosen)); err != nil {
		return LocaleChoice{}, s.storeFailure(writing, err)
	}
	s.log.Info("locale chosen", "locale", chosen)
	c := choiceOf(chosen)
	locale.Use(c.InUse)
	return c, nil
}

// choiceOf is the choice of chosen ("": the system's).
func choiceOf(chosen locale.Locale) LocaleChoice {
	c := LocaleChoice{Chosen: chosen, System: locale.FromSystem(), InUse: chosen}
	if chosen == "" {
		c.InUse = c.System
	}
	return c
}
