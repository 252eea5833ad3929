import { Fragment } from 'react'

/** Text as text, with its line breaks kept as `<br>`. */
export function TextLines({ text }: { text: string }) {
  const lines = text.split(/\r\n|\r|\n/)
  return lines.map((line, i) => (
    <Fragment key={i}>
      {i > 0 ? <br /> : null}
      {line}
    </Fragment>
  ))
}
