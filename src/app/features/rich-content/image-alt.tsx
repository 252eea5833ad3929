/** The alt text of an image that is not shown, in its placeholder (as a browser shows a broken image's alt). */
export function ImageAlt({ alt }: { alt: string | undefined }) {
  if (alt === undefined || alt.trim() === '') return null
  return <span className="break-words italic">{alt}</span>
}
