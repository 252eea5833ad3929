import type { User } from '@/domain/schema/auth'

/** What a user may read, in words: their agent ID, agent groups and skills, or "None set". */
export function UserScope({ user }: { user: User }) {
  const parts = [
    user.agentId ? `Agent ID ${user.agentId}` : '',
    user.agentGroups.length > 0 ? `Agent groups ${user.agentGroups.join(', ')}` : '',
    user.skills.length > 0 ? `Skills ${user.skills.join(', ')}` : '',
  ].filter(Boolean)
  if (parts.length === 0) {
    return <span className="text-slate-600 dark:text-slate-400">None set</span>
  }
  return (
    <ul className="space-y-0.5">
      {parts.map((part) => (
        <li key={part} className="break-words">
          {part}
        </li>
      ))}
    </ul>
  )
}
