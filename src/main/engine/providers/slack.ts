import { defineHmacProvider } from './hmac-scheme'
import { has, rid, str, unixNow } from './samples'

const callback = (event: Record<string, unknown>) => (): unknown => ({
  token: rid('', 24),
  team_id: rid('T', 10).toUpperCase(),
  api_app_id: rid('A', 10).toUpperCase(),
  event: { ...event, event_ts: `${unixNow()}.000200` },
  type: 'event_callback',
  event_id: rid('Ev', 10).toUpperCase(),
  event_time: unixNow()
})

/** Slack: X-Slack-Signature "v0=<hex HMAC-SHA256 of v0:ts:body>", ts in X-Slack-Request-Timestamp. */
export const slack = defineHmacProvider({
  id: 'slack',
  category: 'messaging',
  secretFormat: 'hmac-secret',
  confirmedBy: { by: 'docs' },
  name: 'Slack',
  scheme: 'X-Slack-Signature: "v0=<hex HMAC-SHA256 of v0:{X-Slack-Request-Timestamp}:{raw body}>"; 5-minute tolerance.',
  summary: {
    algorithm: 'sha256',
    encoding: 'hex',
    signatureHeader: 'X-Slack-Signature',
    timestampHeader: 'X-Slack-Request-Timestamp',
    prefix: 'v0=',
    template: 'v0:{timestamp}:{body}',
    key: 'raw'
  },
  detectBody: (json) => (has(json, 'team_id', 'api_app_id', 'type') ? 0.6 : 0),
  eventOf(body) {
    const inner = (body as { event?: unknown } | null)?.event
    return { type: str(inner, 'type') ?? str(body, 'type'), id: str(body, 'event_id') }
  },
  events: [
    { type: 'message', description: 'A message was posted in a channel', sample: callback({ type: 'message', channel: 'C0123456789', user: 'U0123456789', text: 'Deploy done :rocket:' }) },
    { type: 'app_mention', description: 'The app was mentioned', sample: callback({ type: 'app_mention', channel: 'C0123456789', user: 'U0123456789', text: '<@U0LAN0Z89> status?' }) },
    { type: 'url_verification', description: 'Endpoint check when the URL is saved', sample: () => ({ token: rid('', 24), challenge: rid('', 40), type: 'url_verification' }) }
  ],
  retry: { delaysMs: [0, 60_000, 300_000], timeoutMs: 3_000, description: 'Retries 3 times (immediately, after 1 min, after 5 min) when the answer takes over 3 seconds or fails.' },
  methods: ['POST'],
  contentType: 'application/json'
})
