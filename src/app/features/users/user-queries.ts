import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { requestJson } from '@/app/lib/http'
import {
  userListSchema,
  userResponseSchema,
  type NewUser,
  type UserPatch,
} from '@/domain/schema/auth'

/** The accounts an admin manages: `GET /api/users` (403 for anyone else). */
export const userQueries = {
  all: () => ['users'] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list'],
      queryFn: ({ signal }) => requestJson('/api/users', userListSchema, { signal }),
    }),
}

/** `POST /api/users`: a new local account. */
export function addUser(body: NewUser) {
  return requestJson('/api/users', userResponseSchema, { json: body })
}

/** `PATCH /api/users/:id`: role, scope, name or disabled. */
export function changeUser(id: number, patch: UserPatch) {
  return requestJson(`/api/users/${String(id)}`, userResponseSchema, {
    method: 'PATCH',
    json: patch,
  })
}

/** `POST /api/users/:id/password`: a new password; every session of that user ends. */
export function setPassword(id: number, password: string) {
  return requestJson(`/api/users/${String(id)}/password`, z.unknown(), { json: { password } })
}
