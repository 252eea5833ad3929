import { describe, expect, it } from 'vitest'
import {
  hmacSha1Signature,
  normalizeParameters,
  oauth1AuthorizationHeader,
  percentEncode,
  signatureBaseString,
} from '@/server/upstream/oauth1'

describe('OAuth 1.0 signing (RFC 5849)', () => {
  it('percent-encodes everything but the unreserved characters (§3.6)', () => {
    expect(percentEncode('Ladies + Gentlemen')).toBe('Ladies%20%2B%20Gentlemen')
    expect(percentEncode('An encoded string!')).toBe('An%20encoded%20string%21')
    expect(percentEncode('Dogs, Cats & Mice')).toBe('Dogs%2C%20Cats%20%26%20Mice')
    expect(percentEncode("*'()~-._")).toBe('%2A%27%28%29~-._')
    expect(percentEncode('☃')).toBe('%E2%98%83')
  })

  // RFC 5849 §3.4.1.1 and §3.4.1.3.2: the request
  //   POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b  Host: example.com
  //   (form body) c2&a3=2+q
  const rfcUrl = new URL('http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b')
  const rfcParams: Array<[string, string]> = [
    ...rfcUrl.searchParams,
    ['c2', ''],
    ['a3', '2 q'],
    ['oauth_consumer_key', '9djdj82h48djs9d2'],
    ['oauth_token', 'kkk9d7dh3k39sjv7'],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', '137131201'],
    ['oauth_nonce', '7d8f3e4a'],
  ]

  it('normalizes parameters as in RFC 5849 §3.4.1.3.2', () => {
    expect(normalizeParameters(rfcParams)).toBe(
      'a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2' +
        '&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201' +
        '&oauth_token=kkk9d7dh3k39sjv7',
    )
  })

  it('builds the signature base string of RFC 5849 §3.4.1.1', () => {
    expect(signatureBaseString('post', rfcUrl, rfcParams)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q' +
        '%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_' +
        'key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m' +
        'ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk' +
        '9d7dh3k39sjv7',
    )
  })

  it('keeps a non-default port and lower-cases scheme and host in the base string URI', () => {
    const base = signatureBaseString('GET', new URL('HTTP://Example.COM:8080/r?x=1'), [])
    expect(base).toBe('GET&http%3A%2F%2Fexample.com%3A8080%2Fr&')
    const https = signatureBaseString('GET', new URL('https://example.com:443/r'), [])
    expect(https).toBe('GET&https%3A%2F%2Fexample.com%2Fr&')
  })

  // The widely used Twitter worked example ("Creating a signature").
  const twitter = {
    credentials: {
      appKey: 'xvz1evFS4wEEPTGEFPHBog',
      appSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
      accessToken: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
      accessTokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
    },
    nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
    timestamp: 1318622958,
    baseString:
      'POST&https%3A%2F%2Fapi.twitter.com%2F1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue' +
      '%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg' +
      '%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958' +
      '%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0' +
      '%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521',
  }

  it('computes the HMAC-SHA1 signature of the Twitter example', () => {
    expect(
      hmacSha1Signature(
        twitter.baseString,
        twitter.credentials.appSecret,
        twitter.credentials.accessTokenSecret,
      ),
    ).toBe('tnnArxj06cWHq44gCs1OSKk/jLY=')
  })

  it('produces the Twitter example Authorization header from the request itself', () => {
    // The same parameters as the example, sent in the query rather than a form body.
    const url = new URL(
      'https://api.twitter.com/1/statuses/update.json?include_entities=true' +
        '&status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21',
    )
    const header = oauth1AuthorizationHeader({
      method: 'POST',
      url,
      credentials: twitter.credentials,
      nonce: twitter.nonce,
      timestamp: twitter.timestamp,
    })
    expect(header).toBe(
      'OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", ' +
        'oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", ' +
        'oauth_signature="tnnArxj06cWHq44gCs1OSKk%2FjLY%3D", oauth_signature_method="HMAC-SHA1", ' +
        'oauth_timestamp="1318622958", ' +
        'oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"',
    )
  })

  it('uses a fresh nonce and the current time when none is given', () => {
    const url = new URL('https://va.msghist.liveperson.net/x?source=ConvViewer')
    const a = oauth1AuthorizationHeader({ method: 'POST', url, credentials: twitter.credentials })
    const b = oauth1AuthorizationHeader({ method: 'POST', url, credentials: twitter.credentials })
    const nonce = (h: string) => /oauth_nonce="([^"]+)"/.exec(h)?.[1]
    expect(nonce(a)).toBeTruthy()
    expect(nonce(a)).not.toBe(nonce(b))
    const timestamp = Number(/oauth_timestamp="(\d+)"/.exec(a)?.[1])
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(5)
    expect(a).not.toContain(twitter.credentials.appSecret)
    expect(a).not.toContain(twitter.credentials.accessTokenSecret)
  })
})
