import { useEffect, type ReactNode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { AppRoot } from '@/app/app-root'
import { queriesSettled, createQueryClient } from '@/app/query-client'
import { createAppRouter } from '@/app/router'
import { setTransport } from '@/app/lib/http'
import { rememberClockForServer } from '@/app/lib/preferences'
import { setHydrationContext, setRenderContextSource } from '@/app/lib/render-context'
import {
  readPayload,
  replayTransport,
  SSR_PAYLOAD_ID,
  type SsrPayload,
} from '@/app/lib/ssr-handoff'
import './styles.css'

const queryClient = createQueryClient()
const router = createAppRouter({ queryClient })

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')

/** Calls `onCommit` once React has taken the page over (its first commit). */
function AfterFirstCommit({ children, onCommit }: { children: ReactNode; onCommit: () => void }) {
  useEffect(onCommit, [onCommit])
  return children
}

/**
 * A page the server rendered (issue 14): the same loaders run here, each request answered with
 * the server's answer, then React takes over the server's HTML instead of replacing it. Loaders
 * read the server's clock until React takes over; each part of the page then renders first with
 * the server's (its hooks' server snapshot), and with the browser's from there on.
 */
async function hydrate(element: HTMLElement, payload: SsrPayload) {
  let loading = true
  setRenderContextSource(() => (loading ? payload.context : undefined))
  setHydrationContext(payload.context)
  setTransport(replayTransport(payload.answers, (url, init) => fetch(url, init)))
  // What TanStack Router's own hydration sets: render the matches as the server did.
  router.ssr = { manifest: undefined }
  await router.load()
  await queriesSettled(queryClient)
  loading = false
  hydrateRoot(
    element,
    // Requests made from here on (a part that hydrates later asks for what it lacks) go out.
    <AfterFirstCommit
      onCommit={() => {
        setTransport(undefined)
        rememberClockForServer()
      }}
    >
      <AppRoot queryClient={queryClient} router={router} />
    </AfterFirstCommit>,
  )
}

const render = (element: HTMLElement) => {
  createRoot(element).render(
    <AfterFirstCommit onCommit={rememberClockForServer}>
      <AppRoot queryClient={queryClient} router={router} />
    </AfterFirstCommit>,
  )
}

if (document.getElementById(SSR_PAYLOAD_ID)) {
  // Started by /boot.js once the browser has painted the server's HTML (in dev, at once).
  const payload = readPayload(document)
  if (payload) {
    hydrate(root, payload).catch((error: unknown) => {
      // The route could not load here as it did on the server: the app renders it anew.
      console.error(error)
      render(root)
    })
  } else {
    // Unreadable (it never is, from this server): the app renders the page anew.
    render(root)
  }
} else {
  render(root)
}
