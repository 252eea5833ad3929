import { clsx, type ClassValue } from 'clsx'

/**
 * Joins class names (strings, conditionals, arrays): the one way the app builds a class list.
 * It does not resolve conflicts between Tailwind classes (decision 010: tailwind-merge would put
 * the search page over its script budget), so a primitive's `className` is for layout only:
 * margins, width, alignment, never a colour or a size the primitive sets itself.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs)
}
