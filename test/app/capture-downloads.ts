import { vi } from 'vitest'

/** A file the app saved: its name and its text. */
export interface Download {
  fileName: string
  text: Promise<string>
}

/**
 * Captures what the app saves (a blob: link clicked) instead of letting jsdom try to follow it.
 * The spies are undone by `vi.restoreAllMocks()`, which the test file calls after each test.
 */
export function captureDownloads(): Download[] {
  const downloads: Download[] = []
  const blobs = new Map<string, Blob>()
  let n = 0
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${String((n += 1))}`
    if (blob instanceof Blob) blobs.set(url, blob)
    return url
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href)
    if (blob) downloads.push({ fileName: this.download, text: blob.text() })
  })
  return downloads
}
