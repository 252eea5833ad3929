import { useMutation } from '@tanstack/react-query'
import { useId, type FormEvent, type RefObject } from 'react'
import { Button } from '@/app/components/ui/button'
import { Dialog } from '@/app/components/ui/dialog'
import { formFailure } from '@/app/features/users/form-failure'
import { userPatchBody } from '@/app/features/users/form-values'
import { RoleField } from '@/app/features/users/role-field'
import { ScopeFields } from '@/app/features/users/scope-fields'
import { TextField } from '@/app/features/users/text-field'
import { changeUser } from '@/app/features/users/user-queries'
import type { User } from '@/domain/schema/auth'
import { FormAlert } from '@/app/features/users/form-alert'

const FIELDS = ['name', 'role', 'agentId', 'agentGroups', 'skills'] as const

/** Name, role and scope of one user, in a modal dialog; Save sends them, Escape or Cancel does not. */
export function EditUserDialog({
  user,
  onClose,
  onSaved,
  returnFocusTo,
}: {
  user: User
  onClose: () => void
  onSaved: (user: User) => Promise<void>
  returnFocusTo: RefObject<HTMLElement | null>
}) {
  const id = useId()
  const save = useMutation({
    mutationFn: (form: FormData) => changeUser(user.id, userPatchBody(form)),
    onSuccess: ({ user: saved }) => onSaved(saved),
    onError: (error) => {
      const { field } = formFailure(error, FIELDS)
      if (field) document.getElementById(`${id}-${field}`)?.focus()
    },
  })
  const failure = formFailure(save.error, FIELDS)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    save.mutate(new FormData(event.currentTarget))
  }
  return (
    <Dialog
      labelledBy={`${id}-heading`}
      onClose={onClose}
      returnFocusTo={returnFocusTo}
      className="max-w-2xl"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold break-all">
        Edit {user.email}
      </h2>
      <form onSubmit={onSubmit} noValidate className="mt-3 space-y-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            idPrefix={id}
            name="name"
            label="Name"
            defaultValue={user.name}
            autoComplete="off"
            failure={failure}
          />
          <RoleField idPrefix={id} defaultRole={user.role} failure={failure} />
        </div>
        <ScopeFields idPrefix={id} user={user} failure={failure} />
        <FormAlert failure={failure} />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
