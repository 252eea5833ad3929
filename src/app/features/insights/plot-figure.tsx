import * as Plot from '@observablehq/plot'
import { useLayoutEffect, useRef, useState } from 'react'

/** Plot's own width, for a box that has none yet (a test's DOM). */
const FALLBACK_WIDTH = 640

/**
 * A chart drawn by Observable Plot (decision 019) into its box, as wide as the box: Plot makes
 * the SVG, this puts it in place and draws it again when the options or the box's width change.
 * Its marks are SVG links where the options give them an `href`; colours come from CSS
 * variables, text from `currentColor`, so the theme needs nothing here.
 */
export function PlotFigure({ options, label }: { options: Plot.PlotOptions; label: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState<number>()
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => setWidth(Math.floor(element.clientWidth) || FALLBACK_WIDTH)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  useLayoutEffect(() => {
    if (width === undefined) return
    const chart = Plot.plot({
      ...options,
      width,
      ariaLabel: label,
      style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    })
    ref.current?.replaceChildren(chart)
    return () => chart.remove()
  }, [options, label, width])
  return (
    <div
      ref={ref}
      className="w-full overflow-x-auto [&_a:focus-visible>*]:stroke-current [&_a:focus-visible>*]:stroke-2"
    />
  )
}
