import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Role } from '../../shared/mutations';

/** Languages the interface is translated into. */
export const uiLocales = ['en', 'zh', 'ar'] as const;
/** An interface language. */
export type UiLocale = (typeof uiLocales)[number];

type SettingsState = {
  locale: UiLocale;
  /**
   * Who this device acts as until accounts arrive with the hub: the role, and for an instructor
   * or trainee the person (their own sessions, their own records). Shapes navigation; the
   * mutations check it.
   */
  role: Role;
  personId: string;
  deviceId: string;
  setLocale: (locale: UiLocale) => void;
  actAs: (role: Role, personId?: string) => void;
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
      personId: '',
      deviceId: globalThis.crypto?.randomUUID?.() ?? 'device',
      setLocale: (locale) => set({ locale }),
      actAs: (role, personId = '') => set({ role, personId }),
    }),
    { name: 'apogee.settings', version: 1 },
  ),
);
