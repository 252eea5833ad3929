import { createContext, use } from 'react'
import { matchesChoice } from '@/domain/schema/structured-content'

/** The consumer's next message text, against which options are marked as chosen. */
export const ChoiceContext = createContext<string | undefined>(undefined)

/** True when the consumer's next message equals one of `candidates`. */
export function useIsChosen(candidates: readonly string[]): boolean {
  return matchesChoice(candidates, use(ChoiceContext))
}

/**
 * For checklists: a submit button publishes the checked options as comma-separated text, so a
 * checkbox is chosen when one of the comma-separated parts equals its text.
 */
export function useIsChecked(candidates: readonly string[]): boolean {
  const chosen = use(ChoiceContext)
  if (chosen === undefined) return false
  return chosen.split(',').some((part) => matchesChoice(candidates, part))
}
