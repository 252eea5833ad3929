import { useSyncExternalStore } from 'react'
import { renderContext, serverSnapshotContext, type RenderContext } from '@/app/lib/render-context'
import { browserZone, UTC, type TimeZone, type TimeZoneSetting } from '@/app/lib/time'

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
/**
 * The clock the server renders a page in (issue 14): `local:<zone>` or `utc:<zone>`, where the
 * zone is the browser's own. Written once the app has the page (the browser's zone can change
 * between visits), and at once when the reader changes their choice; not before the first
 * paint, where asking `Intl` for the first time costs tens of milliseconds.
 */
export const ZONE_COOKIE = 'cv_tz'

export function rememberClockForServer(): void {
  writeZoneCookie(storedSetting())
}

function writeZoneCookie(setting: TimeZoneSetting) {
  try {
    document.cookie = `${ZONE_COOKIE}=${encodeURIComponent(`${setting}:${browserZone()}`)}; path=/; max-age=31536000; samesite=lax`
  } catch {
    // No document (a test without one): the next page load writes it.
  }
}

const storedSetting = (): TimeZoneSetting => (read(TIME_ZONE_KEY) === 'utc' ? 'utc' : 'local')

/** The zone this browser shows times in, from its own storage and clock. */
const browserTimeZone = (): TimeZone => (storedSetting() === 'utc' ? UTC : browserZone())

function zoneOf(context: RenderContext | undefined): TimeZone {
  if (!context) return browserTimeZone()
  return context.zoneSetting === 'utc' ? UTC : context.localZone
}

/**
 * The clock the user chose, read outside React (route loaders): its zone. The server's (the
 * reader's, from their cookie) on the server and while the browser loads a page rendered there.
 */
export function readTimeZone(): TimeZone {
  return zoneOf(renderContext())
}

/** The zone every time is shown in (UTC, or the reader's own), and the setter of the choice. */
export function useTimeZone(): [TimeZone, (setting: TimeZoneSetting) => void] {
  const zone = useSyncExternalStore(subscribe, browserTimeZone, () =>
    zoneOf(serverSnapshotContext()),
  )
  return [zone, setTimeZoneSetting]
}

function setTimeZoneSetting(next: TimeZoneSetting) {
  write(TIME_ZONE_KEY, next)
  writeZoneCookie(next)
}

/** The reader's choice itself (local or UTC), for the control that changes it. */
export function useTimeZoneSetting(): [TimeZoneSetting, (setting: TimeZoneSetting) => void] {
  const setting = useSyncExternalStore(
    subscribe,
    storedSetting,
    () => serverSnapshotContext()?.zoneSetting ?? storedSetting(),
  )
  return [setting, setTimeZoneSetting]
}

const noChange = () => () => undefined

/** The browser's own zone ("Local time (Europe/Berlin)"), the server's idea of it while hydrating. */
export function useLocalZone(): TimeZone {
  return useSyncExternalStore(
    noChange,
    browserZone,
    () => serverSnapshotContext()?.localZone ?? browserZone(),
  )
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
