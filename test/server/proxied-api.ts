import { createUpstream, proxyConfigFromEnv } from '@/server/upstream/proxy'
import { startTestApi, type TestApi } from './api-harness'
import { startFakeUpstream, type FakeUpstream } from './fake-upstream'

/**
 * The real API in proxy mode, forwarding with a bearer token to a fake LivePerson (Domain API +
 * msgHist) on 127.0.0.1 that holds `records`; `fake.fetch` routes the liveperson.net host the
 * Domain API names to the fake.
 */
export async function startProxiedApi(options: {
  accountId: string
  bearerToken: string
  records: unknown[]
  workspace?: NonNullable<Parameters<typeof startTestApi>[0]>['workspace']
}): Promise<{ fake: FakeUpstream; api: TestApi }> {
  const fake = await startFakeUpstream({
    accountId: options.accountId,
    bearerToken: options.bearerToken,
    records: options.records,
  })
  const config = proxyConfigFromEnv({
    LP_ACCOUNT_ID: options.accountId,
    LP_BEARER_TOKEN: options.bearerToken,
    LP_DOMAIN_API_BASE: fake.baseUrl,
  })
  if (!config) throw new Error('proxy config expected')
  const api = await startTestApi({
    upstream: createUpstream(config, fake.fetch),
    accountId: options.accountId,
    workspace: options.workspace,
  })
  return { fake, api }
}
