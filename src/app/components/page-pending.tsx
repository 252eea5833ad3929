/** What a page says while its data is on its way. */
export function PagePending({ children }: { children: string }) {
  return (
    <p role="status" className="py-12 text-slate-600 dark:text-slate-400">
      {children}
    </p>
  )
}
