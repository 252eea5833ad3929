import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useRouter } from '@tanstack/react-router'
import { useEffect, type FormEvent } from 'react'
import { Button } from '@/app/components/ui/button'
import { LabeledInput } from '@/app/components/ui/labeled-input'
import { errorMessage } from '@/app/lib/error-message'
import { requestJson } from '@/app/lib/http'
import { sessionQueries } from '@/app/lib/session-queries'
import { sessionInfoSchema, signInBodySchema } from '@/domain/schema/auth'
import { useInteractiveMark } from '@/app/lib/interactive-mark'

const route = getRouteApi('/sign-in')

const formText = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/**
 * `/sign-in`: email and password (and SSO when the server has it). Signed in, the user lands on
 * `next`, the exact address (path, search, hash) that sent them here; so does someone who is
 * signed in already, or any visitor of a server without sign-in.
 */
export function SignInPage() {
  useInteractiveMark()
  const { next } = route.useSearch()
  const router = useRouter()
  const queryClient = useQueryClient()
  // Always asked again: a 401 that brought the user here means the session the cache knows ended.
  const session = useQuery({ ...sessionQueries.info(), refetchOnMount: 'always' })
  const signIn = useMutation({
    mutationFn: (form: FormData) =>
      requestJson('/api/session', sessionInfoSchema, {
        json: signInBodySchema.parse({
          email: formText(form, 'email'),
          password: formText(form, 'password'),
        }),
        // A 401 here is a wrong password, not an ended session.
        signInOn401: false,
      }),
    onSuccess: (info) => {
      // What was read (or refused) before belongs to no one now: read it again as this user.
      void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== 'session' })
      // With the user in it, the page goes on to `next` (above).
      queryClient.setQueryData(sessionQueries.info().queryKey, info)
    },
  })
  const signedIn =
    session.isFetchedAfterMount &&
    (session.data?.user !== undefined || session.data?.mode === 'local')
  useEffect(() => {
    // `href` keeps the path, search and hash of `next` as they are.
    if (signedIn) void router.navigate({ href: next, replace: true })
  }, [signedIn, next, router])
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    signIn.mutate(new FormData(event.currentTarget))
  }
  if (!session.isFetchedAfterMount || signedIn) {
    return (
      <p role="status" className="py-12 text-slate-600 dark:text-slate-400">
        {signedIn ? 'Signed in; opening the page…' : 'Checking whether you are signed in…'}
      </p>
    )
  }
  return (
    <section aria-labelledby="sign-in-heading" className="mx-auto mt-8 w-full max-w-sm">
      <h1 id="sign-in-heading" className="text-2xl font-semibold">
        Sign in
      </h1>
      <form
        onSubmit={onSubmit}
        className="mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
      >
        <LabeledInput
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          invalid={signIn.isError}
          describedBy={signIn.isError ? 'sign-in-error' : undefined}
        />
        <LabeledInput
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          invalid={signIn.isError}
          describedBy={signIn.isError ? 'sign-in-error' : undefined}
        />
        <div id="sign-in-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
          {signIn.isError ? errorMessage(signIn.error) : null}
        </div>
        <Button type="submit" variant="primary" disabled={signIn.isPending} className="w-full">
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {session.isError ? (
        <p role="status" className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          The server did not say how it signs people in: {errorMessage(session.error)}
        </p>
      ) : null}
      {session.data?.sso ? (
        <p className="mt-4 text-center">
          <a
            href={`/api/sso/start?${new URLSearchParams({ next }).toString()}`}
            className="inline-block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus-visible:outline-blue-400"
          >
            Sign in with SSO
          </a>
        </p>
      ) : null}
    </section>
  )
}
