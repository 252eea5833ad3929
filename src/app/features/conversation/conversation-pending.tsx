export function ConversationPending() {
  return (
    <p role="status" className="py-12 text-slate-600 dark:text-slate-400">
      Loading the conversation…
    </p>
  )
}
