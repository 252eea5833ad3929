import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import { z } from 'zod'
import { Button } from '@/app/components/ui/button'
import { errorMessage } from '@/app/lib/error-message'
import { requestJson } from '@/app/lib/http'
import type { User } from '@/domain/schema/auth'

/**
 * The signed-in user's name in the header; it opens a panel with their email, role and "Sign
 * out". A disclosure (not a menu): Tab reaches what it shows, Escape or leaving it closes it.
 */
export function UserMenu({ user }: { user: User }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const router = useRouter()
  const queryClient = useQueryClient()
  const signOut = useMutation({
    mutationFn: () => requestJson('/api/session', z.unknown(), { method: 'DELETE' }),
    onSuccess: async () => {
      await router.navigate({ to: '/sign-in' })
      // Nothing this user read stays behind for whoever signs in next on this browser.
      void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== 'session' })
    },
  })
  // On both buttons, the only things in it that take focus.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'Escape' || !open) return
    event.stopPropagation()
    setOpen(false)
    buttonRef.current?.focus()
  }
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false)
  }
  return (
    <div className="relative" onBlur={onBlur}>
      <Button
        ref={buttonRef}
        variant="ghost"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onKeyDown={onKeyDown}
        onClick={() => setOpen((value) => !value)}
      >
        {user.name || user.email}
        <span aria-hidden="true">▾</span>
      </Button>
      {open ? (
        <div
          id={`${id}-panel`}
          // A click on its text keeps it open (focus stays inside, see onBlur).
          tabIndex={-1}
          className="absolute right-0 z-20 mt-2 w-72 rounded-md border outline-none border-slate-200 bg-white p-4 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-600 dark:text-slate-400">Email</dt>
            <dd className="break-all text-slate-900 dark:text-slate-100">{user.email}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Role</dt>
            <dd className="text-slate-900 capitalize dark:text-slate-100">{user.role}</dd>
          </dl>
          <Button
            className="mt-3 w-full"
            disabled={signOut.isPending}
            onKeyDown={onKeyDown}
            onClick={() => signOut.mutate()}
          >
            Sign out
          </Button>
          {signOut.isError ? (
            <p role="alert" className="mt-2 text-red-700 dark:text-red-400">
              Signing out failed: {errorMessage(signOut.error)}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
