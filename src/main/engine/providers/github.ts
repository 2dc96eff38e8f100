import { headerValue } from '../headers'
import { defineHmacProvider } from './hmac-scheme'
import { rid, uuid, isoNow } from './samples'

const repo = () => ({ id: 1296269, name: 'hello-world', full_name: 'octocat/hello-world', private: false })
const sender = () => ({ login: 'octocat', id: 1, type: 'User' })

/** GitHub: X-Hub-Signature-256 "sha256=<hex HMAC-SHA256 of the raw body>"; event in X-GitHub-Event. */
export const github = defineHmacProvider({
  id: 'github',
  category: 'devtools',
  secretFormat: 'hmac-secret',
  confirmedBy: { by: 'sdk', package: '@octokit/webhooks-methods' },
  name: 'GitHub',
  scheme: 'X-Hub-Signature-256: "sha256=<hex HMAC-SHA256 of the raw body>"; event name in X-GitHub-Event.',
  summary: { algorithm: 'sha256', encoding: 'hex', signatureHeader: 'X-Hub-Signature-256', prefix: 'sha256=', template: '{body}', key: 'raw' },
  eventOf: () => ({ type: null, id: null }),
  eventFromHeaders: (headers) => {
    const type = headerValue(headers, 'X-GitHub-Event')
    return type === null ? null : { type, id: headerValue(headers, 'X-GitHub-Delivery') }
  },
  extraHeaders: (o) => [
    ['X-GitHub-Event', o.event ?? 'push'],
    ['X-GitHub-Delivery', o.id ?? uuid()],
    ['User-Agent', 'GitHub-Hookshot/044aadd']
  ],
  events: [
    { type: 'push', description: 'Commits were pushed', sample: () => ({ ref: 'refs/heads/main', before: rid('', 40), after: rid('', 40), repository: repo(), pusher: { name: 'octocat' }, sender: sender(), commits: [{ id: rid('', 40), message: 'Fix webhook signature check', timestamp: isoNow() }] }) },
    { type: 'pull_request', description: 'A pull request changed', sample: () => ({ action: 'opened', number: Math.floor(Math.random() * 900) + 100, pull_request: { title: 'Verify raw bytes', state: 'open', created_at: isoNow() }, repository: repo(), sender: sender() }) },
    { type: 'issues', description: 'An issue changed', sample: () => ({ action: 'opened', issue: { number: 42, title: 'Webhook 401s after deploy', state: 'open', created_at: isoNow() }, repository: repo(), sender: sender() }) },
    { type: 'ping', description: 'Sent when a webhook is created', sample: () => ({ zen: 'Keep it logically awesome.', hook_id: Math.floor(Math.random() * 1e8), repository: repo(), sender: sender() }) }
  ],
  retry: { delaysMs: [], timeoutMs: 10_000, description: 'No automatic retries; failed deliveries can be redelivered by hand. Answer within 10 seconds.' },
  methods: ['POST'],
  contentType: 'application/json'
})
