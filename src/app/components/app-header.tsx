import { Link } from '@tanstack/react-router'

export function AppHeader() {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-[1600px] items-center gap-4 px-4 py-3">
        <Link to="/conversations" className="text-lg font-semibold text-slate-900 dark:text-white">
          Conversation Viewer
        </Link>
      </div>
    </header>
  )
}
