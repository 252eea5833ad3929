import {
  newUserBodySchema,
  passwordBodySchema,
  userPatchBodySchema,
  type NewUser,
  type UserPatch,
} from '@/domain/schema/auth'

/** The form's text for `name` (a form control that is not there reads as empty). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value.trim() : ''
}

/** "12, 34 ,, 56" → ["12", "34", "56"]: the comma-separated ID inputs. */
export function idList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
}

/** The Add user form as `POST /api/users` takes it; throws the schema's ZodError when it is wrong. */
export function newUserBody(form: FormData): NewUser {
  return newUserBodySchema.parse({
    email: formText(form, 'email'),
    name: formText(form, 'name') || undefined,
    role: formText(form, 'role'),
    password: form.get('password') ?? '',
    agentId: formText(form, 'agentId') || undefined,
    agentGroups: idList(formText(form, 'agentGroups')),
    skills: idList(formText(form, 'skills')),
  })
}

/** The edit form as `PATCH /api/users/:id` takes it (an empty Agent ID removes it). */
export function userPatchBody(form: FormData): UserPatch {
  return userPatchBodySchema.parse({
    name: formText(form, 'name'),
    role: formText(form, 'role'),
    agentId: formText(form, 'agentId') || null,
    agentGroups: idList(formText(form, 'agentGroups')),
    skills: idList(formText(form, 'skills')),
  })
}

/** The reset-password form as `POST /api/users/:id/password` takes it. */
export function passwordBody(form: FormData): string {
  return passwordBodySchema.parse({ password: form.get('password') ?? '' }).password
}
