import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { z } from 'zod'
import { rootRoute } from '@/app/routes/root'

const DEFAULT_NEXT = '/conversations'

/**
 * Where to go after signing in: a path on this site, nothing else. `//host` and `/\host` are
 * other sites to a browser, which also drops tabs and newlines from a URL (`/\t/host`).
 */
const SAME_ORIGIN_PATH = /^\/(?![/\\])[^\s\\]*$/

export const signInSearchSchema = z.object({
  next: z.string().regex(SAME_ORIGIN_PATH).default(DEFAULT_NEXT).catch(DEFAULT_NEXT),
})

/**
 * `/sign-in?next=…`: the sign-in form. Someone signed in already (or a server without sign-in)
 * goes straight on to `next`; the page decides, with a fresh answer from the server.
 */
export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: signInSearchSchema,
  component: lazyRouteComponent(() => import('@/app/features/auth/sign-in-page'), 'SignInPage'),
})
