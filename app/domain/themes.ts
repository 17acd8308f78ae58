/** The ten speerpunten (focus points) that regional plans work on. Keys are stored; labels are shown. */
export const THEMES = [
  { key: 'instroom', nl: 'Instroom en techniekpromotie', en: 'Intake and promoting technology' },
  { key: 'lob', nl: 'Loopbaanoriëntatie en -begeleiding (LOB)', en: 'Career orientation and guidance' },
  { key: 'leerlijnen', nl: 'Doorlopende leerlijnen vmbo–mbo', en: 'Continuous learning paths vmbo–mbo' },
  { key: 'docenten', nl: 'Docentprofessionalisering en behoud van techniekdocenten', en: 'Teacher development and retention' },
  { key: 'bedrijfsleven', nl: 'Samenwerking met het bedrijfsleven', en: 'Working with businesses' },
  { key: 'faciliteiten', nl: 'Faciliteiten, machines en gedeelde infrastructuur', en: 'Facilities, machines and shared infrastructure' },
  { key: 'profielen', nl: 'Techniek in niet-technische profielen, TL/mavo, vmbo Groen', en: 'Technology in non-technical tracks' },
  { key: 'innovatie', nl: 'Innovatie en actualiteit', en: 'Innovation and current topics' },
  { key: 'po', nl: 'Samenwerking met het primair onderwijs', en: 'Working with primary education' },
  { key: 'governance', nl: 'Regionale organisatie, governance en borging', en: 'Regional organisation and governance' },
] as const;

export type ThemeKey = (typeof THEMES)[number]['key'];
export const THEME_KEYS = THEMES.map((t) => t.key) as [ThemeKey, ...ThemeKey[]];

export function isThemeKey(value: string): value is ThemeKey {
  return (THEME_KEYS as readonly string[]).includes(value);
}

export function themeLabel(key: string, language: 'nl' | 'en'): string {
  const theme = THEMES.find((t) => t.key === key);
  return theme ? theme[language] : key;
}
