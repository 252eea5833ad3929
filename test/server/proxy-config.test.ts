import { describe, expect, it } from 'vitest'
import { proxyConfigFromEnv } from '@/server/upstream/proxy'

const oauthEnv = {
  LP_ACCOUNT_ID: '12345678',
  LP_APP_KEY: 'app-key-1111',
  LP_APP_SECRET: 'app-secret-2222',
  LP_ACCESS_TOKEN: 'access-token-3333',
  LP_ACCESS_TOKEN_SECRET: 'access-secret-4444',
}

function errorOf(fn: () => unknown): Error {
  try {
    fn()
  } catch (error) {
    if (error instanceof Error) return error
    throw new Error('threw a non-Error', { cause: error })
  }
  throw new Error('did not throw')
}

describe('proxyConfigFromEnv', () => {
  it('reads a bearer setup with the defaults', () => {
    expect(proxyConfigFromEnv({ LP_ACCOUNT_ID: '12345678', LP_BEARER_TOKEN: 'tok' })).toEqual({
      accountId: '12345678',
      auth: { kind: 'bearer', token: 'tok' },
      domainApiBase: 'https://api.liveperson.net',
      source: 'ConvViewer',
      timeoutMs: 30000,
    })
  })

  it('reads a full OAuth 1.0 setup and the optional settings', () => {
    const config = proxyConfigFromEnv({
      ...oauthEnv,
      LP_MSGHIST_DOMAIN: 'va.msghist.liveperson.net',
      LP_DOMAIN_API_BASE: 'https://api.liveperson.net',
      LP_SOURCE: 'Acme_Viewer_Hist',
      LP_TIMEOUT_MS: '5000',
    })
    expect(config).toEqual({
      accountId: '12345678',
      auth: {
        kind: 'oauth1',
        appKey: 'app-key-1111',
        appSecret: 'app-secret-2222',
        accessToken: 'access-token-3333',
        accessTokenSecret: 'access-secret-4444',
      },
      msgHistDomain: 'va.msghist.liveperson.net',
      domainApiBase: 'https://api.liveperson.net',
      source: 'Acme_Viewer_Hist',
      timeoutMs: 5000,
    })
  })

  it('gives undefined (no proxy mode) when the account or the credentials are missing', () => {
    expect(proxyConfigFromEnv({})).toBeUndefined()
    expect(proxyConfigFromEnv({ LP_ACCOUNT_ID: '12345678' })).toBeUndefined()
    expect(proxyConfigFromEnv({ LP_BEARER_TOKEN: 'tok' })).toBeUndefined()
    expect(proxyConfigFromEnv({ LP_ACCOUNT_ID: '  ', LP_BEARER_TOKEN: 'tok' })).toBeUndefined()
    expect(proxyConfigFromEnv({ LP_ACCOUNT_ID: '12345678', LP_BEARER_TOKEN: '' })).toBeUndefined()
  })

  it('names the missing OAuth variables, and never prints a value', () => {
    const error = errorOf(() =>
      proxyConfigFromEnv({
        LP_ACCOUNT_ID: '12345678',
        LP_APP_KEY: 'app-key-1111',
        LP_ACCESS_TOKEN: 'access-token-3333',
      }),
    )
    expect(error.message).toContain('LP_APP_SECRET')
    expect(error.message).toContain('LP_ACCESS_TOKEN_SECRET')
    expect(error.message).not.toContain('app-key-1111')
    expect(error.message).not.toContain('access-token-3333')
  })

  it('rejects partial credentials even without an account id', () => {
    expect(() => proxyConfigFromEnv({ LP_APP_KEY: 'app-key-1111' })).toThrow(/LP_APP_SECRET/)
  })

  it('rejects both kinds of credentials at once', () => {
    const error = errorOf(() => proxyConfigFromEnv({ ...oauthEnv, LP_BEARER_TOKEN: 'tok-5555' }))
    expect(error.message).toContain('LP_BEARER_TOKEN')
    for (const value of [...Object.values(oauthEnv), 'tok-5555']) {
      if (value !== '12345678') expect(error.message).not.toContain(value)
    }
  })

  it.each([
    ['LP_SOURCE', { LP_SOURCE: 'ThisSourceIsMuchTooLong' }],
    ['LP_SOURCE', { LP_SOURCE: 'has space' }],
    ['LP_TIMEOUT_MS', { LP_TIMEOUT_MS: 'soon' }],
    ['LP_TIMEOUT_MS', { LP_TIMEOUT_MS: '-250' }],
    ['LP_DOMAIN_API_BASE', { LP_DOMAIN_API_BASE: 'ftp://api.liveperson.net' }],
    ['LP_MSGHIST_DOMAIN', { LP_MSGHIST_DOMAIN: 'va.msghist.liveperson.net/evil?x' }],
    ['LP_ACCOUNT_ID', { LP_ACCOUNT_ID: '123/../456' }],
  ])('names %s when its value is malformed', (name, extra) => {
    const error = errorOf(() =>
      proxyConfigFromEnv({ LP_ACCOUNT_ID: '12345678', LP_BEARER_TOKEN: 'tok-5555', ...extra }),
    )
    expect(error.message).toContain(name)
    expect(error.message).not.toContain('tok-5555')
    for (const value of Object.values(extra)) expect(error.message).not.toContain(value)
  })

  it('accepts a 20-character source and an http(s) msgHist URL', () => {
    const config = proxyConfigFromEnv({
      LP_ACCOUNT_ID: '12345678',
      LP_BEARER_TOKEN: 'tok',
      LP_SOURCE: 'A'.repeat(20),
      LP_MSGHIST_DOMAIN: 'http://127.0.0.1:9999',
    })
    expect(config?.source).toHaveLength(20)
    expect(config?.msgHistDomain).toBe('http://127.0.0.1:9999')
  })
})
