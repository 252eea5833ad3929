/**
 * A browser's side of a session, for server tests: keeps the cookies the server sets and sends
 * them back, with the Origin a page of this server would send.
 */
export interface SessionClient {
  cookies: Map<string, string>
  /** The `Set-Cookie` lines of the last answer, as sent. */
  lastSetCookie: string[]
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>
  signIn(email: string, password: string): Promise<Response>
}

export function sessionClient(base: string): SessionClient {
  const cookies = new Map<string, string>()
  const client: SessionClient = {
    cookies,
    lastSetCookie: [],
    async request(path, init = {}) {
      const { json, headers, ...rest } = init
      const res = await fetch(base + path, {
        redirect: 'manual',
        ...rest,
        method: rest.method ?? (json === undefined ? 'GET' : 'POST'),
        headers: {
          origin: base,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
          ...(cookies.size
            ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
            : {}),
          ...(headers as Record<string, string> | undefined),
        },
        body: json === undefined ? rest.body : JSON.stringify(json),
      })
      client.lastSetCookie = res.headers.getSetCookie()
      for (const line of client.lastSetCookie) {
        const [pair = '', ...attributes] = line.split(';')
        const at = pair.indexOf('=')
        const name = pair.slice(0, at).trim()
        const value = pair.slice(at + 1).trim()
        const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a))
        if (value === '' || expired) cookies.delete(name)
        else cookies.set(name, value)
      }
      return res
    },
    signIn: (email, password) => client.request('/api/session', { json: { email, password } }),
  }
  return client
}
