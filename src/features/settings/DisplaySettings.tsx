import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApp } from '../../app/app-context';
import { THEMES, type Theme } from '../../app/preferences';
import { fetchCatalogue } from '../../i18n';
import { LANGUAGES, isLanguage } from '../../i18n/languages';

/** The interface language and the theme: both apply at once and are kept in this browser. */
export function DisplaySettings() {
  const { t } = useTranslation();
  const preferences = useApp().preferences;
  const language = useStore(preferences, (s) => s.language);
  const theme = useStore(preferences, (s) => s.theme);
  const wheelZooms = useStore(preferences, (s) => s.wheelZooms);
  const [failed, setFailed] = useState(false);
  const ids = { language: useId(), theme: useId() };
  // The other languages are fetched while the user reads the list, so the one chosen shows at once.
  useEffect(() => {
    for (const l of LANGUAGES) fetchCatalogue(l.code).catch(() => {});
  }, []);

  const chooseLanguage = (value: string) => {
    if (!isLanguage(value)) return;
    setFailed(false);
    preferences
      .getState()
      .setLanguage(value)
      .catch(() => setFailed(true));
  };

  return (
    <section className="settings-section form">
      <h3>{t('settings.display')}</h3>
      <label htmlFor={ids.language}>{t('settings.language')}</label>
      <select id={ids.language} className="input" value={language} onChange={(e) => chooseLanguage(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
      {failed ? <p role="alert">{t('settings.languageFailed')}</p> : null}
      <label htmlFor={ids.theme}>{t('settings.theme')}</label>
      <select
        id={ids.theme}
        className="input"
        value={theme}
        onChange={(e) => preferences.getState().setTheme(e.target.value as Theme)}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`settings.themes.${value}`)}
          </option>
        ))}
      </select>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={wheelZooms}
          onChange={(e) => preferences.getState().setWheelZooms(e.target.checked)}
        />
        {t('settings.wheelZooms')}
      </label>
    </section>
  );
}
