import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { lazy, Suspense, useId } from 'react'
import { configQueries } from '@/app/lib/config-queries'
import {
  useLocalZone,
  useTheme,
  useTimeZoneSetting,
  type ThemeSetting,
} from '@/app/lib/preferences'

const SELECT_CLASSES =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:focus-visible:outline-blue-400'

const isTheme = (value: string): value is ThemeSetting =>
  value === 'system' || value === 'light' || value === 'dark'

/** Who is signed in (or that no one needs to be): loaded after the page's first script. */
const SessionControls = lazy(() =>
  import('@/app/components/session-controls').then((module) => ({
    default: module.SessionControls,
  })),
)

/**
 * Product name, the account and where its data comes from, the clock and theme switches, and who
 * is signed in.
 */
export function AppHeader() {
  const id = useId()
  const config = useQuery(configQueries.app())
  const [zone, setZone] = useTimeZoneSetting()
  const localZone = useLocalZone()
  const [theme, setTheme] = useTheme()
  return (
    <header className="border-b print:hidden border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link
          to="/conversations"
          className="rounded text-lg font-semibold text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-white"
        >
          Conversation Viewer
        </Link>
        {config.data ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Account{' '}
            <span className="font-mono text-slate-900 dark:text-slate-100">
              {config.data.accountId}
            </span>
            {' · '}
            <span
              className={
                config.data.mode === 'archive'
                  ? 'rounded bg-slate-100 px-1.5 py-0.5 text-slate-800 dark:bg-slate-800 dark:text-slate-200'
                  : 'rounded bg-violet-100 px-1.5 py-0.5 text-violet-900 dark:bg-violet-950 dark:text-violet-200'
              }
            >
              {config.data.mode === 'archive' ? 'Archive' : 'Live (LivePerson proxy)'}
            </span>
          </p>
        ) : null}
        <div className="ml-auto flex flex-wrap items-center gap-4 text-sm">
          <div className="flex items-center gap-2">
            <label htmlFor={`${id}-zone`} className="text-slate-700 dark:text-slate-300">
              Times in
            </label>
            <select
              id={`${id}-zone`}
              value={zone}
              onChange={(event) => setZone(event.target.value === 'utc' ? 'utc' : 'local')}
              className={SELECT_CLASSES}
            >
              <option value="local">Local time ({localZone})</option>
              <option value="utc">UTC</option>
            </select>
          </div>
          <div className="flex items-center gap-2">
            <label htmlFor={`${id}-theme`} className="text-slate-700 dark:text-slate-300">
              Theme
            </label>
            <select
              id={`${id}-theme`}
              value={theme}
              onChange={(event) => {
                if (isTheme(event.target.value)) setTheme(event.target.value)
              }}
              className={SELECT_CLASSES}
            >
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </div>
          <Suspense fallback={null}>
            <SessionControls />
          </Suspense>
        </div>
      </div>
    </header>
  )
}
