import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react'

/**
 * Which hosts' images the reader has asked to see in this conversation. A remote image tells
 * whoever wrote the message who opened it and when, so none loads until the reader asks
 * ("Load images from example.com"); the answer holds for the conversation for the rest of the
 * browser session (sessionStorage), and the image comes through our server (`/api/image`).
 */
export interface RemoteImages {
  allowed: (host: string) => boolean
  allow: (host: string) => void
}

const STORAGE_KEY = 'cv.remoteImages'

type Consent = Record<string, string[]>

function readConsent(): Consent {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? '{}')
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    const consent: Consent = {}
    for (const [id, hosts] of Object.entries(parsed)) {
      if (Array.isArray(hosts)) consent[id] = hosts.filter((h) => typeof h === 'string')
    }
    return consent
  } catch {
    return {}
  }
}

function hostsFor(conversationId: string): string[] {
  return readConsent()[conversationId] ?? []
}

function remember(conversationId: string, hosts: string[]): void {
  try {
    const consent = readConsent()
    consent[conversationId] = hosts
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(consent))
  } catch {
    // Storage full or refused: the consent still holds until the page is left.
  }
}

const RemoteImagesContext = createContext<RemoteImages | undefined>(undefined)

export function RemoteImagesProvider({
  conversationId,
  children,
}: {
  conversationId: string
  children: ReactNode
}) {
  const [state, setState] = useState(() => ({ conversationId, hosts: hostsFor(conversationId) }))
  // Another conversation opened in the same page: its own consent, read afresh.
  const hosts = state.conversationId === conversationId ? state.hosts : hostsFor(conversationId)
  if (state.conversationId !== conversationId) setState({ conversationId, hosts })
  const allow = useCallback((host: string) => {
    setState((prev) => {
      if (prev.hosts.includes(host)) return prev
      const next = [...prev.hosts, host]
      remember(prev.conversationId, next)
      return { conversationId: prev.conversationId, hosts: next }
    })
  }, [])
  const value = useMemo<RemoteImages>(
    () => ({ allowed: (host) => hosts.includes(host), allow }),
    [hosts, allow],
  )
  return <RemoteImagesContext value={value}>{children}</RemoteImagesContext>
}

/** The conversation's consent; outside a conversation, a consent that lasts while shown. */
export function useRemoteImages(): RemoteImages {
  const shared = use(RemoteImagesContext)
  const [hosts, setHosts] = useState<string[]>([])
  const local = useMemo<RemoteImages>(
    () => ({
      allowed: (host) => hosts.includes(host),
      allow: (host) => setHosts((prev) => (prev.includes(host) ? prev : [...prev, host])),
    }),
    [hosts],
  )
  return shared ?? local
}
