import type { ReactNode } from 'react'
import { Badge } from '@/app/components/ui/badge'

/** A small rounded label (keywords, capabilities, intents). */
export function Chip({ children }: { children: ReactNode }) {
  return (
    <Badge tone="outline" shape="pill">
      {children}
    </Badge>
  )
}
