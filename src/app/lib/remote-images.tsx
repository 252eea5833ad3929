import { createContext, use, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'

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

function parseConsent(text: string | null): Consent {
  try {
    const parsed: unknown = JSON.parse(text ?? '{}')
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

/**
 * The consent as a store: the session's, or what this page added when the session's storage
 * refused it. A page rendered on the server knows none (issue 14): its first render in the
 * browser shows none either, then this browser's.
 */
let unsaved: string | undefined
const listeners = new Set<() => void>()

function storedConsent(): string | null {
  if (unsaved !== undefined) return unsaved
  try {
    return window.sessionStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

function remember(conversationId: string, host: string): void {
  const consent = parseConsent(storedConsent())
  const hosts = consent[conversationId] ?? []
  if (hosts.includes(host)) return
  consent[conversationId] = [...hosts, host]
  const text = JSON.stringify(consent)
  try {
    window.sessionStorage.setItem(STORAGE_KEY, text)
    unsaved = undefined
  } catch {
    // Storage full or refused: the consent still holds until the page is left.
    unsaved = text
  }
  for (const listener of listeners) listener()
}

const RemoteImagesContext = createContext<RemoteImages | undefined>(undefined)

export function RemoteImagesProvider({
  conversationId,
  children,
}: {
  conversationId: string
  children: ReactNode
}) {
  const text = useSyncExternalStore(subscribe, storedConsent, () => null)
  const value = useMemo<RemoteImages>(() => {
    const hosts = parseConsent(text)[conversationId] ?? []
    return {
      allowed: (host) => hosts.includes(host),
      allow: (host) => remember(conversationId, host),
    }
  }, [text, conversationId])
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
