import { DateTime } from '@/app/components/date-time'
import { Badge } from '@/app/components/ui/badge'
import { Button } from '@/app/components/ui/button'
import { Table, TableCell, TableHeaderCell } from '@/app/components/ui/table'
import { ROLE_LABELS } from '@/app/features/users/role-labels'
import { UserScope } from '@/app/features/users/user-scope'
import type { User } from '@/domain/schema/auth'

export type UserAction = 'edit' | 'toggle' | 'password'

/**
 * Every account: who, their role and scope, whether they may sign in, when they last did, and
 * what an admin can do to it. Names and emails are text (React escapes them).
 */
export function UsersTable({
  users,
  busyId,
  onAction,
}: {
  users: readonly User[]
  /** The user whose Disable or Enable is on its way. */
  busyId: number | undefined
  onAction: (action: UserAction, user: User, opener: HTMLElement) => void
}) {
  return (
    <Table caption="Users" framed className="text-sm">
      <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
        <tr>
          <TableHeaderCell>Email</TableHeaderCell>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Role</TableHeaderCell>
          <TableHeaderCell>Scope</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell nowrap>Last sign-in</TableHeaderCell>
          <TableHeaderCell>
            <span className="sr-only">Actions</span>
          </TableHeaderCell>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {users.map((user) => (
          <tr key={user.id}>
            <TableCell className="break-words">
              {user.email}
              {user.source === 'sso' ? (
                <Badge tone="outline" className="ml-2">
                  SSO
                </Badge>
              ) : null}
            </TableCell>
            <TableCell className="break-words">{user.name}</TableCell>
            <TableCell>{ROLE_LABELS[user.role]}</TableCell>
            <TableCell>
              <UserScope user={user} />
            </TableCell>
            <TableCell>
              <Badge tone={user.disabled ? 'warning' : 'success'}>
                {user.disabled ? 'Disabled' : 'Active'}
              </Badge>
            </TableCell>
            <TableCell nowrap>
              {user.lastSignInAt === undefined ? 'Never' : <DateTime ms={user.lastSignInAt} />}
            </TableCell>
            <TableCell>
              <div className="flex flex-wrap gap-1.5">
                <Button
                  size="sm"
                  aria-label={`Edit ${user.email}`}
                  onClick={(event) => onAction('edit', user, event.currentTarget)}
                >
                  Edit
                </Button>
                <Button
                  size="sm"
                  aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
                  disabled={busyId === user.id}
                  onClick={(event) => onAction('toggle', user, event.currentTarget)}
                >
                  {user.disabled ? 'Enable' : 'Disable'}
                </Button>
                <Button
                  size="sm"
                  aria-label={`Reset password of ${user.email}`}
                  onClick={(event) => onAction('password', user, event.currentTarget)}
                >
                  Reset password
                </Button>
              </div>
            </TableCell>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
