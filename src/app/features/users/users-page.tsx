import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { AdminPageError } from '@/app/components/admin-page-error'
import { PagePending } from '@/app/components/page-pending'
import { AddUserForm } from '@/app/features/users/add-user-form'
import { EditUserDialog } from '@/app/features/users/edit-user-dialog'
import { ResetPasswordDialog } from '@/app/features/users/reset-password-dialog'
import { changeUser, userQueries } from '@/app/features/users/user-queries'
import { UsersTable, type UserAction } from '@/app/features/users/users-table'
import { errorMessage } from '@/app/lib/error-message'
import type { User } from '@/domain/schema/auth'
import { useInteractiveMark } from '@/app/lib/interactive-mark'

type OpenDialog = { kind: 'edit' | 'password'; user: User } | undefined

/** `/users` (admins): every account, and adding, changing, disabling and resetting them. */
export function UsersPage() {
  useInteractiveMark()
  const list = useQuery(userQueries.list())
  const queryClient = useQueryClient()
  const [dialog, setDialog] = useState<OpenDialog>(undefined)
  const [notice, setNotice] = useState('')
  const openerRef = useRef<HTMLElement | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: userQueries.all() })
  const toggle = useMutation({
    mutationFn: (user: User) => changeUser(user.id, { disabled: !user.disabled }),
    onSuccess: async ({ user }) => {
      setNotice(`${user.email} is ${user.disabled ? 'disabled' : 'active'}.`)
      await refresh()
    },
  })
  const onAction = (action: UserAction, user: User, opener: HTMLElement) => {
    setNotice('')
    if (action === 'toggle') {
      toggle.mutate(user)
      return
    }
    openerRef.current = opener
    setDialog({ kind: action, user })
  }
  const close = () => setDialog(undefined)
  if (list.isPending) return <PagePending>Loading the users…</PagePending>
  if (list.isError) {
    return (
      <AdminPageError
        title="Users"
        forbidden="Only admins can manage users."
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    )
  }
  const { data } = list
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="text-slate-600 dark:text-slate-400">
          {`${String(data.users.length)} ${data.users.length === 1 ? 'user' : 'users'}`}
        </p>
      </div>
      <p role="status" className="text-sm text-slate-700 empty:hidden dark:text-slate-300">
        {notice}
      </p>
      {toggle.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {`${toggle.variables.disabled ? 'Enabling' : 'Disabling'} ${toggle.variables.email} failed: ${errorMessage(toggle.error)}`}
        </p>
      ) : null}
      <UsersTable
        users={data.users}
        busyId={toggle.isPending ? toggle.variables.id : undefined}
        onAction={onAction}
      />
      <AddUserForm />
      {dialog?.kind === 'edit' ? (
        <EditUserDialog
          user={dialog.user}
          onClose={close}
          returnFocusTo={openerRef}
          onSaved={async (user) => {
            close()
            setNotice(`Saved ${user.email}.`)
            await refresh()
          }}
        />
      ) : null}
      {dialog?.kind === 'password' ? (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={close}
          returnFocusTo={openerRef}
          onDone={() => {
            close()
            setNotice(`The password of ${dialog.user.email} is changed; their sessions have ended.`)
            void refresh()
          }}
        />
      ) : null}
    </div>
  )
}
