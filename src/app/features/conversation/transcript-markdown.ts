import { codeToWords, statusLabel } from '@/app/lib/vocabulary/labels'
import { clockDate, clockDateTime, dayNamer } from '@/app/features/conversation/transcript/clock'
import { formatDuration, type TimeZone } from '@/app/lib/time'
import type { ConversationRecord } from '@/domain/schema/record'
import { describeEvent } from '@/app/lib/vocabulary/events'
import { roleWord, speakerName } from '@/app/lib/vocabulary/people'
import { buildTimeline } from '@/domain/timeline/build'

/** Keeps a line of message text from turning into Markdown structure (a heading, a quote, …). */
function escapeLine(line: string): string {
  return line.replace(/^(\s*)([#>*+-]|\d+[.)])/, '$1\\$2')
}

function block(text: string): string {
  return text.split(/\r?\n/).map(escapeLine).join('  \n')
}

/** Each line as a Markdown quote line. */
function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${escapeLine(line)}`)
    .join('  \n')
}

/**
 * The transcript as Markdown: a title, metadata lines, then every timeline item in order —
 * `**Speaker** (role) — 2026-11-27 14:03:09 UTC` and the text for messages, `> _event_` for
 * events — with every time naming its zone.
 */
export function transcriptMarkdown(record: ConversationRecord, zone: TimeZone): string {
  const tz = zone
  const at = (ms: number) => `${clockDateTime(ms, zone)} ${tz}`
  const { info } = record
  const lines: string[] = [`# Conversation ${info.conversationId}`, '']

  const meta: [string, string | undefined][] = [
    [
      'Status',
      [
        statusLabel(info.status),
        info.closeReason ? `closed by ${info.closeReason.toLowerCase()}` : undefined,
        info.closeReasonDescription ? codeToWords(info.closeReasonDescription) : undefined,
      ]
        .filter(Boolean)
        .join(', '),
    ],
    ['Started', info.startTimeL !== undefined ? at(info.startTimeL) : undefined],
    ['Ended', info.endTimeL !== undefined ? at(info.endTimeL) : undefined],
    ['Duration', info.duration !== undefined ? formatDuration(info.duration) : undefined],
    ['Channel', info.source],
    ['Device', info.device],
    [
      'Latest agent',
      info.latestAgentFullName ?? info.latestAgentNickname ?? info.latestAgentLoginName,
    ],
    ['Skill', info.latestSkillName],
    ['Group', info.latestAgentGroupName],
    ['Times in', tz],
  ]
  for (const [label, value] of meta) {
    if (value) lines.push(`- ${label}: ${value}`)
  }
  if (record.summary?.text) {
    lines.push('', '## Summary', '', block(record.summary.text))
  }
  lines.push('', '## Transcript')

  const timeline = buildTimeline(record, { dayKey: dayNamer(zone) })
  for (const item of timeline) {
    switch (item.kind) {
      case 'day':
        lines.push('', `### ${item.label ?? clockDate(item.time, zone)}`)
        break
      case 'wait':
        lines.push('', `> _The consumer waited ${formatDuration(item.waitMs)} for a reply_`)
        break
      case 'event': {
        const { text, detail } = describeEvent(item.event)
        lines.push('', `> _${text.replace(/\s*\r?\n\s*/g, ' ')}_`)
        if (detail) lines.push(quote(detail))
        break
      }
      case 'message': {
        const word = roleWord(item.speaker.role)
        const role = item.private ? `${word}, private note` : word
        lines.push('', `**${speakerName(item.speaker)}** (${role}) — ${at(item.time)}`)
        lines.push(item.text ? block(item.text) : '_(no text)_')
        break
      }
    }
  }
  lines.push('')
  return lines.join('\n')
}
