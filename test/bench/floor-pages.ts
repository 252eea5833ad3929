import { LIST_SECTIONS } from '@/app/features/search/list-request'

/**
 * The floor the browser figures are measured against: plain pages with no framework and a few
 * lines of DOM code, served by the bench (never by the product). They fetch the same API the app
 * does and write the same rows as text, so what they cost is the network, the server and the
 * browser itself.
 */

const DAY = 86_400_000

function page(title: string, body: string, script: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}<script>${script}</script></body></html>`
}

/** The search page's first request (last 7 days, newest first, 50 rows) and its rows as text. */
export function floorSearchPage(accountId: string): string {
  const api = `/messaging_history/api/account/${encodeURIComponent(accountId)}/conversations/search?offset=0&limit=50&sort=start:desc`
  return page(
    'floor: search',
    '<form id="f"><input id="q" name="q"></form><table><thead><tr><th>Start</th><th>Agent</th><th>Skill</th><th>Status</th><th>Summary</th></tr></thead><tbody></tbody></table>',
    `
const sections = ${JSON.stringify(LIST_SECTIONS)}
function load(keyword) {
  const to = Date.now(), from = to - 7 * ${String(DAY)}
  const body = { start: { from, to }, contentToRetrieve: sections }
  if (keyword) body.keyword = keyword
  fetch(${JSON.stringify(api)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    .then((r) => r.json())
    .then((json) => {
      const tbody = document.createElement('tbody')
      for (const r of json.conversationHistoryRecords) {
        const tr = document.createElement('tr')
        for (const v of [new Date(r.info.startTimeL).toLocaleString(), r.info.latestAgentFullName, r.info.latestSkillName, r.info.status, r.summary && r.summary.text]) {
          const td = document.createElement('td')
          td.textContent = v == null ? '' : String(v).slice(0, 160)
          tr.append(td)
        }
        tbody.append(tr)
      }
      if (keyword) tbody.dataset.q = keyword
      document.querySelector('tbody').replaceWith(tbody)
    })
}
document.getElementById('f').addEventListener('submit', (e) => { e.preventDefault(); load(document.getElementById('q').value) })
load('')
`,
  )
}

/** One conversation by ID, every message as a line of text, and a find that marks the first match. */
export function floorDetailPage(accountId: string, conversationId: string): string {
  const api = `/messaging_history/api/account/${encodeURIComponent(accountId)}/conversations/conversation/search?v=2`
  return page(
    'floor: conversation',
    '<input id="find"><ol></ol>',
    `
fetch(${JSON.stringify(api)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conversationId: ${JSON.stringify(conversationId)} }) })
  .then((r) => r.json())
  .then((json) => {
    const record = json.conversationHistoryRecords[0]
    const ol = document.querySelector('ol')
    for (const m of record.messageRecords || []) {
      const li = document.createElement('li')
      const text = m.messageData && m.messageData.msg ? m.messageData.msg.text : m.type
      li.textContent = (m.sentBy || '') + ' ' + new Date(m.timeL).toLocaleTimeString() + ': ' + (text || '')
      ol.append(li)
    }
  })
document.getElementById('find').addEventListener('input', (e) => {
  const q = e.target.value.toLowerCase()
  let count = 0
  for (const li of document.querySelectorAll('ol li')) {
    const text = li.textContent
    const at = text.toLowerCase().indexOf(q)
    if (q === '' || at === -1) continue
    if (count++ === 0) {
      const mark = document.createElement('mark')
      mark.textContent = text.slice(at, at + q.length)
      li.replaceChildren(text.slice(0, at), mark, text.slice(at + q.length))
      li.scrollIntoView({ block: 'center' })
    }
  }
  document.title = count + ' matches'
})
`,
  )
}
