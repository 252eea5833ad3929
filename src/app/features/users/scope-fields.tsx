import type { FormFailure } from '@/app/features/users/form-failure'
import { TextField } from '@/app/features/users/text-field'
import type { User } from '@/domain/schema/auth'

const LIST_HINT = 'Comma-separated IDs'

/** Agent ID, agent groups and skills: which conversations the user may read. */
export function ScopeFields({
  idPrefix,
  user,
  failure,
}: {
  idPrefix: string
  user?: User
  failure: FormFailure
}) {
  return (
    <fieldset className="grid gap-3 sm:grid-cols-3">
      <legend className="mb-1 text-sm font-semibold text-slate-800 dark:text-slate-200">
        Scope
      </legend>
      <TextField
        idPrefix={idPrefix}
        name="agentId"
        label="Agent ID"
        hint="Their own LivePerson agent ID"
        defaultValue={user?.agentId ?? ''}
        autoComplete="off"
        failure={failure}
      />
      <TextField
        idPrefix={idPrefix}
        name="agentGroups"
        label="Agent groups"
        hint={LIST_HINT}
        defaultValue={user?.agentGroups.join(', ') ?? ''}
        autoComplete="off"
        failure={failure}
      />
      <TextField
        idPrefix={idPrefix}
        name="skills"
        label="Skills"
        hint={LIST_HINT}
        defaultValue={user?.skills.join(', ') ?? ''}
        autoComplete="off"
        failure={failure}
      />
    </fieldset>
  )
}
