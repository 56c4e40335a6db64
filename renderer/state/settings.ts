import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Role } from '../../shared/mutations';

/** Languages the interface is translated into. */
export const uiLocales = ['en', 'zh', 'ar'] as const;
/** An interface language. */
export type UiLocale = (typeof uiLocales)[number];

type SettingsState = {
  locale: UiLocale;
  role: Role;
  deviceId: string;
  setLocale: (locale: UiLocale) => void;
};

function initialLocale(): UiLocale {
  const wanted = (globalThis.navigator?.language ?? 'en').slice(0, 2);
  return (uiLocales as readonly string[]).includes(wanted) ? (wanted as UiLocale) : 'en';
}

/** Device preferences (language, acting role, device id), remembered in localStorage. */
export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      locale: initialLocale(),
      role: 'coordinator',
      deviceId: globalThis.crypto?.randomUUID?.() ?? 'device',
      setLocale: (locale) => set({ locale }),
    }),
    { name: 'apogee.settings', version: 1 },
  ),
);
