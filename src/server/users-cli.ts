import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { newUserBodySchema, passwordSchema, ROLES } from '@/domain/schema/auth'
import { describeIssue } from '@/domain/schema/search-request'
import { loadConfig } from '@/server/config'
import { HttpError } from '@/server/http/http-error'
import { openWorkspace, type Workspace } from '@/server/workspace/workspace'

const USAGE = `usage: npm run users -- <command>
  add <email> --role <${ROLES.join('|')}> [--name NAME] [--agent-id ID] [--agent-groups ID,ID] [--skills ID,ID]
                          the password is read from standard input (typed, or piped: echo "$PW" | ...)
  list                    every account, its role, scope and status
  disable <email>         the account can no longer sign in; its open sessions end now
  enable <email>
  set-password <email>    a new password from standard input; every session of the account ends
(env WORKSPACE_PATH, default workspace.db beside the archive)`

/** The password: a line from a pipe, or typed at a terminal without being echoed. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin
  if (!input.isTTY) {
    const chunks: Buffer[] = []
    for await (const chunk of input) chunks.push(Buffer.from(chunk as Uint8Array))
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
  }
  process.stderr.write(prompt)
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() })
  const rl = createInterface({ input, output: silent, terminal: true })
  const line = await new Promise<string>((resolve) => rl.once('line', resolve))
  rl.close()
  process.stderr.write('\n')
  return line
}

const listOf = (value: string | undefined) =>
  value === undefined
    ? []
    : value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)

function userByEmail(workspace: Workspace, email: string | undefined) {
  if (!email) throw new Error(USAGE)
  const user = workspace.users.byEmail(email)
  if (!user) throw new Error(`${email}: no such account`)
  return user
}

const CLI_AUDIT = { actor: 'users-cli', ip: null, userAgent: null }

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      'agent-id': { type: 'string' },
      'agent-groups': { type: 'string' },
      skills: { type: 'string' },
    },
  })
  const [command, email] = positionals
  if (!command) throw new Error(USAGE)
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const config = loadConfig(process.env, root)
  const workspace = openWorkspace(config.workspacePath, { sessionSecret: config.sessionSecret })
  try {
    switch (command) {
      case 'add': {
        const password = await readPassword('Password: ')
        const parsed = newUserBodySchema.safeParse({
          email,
          name: values.name,
          role: values.role,
          agentId: values['agent-id'],
          agentGroups: listOf(values['agent-groups']),
          skills: listOf(values.skills),
          password,
        })
        if (!parsed.success) throw new Error(describeIssue(parsed.error).message)
        const user = await workspace.users.add(parsed.data)
        workspace.audit.record(CLI_AUDIT, {
          action: 'user-added',
          target: user.email,
          detail: { role: user.role, agentGroups: user.agentGroups, skills: user.skills },
        })
        console.log(`Added ${user.email} (${user.role})`)
        break
      }
      case 'list': {
        for (const user of workspace.users.list()) {
          const scope = [
            user.agentId ? `agent ${user.agentId}` : '',
            user.agentGroups.length ? `groups ${user.agentGroups.join(',')}` : '',
            user.skills.length ? `skills ${user.skills.join(',')}` : '',
          ]
            .filter(Boolean)
            .join('; ')
          console.log(
            [user.email, user.role, user.disabled ? 'disabled' : 'active', user.source, scope]
              .filter(Boolean)
              .join('\t'),
          )
        }
        break
      }
      case 'disable':
      case 'enable': {
        const user = userByEmail(workspace, email)
        workspace.users.update(user.id, { disabled: command === 'disable' })
        workspace.audit.record(CLI_AUDIT, {
          action: 'user-changed',
          target: user.email,
          detail: { disabled: { from: user.disabled, to: command === 'disable' } },
        })
        console.log(`${user.email}: ${command === 'disable' ? 'disabled' : 'enabled'}`)
        break
      }
      case 'set-password': {
        const user = userByEmail(workspace, email)
        const parsed = passwordSchema.safeParse(await readPassword('New password: '))
        if (!parsed.success) throw new Error(describeIssue(parsed.error, 'password').message)
        await workspace.users.setPassword(user.id, parsed.data)
        workspace.audit.record(CLI_AUDIT, { action: 'password-changed', target: user.email })
        console.log(`${user.email}: password changed; every session of the account has ended`)
        break
      }
      default:
        throw new Error(USAGE)
    }
  } finally {
    workspace.close()
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  const message =
    error instanceof HttpError || error instanceof Error
      ? error.message
      : error instanceof z.ZodError
        ? error.message
        : String(error)
  console.error(message)
  process.exit(message === USAGE ? 2 : 1)
})
