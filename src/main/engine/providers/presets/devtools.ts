// Developer tools, CRM, scheduling and platform senders.
import { rid, uuid, isoNow } from '../samples'
import { brief, hmacBody, hmacKv, nowSec, standardScheme } from './kit'

const plainBody = <const Id extends string>(
  id: Id,
  name: string,
  header: string,
  o: { prefix?: string; algorithm?: 'sha1' | 'sha256' | 'sha512'; encoding?: 'hex' | 'base64'; type?: `json:${string}`; idAt?: `json:${string}`; source: string; sample: [string, () => unknown]; category?: 'devtools' | 'crm' | 'other' }
) =>
  brief({
    id,
    name,
    category: o.category ?? 'devtools',
    scheme: hmacBody(header, { prefix: o.prefix, algorithm: o.algorithm ?? 'sha256', encoding: o.encoding ?? 'hex' }),
    description: `${header}: ${o.prefix ? `"${o.prefix}<` : ''}${o.encoding ?? 'hex'} HMAC-${(o.algorithm ?? 'sha256').toUpperCase()} of the raw body${o.prefix ? '>"' : ''}.`,
    eventType: o.type ? [o.type] : undefined,
    eventId: o.idAt ? [o.idAt] : undefined,
    sample: o.sample,
    source: o.source
  })

const named = <const Id extends string>(id: Id, name: string, type: string) =>
  brief({
    id,
    name,
    category: 'devtools',
    scheme: standardScheme('webhook'),
    secretFormat: 'whsec',
    description: `Standard Webhooks: webhook-signature "v1,<base64 HMAC-SHA256 of {webhook-id}.{webhook-timestamp}.{raw body}>"; key is the base64 after "whsec_".`,
    eventType: ['json:type'],
    eventId: ['header:webhook-id'],
    sample: [type, () => ({ type, created_at: nowSec(), data: { id: rid() } })],
    source: `${name} webhook docs (Standard Webhooks verification)`,
    more: { detectVia: 'endpoint' as const, notes: ['Same headers as Standard Webhooks: Hookscope judges these as Standard Webhooks unless the endpoint is set to this provider.'] }
  })

export const DEVTOOLS_PRESETS = [
  brief({
    id: 'gitlab',
    name: 'GitLab',
    category: 'devtools',
    scheme: { family: 'token', header: 'X-Gitlab-Token' },
    description: 'X-Gitlab-Token: the secret token set on the webhook, compared as is; event in X-Gitlab-Event.',
    eventType: ['header:X-Gitlab-Event'],
    eventId: ['header:X-Gitlab-Event-UUID'],
    sample: ['Push Hook', () => ({ object_kind: 'push', ref: 'refs/heads/main', checkout_sha: rid('', 40), project: { id: 15, name: 'hooks' } })],
    source: 'docs.gitlab.com/user/project/integrations/webhooks (secret token)',
    more: { extraHeaders: [['X-Gitlab-Event', '{event}'], ['X-Gitlab-Event-UUID', '{id}']] }
  }),
  brief({
    id: 'bitbucket',
    name: 'Bitbucket Cloud',
    category: 'devtools',
    scheme: hmacBody('X-Hub-Signature', { prefix: 'sha256=' }),
    description: 'X-Hub-Signature: "sha256=<hex HMAC-SHA256 of the raw body>"; event in X-Event-Key.',
    eventType: ['header:X-Event-Key'],
    eventId: ['header:X-Request-UUID'],
    sample: ['repo:push', () => ({ push: { changes: [] }, repository: { full_name: 'team/repo' }, actor: { display_name: 'Ana' } })],
    source: 'support.atlassian.com/bitbucket-cloud/docs/manage-webhooks (secure webhooks)',
    more: { detectHeaders: ['X-Event-Key'], extraHeaders: [['X-Event-Key', '{event}'], ['X-Request-UUID', '{id}']] }
  }),
  brief({
    id: 'circleci',
    name: 'CircleCI',
    category: 'devtools',
    scheme: hmacBody('circleci-signature', { prefix: 'v1=' }),
    description: 'circleci-signature: "v1=<hex HMAC-SHA256 of the raw body>" with the webhook signing secret.',
    eventType: ['json:type'],
    eventId: ['json:id'],
    sample: ['workflow-completed', () => ({ id: uuid(), type: 'workflow-completed', happened_at: isoNow(), workflow: { id: uuid(), status: 'success' } })],
    source: 'circleci.com/docs/webhooks (validate webhooks)'
  }),
  brief({
    id: 'buildkite',
    name: 'Buildkite',
    category: 'devtools',
    scheme: hmacKv('X-Buildkite-Signature', 'timestamp', 'signature'),
    description: 'X-Buildkite-Signature: "timestamp=<unix s>,signature=<hex HMAC-SHA256 of {timestamp}.{raw body}>"; event in X-Buildkite-Event.',
    eventType: ['header:X-Buildkite-Event'],
    sample: ['build.finished', () => ({ event: 'build.finished', build: { id: uuid(), state: 'passed', number: 42 } })],
    source: 'buildkite.com/docs/apis/webhooks (webhook signature)',
    more: { extraHeaders: [['X-Buildkite-Event', '{event}']] }
  }),
  plainBody('sentry', 'Sentry', 'Sentry-Hook-Signature', { type: 'json:action', source: 'docs.sentry.io/organization/integrations/integration-platform/webhooks (verifying the signature)', sample: ['created', () => ({ action: 'created', installation: { uuid: uuid() }, data: { issue: { id: '1', title: 'TypeError' } } })] }),
  brief({
    id: 'pagerduty',
    name: 'PagerDuty',
    category: 'devtools',
    scheme: hmacBody('X-PagerDuty-Signature', { prefix: 'v1=', framing: undefined }),
    description: 'X-PagerDuty-Signature: "v1=<hex HMAC-SHA256 of the raw body>" (several, comma-separated, during rotation).',
    eventType: ['json:event.event_type'],
    eventId: ['json:event.id'],
    sample: ['incident.triggered', () => ({ event: { id: rid('', 14), event_type: 'incident.triggered', occurred_at: isoNow(), data: { id: rid('', 14), title: 'Webhook handler 500s' } } })],
    source: 'developer.pagerduty.com/docs/webhooks/webhook-signatures'
  }),
  plainBody('vercel', 'Vercel', 'x-vercel-signature', { algorithm: 'sha1', type: 'json:type', idAt: 'json:id', source: 'vercel.com/docs/webhooks/webhooks-api (securing webhooks)', sample: ['deployment.succeeded', () => ({ id: rid('evt_'), type: 'deployment.succeeded', createdAt: Date.now(), payload: { deployment: { id: rid('dpl_') } } })] }),
  plainBody('heroku', 'Heroku', 'Heroku-Webhook-Hmac-SHA256', { encoding: 'base64', type: 'json:action', idAt: 'json:id', source: 'devcenter.heroku.com/articles/app-webhooks (securing webhook requests)', sample: ['update', () => ({ id: uuid(), action: 'update', resource: 'release', created_at: isoNow(), data: { version: 42 } })] }),
  plainBody('npm', 'npm hooks', 'x-npm-signature', { prefix: 'sha256=', type: 'json:event', source: 'docs.npmjs.com (hooks, x-npm-signature)', sample: ['package:publish', () => ({ event: 'package:publish', name: 'hookscope', type: 'package', version: '1.0.0' })] }),
  plainBody('linear', 'Linear', 'Linear-Signature', { type: 'json:type', source: 'linear.app/developers/webhooks (securing webhooks)', sample: ['Issue', () => ({ action: 'create', type: 'Issue', createdAt: isoNow(), webhookTimestamp: Date.now(), data: { id: uuid(), title: 'Flaky webhook' } })] }),
  plainBody('notion', 'Notion', 'X-Notion-Signature', { prefix: 'sha256=', type: 'json:type', idAt: 'json:id', source: 'developers.notion.com/reference/webhooks (validating event payloads)', sample: ['page.created', () => ({ id: uuid(), timestamp: isoNow(), type: 'page.created', entity: { id: uuid(), type: 'page' } })] }),
  plainBody('asana', 'Asana', 'X-Hook-Signature', { type: 'json:events.0.action', source: 'developers.asana.com/docs/webhooks-guide (security)', sample: ['changed', () => ({ events: [{ action: 'changed', resource: { gid: rid('', 16), resource_type: 'task' }, created_at: isoNow() }] })] }),
  plainBody('dropbox', 'Dropbox', 'X-Dropbox-Signature', { source: 'dropbox.com/developers/reference/webhooks (signature)', sample: ['list_folder', () => ({ list_folder: { accounts: [rid('dbid:', 20)] }, delta: { users: [12345] } })] }),
  plainBody('launchdarkly', 'LaunchDarkly', 'X-LD-Signature', { type: 'json:kind', idAt: 'json:_id', source: 'docs.launchdarkly.com/home/connections/webhooks (signing webhooks)', sample: ['flag', () => ({ _id: rid('', 24), kind: 'flag', name: 'new-ivr', date: Date.now() })] }),
  plainBody('terraform-cloud', 'HCP Terraform', 'X-TFE-Notification-Signature', { algorithm: 'sha512', source: 'developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations (notification authenticity)', sample: ['run:completed', () => ({ payload_version: 1, notification_configuration_id: rid('nc-'), run_id: rid('run-'), notifications: [{ trigger: 'run:completed', run_status: 'applied' }] })] }),
  plainBody('cal-com', 'Cal.com', 'X-Cal-Signature-256', { category: 'other', type: 'json:triggerEvent', source: 'cal.com/docs/developing/guides/automation/webhooks (verifying authenticity)', sample: ['BOOKING_CREATED', () => ({ triggerEvent: 'BOOKING_CREATED', createdAt: isoNow(), payload: { uid: rid(), title: 'Intro call' } })] }),
  plainBody('typeform', 'Typeform', 'Typeform-Signature', { category: 'other', prefix: 'sha256=', encoding: 'base64', type: 'json:event_type', idAt: 'json:event_id', source: 'typeform.com/developers/webhooks/secure-your-webhooks', sample: ['form_response', () => ({ event_id: rid('', 26), event_type: 'form_response', form_response: { form_id: rid('', 8), submitted_at: isoNow() } })] }),
  plainBody('tally', 'Tally', 'Tally-Signature', { category: 'other', encoding: 'base64', type: 'json:eventType', idAt: 'json:eventId', source: 'tally.so/help/webhooks (signing secret)', sample: ['FORM_RESPONSE', () => ({ eventId: uuid(), eventType: 'FORM_RESPONSE', createdAt: isoNow(), data: { formId: rid('', 6) } })] }),
  plainBody('docusign', 'DocuSign Connect', 'X-DocuSign-Signature-1', { category: 'other', encoding: 'base64', type: 'json:event', source: 'developers.docusign.com/platform/webhooks/connect/hmac', sample: ['envelope-completed', () => ({ event: 'envelope-completed', generatedDateTime: isoNow(), data: { envelopeId: uuid() } })] }),
  brief({
    id: 'airtable',
    name: 'Airtable',
    category: 'devtools',
    scheme: hmacBody('X-Airtable-Content-MAC', { prefix: 'hmac-sha256=', key: 'base64' }),
    description: 'X-Airtable-Content-MAC: "hmac-sha256=<hex HMAC-SHA256 of the raw body>" keyed with the base64-decoded macSecretBase64.',
    sample: ['ping', () => ({ base: { id: rid('app', 14) }, webhook: { id: rid('ach', 14) }, timestamp: isoNow() })],
    source: 'airtable.com/developers/web/api/webhooks-overview (webhook notification delivery)'
  }),
  brief({
    id: 'trello',
    name: 'Trello',
    category: 'devtools',
    scheme: hmacBody('x-trello-webhook', { algorithm: 'sha1', encoding: 'base64', template: '{body}{url}' }),
    description: 'x-trello-webhook: base64 HMAC-SHA1 of "{raw body}{callback URL}" with the app secret.',
    eventType: ['json:action.type'],
    eventId: ['json:action.id'],
    sample: ['updateCard', () => ({ action: { id: rid('', 24), type: 'updateCard', date: isoNow() }, model: { id: rid('', 24), name: 'Board' } })],
    source: 'developer.atlassian.com/cloud/trello/guides/rest-api/webhooks (webhook signatures)'
  }),
  brief({
    id: 'clickup',
    name: 'ClickUp',
    category: 'devtools',
    scheme: hmacBody('X-Signature'),
    description: 'X-Signature: hex HMAC-SHA256 of the raw body with the webhook secret.',
    eventType: ['json:event'],
    eventId: ['json:webhook_id'],
    sample: ['taskCreated', () => ({ event: 'taskCreated', task_id: rid('', 7), webhook_id: uuid() })],
    source: 'developer.clickup.com/docs/webhooksignature',
    more: { detectVia: 'endpoint' as const }
  }),
  brief({
    id: 'box',
    name: 'Box',
    category: 'devtools',
    scheme: hmacBody('BOX-SIGNATURE-PRIMARY', { encoding: 'base64', timestampHeader: 'BOX-DELIVERY-TIMESTAMP', template: '{body}{timestamp}' }),
    description: 'BOX-SIGNATURE-PRIMARY: base64 HMAC-SHA256 of "{raw body}{BOX-DELIVERY-TIMESTAMP}" with the primary key (BOX-SIGNATURE-SECONDARY uses the secondary key); 10-minute window.',
    eventType: ['json:trigger'],
    eventId: ['header:BOX-DELIVERY-ID'],
    sample: ['FILE.UPLOADED', () => ({ type: 'webhook_event', id: uuid(), created_at: isoNow(), trigger: 'FILE.UPLOADED', source: { id: '12345', type: 'file' } })],
    source: 'developer.box.com/guides/webhooks/v2/signatures-v2',
    more: { timestampToleranceSec: 600 }
  }),
  brief({
    id: 'cloudflare-stream',
    name: 'Cloudflare Stream',
    category: 'devtools',
    scheme: hmacKv('Webhook-Signature', 'time', 'sig1'),
    description: 'Webhook-Signature: "time=<unix s>,sig1=<hex HMAC-SHA256 of {time}.{raw body}>".',
    eventId: ['json:uid'],
    sample: ['ready', () => ({ uid: rid('', 32), readyToStream: true, status: { state: 'ready' }, created: isoNow() })],
    source: 'developers.cloudflare.com/stream/manage-video-library/using-webhooks (verify webhook authenticity)',
    more: { detectVia: 'endpoint' as const, notes: ['GoCardless uses the same header name: set an endpoint to Cloudflare Stream.'] }
  }),
  brief({
    id: 'mux',
    name: 'Mux',
    category: 'devtools',
    scheme: hmacKv('Mux-Signature', 't', 'v1'),
    description: 'Mux-Signature: "t=<unix s>,v1=<hex HMAC-SHA256 of {t}.{raw body}>".',
    eventType: ['json:type'],
    eventId: ['json:id'],
    sample: ['video.asset.ready', () => ({ type: 'video.asset.ready', id: uuid(), created_at: isoNow(), data: { id: rid('', 24), status: 'ready' } })],
    source: 'docs.mux.com/core/verify-webhook-signatures'
  }),
  brief({
    id: 'webflow',
    name: 'Webflow',
    category: 'devtools',
    scheme: hmacBody('x-webflow-signature', { timestampHeader: 'x-webflow-timestamp', template: '{timestamp}:{body}' }),
    description: 'x-webflow-signature: hex HMAC-SHA256 of "{x-webflow-timestamp}:{raw body}" (timestamp in ms); 5-minute tolerance.',
    eventType: ['json:triggerType'],
    sample: ['form_submission', () => ({ triggerType: 'form_submission', payload: { name: 'Contact', submittedAt: isoNow(), data: { email: 'ana@example.com' } } })],
    source: 'developers.webflow.com/data/docs/working-with-webhooks (validating request signatures)'
  }),
  brief({
    id: 'workos',
    name: 'WorkOS',
    category: 'auth',
    scheme: hmacKv('WorkOS-Signature', 't', 'v1'),
    description: 'WorkOS-Signature: "t=<unix ms>, v1=<hex HMAC-SHA256 of {t}.{raw body}>".',
    eventType: ['json:event'],
    eventId: ['json:id'],
    sample: ['user.created', () => ({ id: rid('event_', 26), event: 'user.created', created_at: isoNow(), data: { id: rid('user_', 26) } })],
    source: 'workos.com/docs/events/data-syncing/webhooks (validating webhooks)',
    more: { scheme: hmacKv('WorkOS-Signature', 't', 'v1', { timestampMs: true }) }
  }),
  brief({
    id: 'sanity',
    name: 'Sanity',
    category: 'devtools',
    scheme: hmacKv('sanity-webhook-signature', 't', 'v1', { encoding: 'base64url', timestampMs: true }),
    description: 'sanity-webhook-signature: "t=<unix ms>,v1=<base64url HMAC-SHA256 of {t}.{raw body}>" with the webhook secret.',
    eventId: ['header:idempotency-key'],
    sample: ['document.update', () => ({ _id: rid('doc-'), _type: 'post', _rev: rid('', 22), title: 'Call notes' })],
    source: '@sanity/webhook dist/index.js (encodeSignatureHeader, assertValidSignature)',
    confirmedBy: { by: 'sdk', package: '@sanity/webhook' }
  }),
  brief({
    id: 'calendly',
    name: 'Calendly',
    category: 'other',
    scheme: hmacKv('Calendly-Webhook-Signature', 't', 'v1'),
    description: 'Calendly-Webhook-Signature: "t=<unix s>,v1=<hex HMAC-SHA256 of {t}.{raw body}>" with the webhook signing key.',
    eventType: ['json:event'],
    sample: ['invitee.created', () => ({ event: 'invitee.created', created_at: isoNow(), payload: { email: 'ana@example.com', uri: `https://api.calendly.com/scheduled_events/${uuid()}` } })],
    source: 'developer.calendly.com/api-docs (webhook signatures)'
  }),
  brief({
    id: 'hubspot',
    name: 'HubSpot (v3 signature)',
    category: 'crm',
    scheme: hmacBody('X-HubSpot-Signature-v3', { encoding: 'base64', timestampHeader: 'X-HubSpot-Request-Timestamp', template: '{method}{url}{body}{timestamp}' }),
    description: 'X-HubSpot-Signature-v3: base64 HMAC-SHA256 of "{method}{full URL}{raw body}{X-HubSpot-Request-Timestamp}" with the app client secret; 5-minute tolerance.',
    eventType: ['json:0.subscriptionType'],
    eventId: ['json:0.eventId'],
    sample: ['contact.creation', () => [{ eventId: Math.floor(Math.random() * 1e9), subscriptionId: 1, portalId: 62515, occurredAt: Date.now(), subscriptionType: 'contact.creation', objectId: 123 }]],
    source: 'developers.hubspot.com/docs/api/webhooks/validating-requests'
  }),
  brief({
    id: 'gohighlevel',
    name: 'HighLevel',
    category: 'crm',
    scheme: { family: 'ed25519', signatureHeader: 'x-ghl-signature', template: '{body}', encoding: 'base64' },
    secretFormat: 'public-key',
    description: 'x-ghl-signature: base64 Ed25519 signature of the raw body alone (no timestamp); verify with the public key HighLevel publishes (PEM, or the raw 32-byte key in base64).',
    eventType: ['json:type'],
    eventId: ['json:id'],
    sample: ['ContactCreate', () => ({ type: 'ContactCreate', locationId: rid('', 20), id: rid('', 20), firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+14155550123', dateAdded: isoNow() })],
    source: '@gohighlevel/api-client lib/webhook/webhook-manager (verifyEd25519Signature, x-ghl-signature); marketplace.gohighlevel.com/docs/webhook/WebhookIntegrationGuide',
    confirmedBy: { by: 'sdk', package: '@gohighlevel/api-client' },
    more: { notes: ['The legacy x-wh-signature (RSA-SHA256) header is no longer sent, per the SDK; it is not checked here.', 'Nothing time-bound is signed: keep the ids of handled events to refuse replays.'] }
  }),
  named('openai', 'OpenAI', 'realtime.call.incoming'),
  named('replicate', 'Replicate', 'prediction.completed'),
  named('supabase', 'Supabase', 'auth.hook'),
  named('recall-ai', 'Recall.ai', 'bot.done')
]
