import { useSyncExternalStore } from 'react'
import type { TimeZoneSetting } from '@/app/lib/time'

/**
 * User preferences kept in localStorage and shared by every component through
 * useSyncExternalStore (no context, no effects): the clock times are shown in, and the theme.
 */
type Listener = () => void
const listeners = new Set<Listener>()

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key)
    else window.localStorage.setItem(key, value)
  } catch {
    // Private mode or storage full: the preference lasts for this page only.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: Listener) {
  listeners.add(listener)
  const onStorage = () => listener()
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

const TIME_ZONE_KEY = 'cv.timeZone'
/** Also read by public/theme.js, which applies the theme before the app loads. */
const THEME_KEY = 'cv.theme'

/** The clock the user chose, read outside React too (route loaders). */
export function readTimeZone(): TimeZoneSetting {
  return read(TIME_ZONE_KEY) === 'utc' ? 'utc' : 'local'
}

export function useTimeZone(): [TimeZoneSetting, (zone: TimeZoneSetting) => void] {
  const zone = useSyncExternalStore(subscribe, readTimeZone, () => 'local' as const)
  return [zone, (next) => write(TIME_ZONE_KEY, next)]
}

/** `system` follows the operating system until the user picks light or dark. */
export type ThemeSetting = 'system' | 'light' | 'dark'

function themeSnapshot(): ThemeSetting {
  const value = read(THEME_KEY)
  return value === 'light' || value === 'dark' ? value : 'system'
}

export function useTheme(): [ThemeSetting, (theme: ThemeSetting) => void] {
  const theme = useSyncExternalStore(subscribe, themeSnapshot, () => 'system' as const)
  return [theme, (next) => write(THEME_KEY, next === 'system' ? null : next)]
}

/** Generic JSON preference (e.g. hidden table columns), validated by the caller. */
export function readPreference(key: string): string | null {
  return read(key)
}
export function writePreference(key: string, value: string | null) {
  write(key, value)
}
export function usePreference(key: string): string | null {
  return useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  )
}
