import { useNavigate } from '@tanstack/react-router'
import { useId, useState } from 'react'
import { Button } from '@/app/components/ui/button'
import { INPUT_CLASSES } from '@/app/components/ui/input-classes'
import { cn } from '@/app/lib/cn'

/** "Conversation ID": goes straight to that conversation, whatever the filters. */
export function ConversationIdJump() {
  const id = useId()
  const navigate = useNavigate()
  const [value, setValue] = useState('')
  return (
    <form
      aria-label="Open a conversation by ID"
      className="flex items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault()
        const conversationId = value.trim()
        if (!conversationId) return
        void navigate({ to: '/conversations/$conversationId', params: { conversationId } })
      }}
    >
      <div className="w-80 max-w-full">
        <label
          htmlFor={id}
          className="block text-sm font-medium text-slate-700 dark:text-slate-300"
        >
          Conversation ID
        </label>
        <input
          id={id}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          className={cn('mt-1 font-mono', INPUT_CLASSES)}
        />
      </div>
      <Button type="submit" disabled={value.trim() === ''}>
        Open
      </Button>
    </form>
  )
}
