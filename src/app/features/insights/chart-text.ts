/** The words and names the Insights charts share (their tables, axes and screen-reader labels). */

/** "1 conversation", "1,204 conversations". */
export const conversations = (n: number) =>
  n === 1 ? '1 conversation' : `${n.toLocaleString('en-US')} conversations`

/** `part` of `whole` as a percentage with one decimal ("4.1%"; "0%" of nothing). */
export const share = (part: number, whole: number) =>
  whole === 0 ? '0%' : `${(Math.round((part / whole) * 1000) / 10).toLocaleString('en-US')}%`

/** "Billing (4016011110)": a name with its ID, or the ID alone when there is no other name. */
export const nameWithId = (name: string | undefined, id: string) =>
  name && name !== id ? `${name} (${id})` : id

/**
 * Names for keys, told apart where two would read the same (LivePerson calls both `SHARK` and
 * `WEB` "Web"; two agents may share a name): those get their key after the name.
 */
export function distinctNames(keys: readonly string[], label: (key: string) => string) {
  const seen = new Map<string, number>()
  for (const key of keys) seen.set(label(key), (seen.get(label(key)) ?? 0) + 1)
  return new Map(
    keys.map((key) => {
      const name = label(key)
      return [key, (seen.get(name) ?? 0) > 1 ? nameWithId(name, key) : name]
    }),
  )
}
