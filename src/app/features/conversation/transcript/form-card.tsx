import type { SecureFormMessage } from '@/domain/schema/messages'
import type { FindHighlight } from './find-context'
import { HighlightedText } from './highlighted-text'

/** `SECURE_FORM_INVITATION` / `SECURE_FORM_SUBMIT`: which form, and the IDs that tie them together. */
export function FormCard({
  form,
  messageType,
  find,
}: {
  form: SecureFormMessage
  messageType: string | undefined
  find: FindHighlight
}) {
  const submitted = messageType === 'SECURE_FORM_SUBMIT' || form.submissionId !== undefined
  const ids = [
    form.formId ? `form ${form.formId}` : undefined,
    form.invitationId ? `invitation ${form.invitationId}` : undefined,
    form.submissionId ? `submission ${form.submissionId}` : undefined,
  ].filter((s): s is string => s !== undefined)
  return (
    <div className="max-w-sm rounded-md border border-emerald-300 bg-emerald-50 p-2 text-sm dark:border-emerald-700 dark:bg-emerald-950">
      <p className="text-xs font-medium text-emerald-800 dark:text-emerald-300">
        {submitted ? 'Secure form submitted' : 'Secure form invitation'}
      </p>
      <p className="font-medium break-words">
        {form.formName ? (
          <HighlightedText
            text={form.formName}
            re={find.re}
            offset={find.offset}
            active={find.active}
          />
        ) : (
          'Unnamed form'
        )}
      </p>
      {ids.length ? (
        <p className="font-mono text-xs break-all text-slate-600 dark:text-slate-400">
          {ids.join(' · ')}
        </p>
      ) : null}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        The form’s contents are not part of the record.
      </p>
    </div>
  )
}
