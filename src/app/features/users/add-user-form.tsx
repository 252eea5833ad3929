import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { Button } from '@/app/components/ui/button'
import { formFailure } from '@/app/features/users/form-failure'
import { newUserBody } from '@/app/features/users/form-values'
import { RoleField } from '@/app/features/users/role-field'
import { ScopeFields } from '@/app/features/users/scope-fields'
import { TextField } from '@/app/features/users/text-field'
import { addUser, userQueries } from '@/app/features/users/user-queries'
import { PASSWORD_MIN } from '@/domain/schema/auth'
import { FormAlert } from '@/app/features/users/form-alert'

const FIELDS = ['email', 'name', 'role', 'password', 'agentId', 'agentGroups', 'skills'] as const

/** "Add user": a local account with a role, a scope and a first password. */
export function AddUserForm() {
  const id = useId()
  const queryClient = useQueryClient()
  const [added, setAdded] = useState('')
  // A new key after each added user: an empty form, the role back to its default.
  const [formKey, setFormKey] = useState(0)
  const add = useMutation({
    mutationFn: (form: FormData) => addUser(newUserBody(form)),
    onSuccess: async ({ user }) => {
      setFormKey((key) => key + 1)
      setAdded(`Added ${user.email}.`)
      await queryClient.invalidateQueries({ queryKey: userQueries.all() })
    },
    onError: (error) => {
      // The field the answer names gets focus, so its message is read out.
      const { field } = formFailure(error, FIELDS)
      if (field) document.getElementById(`${id}-${field}`)?.focus()
    },
  })
  const failure = formFailure(add.error, FIELDS)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setAdded('')
    add.mutate(new FormData(event.currentTarget))
  }
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Add user
      </h2>
      <form key={formKey} onSubmit={onSubmit} noValidate className="mt-3 space-y-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <TextField
            idPrefix={id}
            name="email"
            label="Email"
            type="email"
            autoComplete="off"
            required
            failure={failure}
          />
          <TextField idPrefix={id} name="name" label="Name" autoComplete="off" failure={failure} />
          <RoleField idPrefix={id} defaultRole="reviewer" failure={failure} />
          <TextField
            idPrefix={id}
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={`${String(PASSWORD_MIN)} characters or more`}
            required
            failure={failure}
          />
        </div>
        <ScopeFields idPrefix={id} failure={failure} />
        <FormAlert failure={failure} />
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={add.isPending}>
            Add user
          </Button>
          <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
            {added}
          </p>
        </div>
      </form>
    </section>
  )
}
