import { useMutation } from '@tanstack/react-query'
import { useId, type FormEvent, type RefObject } from 'react'
import { Button } from '@/app/components/ui/button'
import { Dialog } from '@/app/components/ui/dialog'
import { formFailure } from '@/app/features/users/form-failure'
import { passwordBody } from '@/app/features/users/form-values'
import { TextField } from '@/app/features/users/text-field'
import { setPassword } from '@/app/features/users/user-queries'
import { PASSWORD_MIN, type User } from '@/domain/schema/auth'
import { FormAlert } from '@/app/features/users/form-alert'

const FIELDS = ['password'] as const

/** Asks for a new password for one user; setting it ends every session they have. */
export function ResetPasswordDialog({
  user,
  onClose,
  onDone,
  returnFocusTo,
}: {
  user: User
  onClose: () => void
  onDone: () => void
  returnFocusTo: RefObject<HTMLElement | null>
}) {
  const id = useId()
  const reset = useMutation({
    mutationFn: (form: FormData) => setPassword(user.id, passwordBody(form)),
    onSuccess: onDone,
  })
  const failure = formFailure(reset.error, FIELDS)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    reset.mutate(new FormData(event.currentTarget))
  }
  return (
    <Dialog labelledBy={`${id}-heading`} onClose={onClose} returnFocusTo={returnFocusTo}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold break-all">
        Reset the password of {user.email}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Every session of this user ends; they sign in again with the new password.
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-3 space-y-4">
        <TextField
          idPrefix={id}
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`${String(PASSWORD_MIN)} characters or more`}
          required
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog asks for this one thing
          autoFocus
          failure={failure}
        />
        <FormAlert failure={failure} />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={reset.isPending}>
            Set password
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
