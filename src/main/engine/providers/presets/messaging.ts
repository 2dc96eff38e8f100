// Messaging, chat and email senders.
import { rid, uuid, isoNow, phone } from '../samples'
import { brief, hmacBody, hmacKv, nowSec, standardScheme } from './kit'

export const MESSAGING_PRESETS = [
  brief({
    id: 'discord',
    name: 'Discord',
    category: 'messaging',
    scheme: { family: 'ed25519', signatureHeader: 'X-Signature-Ed25519', timestampHeader: 'X-Signature-Timestamp', template: '{timestamp}{body}', encoding: 'hex' },
    secretFormat: 'public-key',
    description: 'X-Signature-Ed25519: hex Ed25519 signature of "{X-Signature-Timestamp}{raw body}"; verify with the application public key (hex) from the Developer Portal.',
    eventType: ['json:type'],
    eventId: ['json:id'],
    sample: ['1', () => ({ id: rid('', 18), application_id: rid('', 18), type: 1, token: rid('', 40), version: 1 })],
    source: 'discord-interactions dist/index.js (verifyKey)',
    confirmedBy: { by: 'sdk', package: 'discord-interactions' }
  }),
  brief({
    id: 'sendgrid',
    name: 'SendGrid',
    category: 'email',
    scheme: { family: 'ecdsa-p256', signatureHeader: 'X-Twilio-Email-Event-Webhook-Signature', timestampHeader: 'X-Twilio-Email-Event-Webhook-Timestamp', template: '{timestamp}{body}' },
    secretFormat: 'public-key',
    description: 'X-Twilio-Email-Event-Webhook-Signature: base64 DER ECDSA P-256/SHA-256 signature of "{timestamp}{raw body}"; verify with the public key (base64) from Mail Settings > Signed Event Webhook.',
    eventType: ['json:0.event'],
    eventId: ['json:0.sg_event_id'],
    sample: ['delivered', () => [{ email: 'ana@example.com', timestamp: nowSec(), event: 'delivered', sg_event_id: rid('', 22), sg_message_id: rid('', 22), response: '250 OK' }]],
    source: '@sendgrid/eventwebhook src/eventwebhook.js (verifySignature)',
    confirmedBy: { by: 'sdk', package: '@sendgrid/eventwebhook' }
  }),
  brief({
    id: 'svix',
    name: 'Svix',
    category: 'other',
    scheme: standardScheme('svix'),
    secretFormat: 'whsec',
    description: 'svix-signature: "v1,<base64 HMAC-SHA256 of {svix-id}.{svix-timestamp}.{raw body}>" (space-separated list); key is the base64 after "whsec_"; 5-minute tolerance.',
    eventType: ['json:type'],
    eventId: ['header:svix-id'],
    sample: ['invoice.paid', () => ({ type: 'invoice.paid', data: { id: rid('inv_'), amount: 4200 } })],
    source: 'svix (npm) src/webhook.ts (Webhook.sign, Webhook.verify)',
    confirmedBy: { by: 'sdk', package: 'svix' }
  }),
  ...(['resend', 'clerk', 'stytch'] as const).map((id) =>
    brief({
      id,
      name: { resend: 'Resend', clerk: 'Clerk', stytch: 'Stytch' }[id],
      category: id === 'resend' ? 'email' : 'auth',
      scheme: standardScheme('svix'),
      secretFormat: 'whsec',
      description: `Sent through Svix: svix-signature "v1,<base64 HMAC-SHA256 of {svix-id}.{svix-timestamp}.{raw body}>"; key is the base64 after "whsec_".`,
      eventType: ['json:type'],
      eventId: ['header:svix-id'],
      sample: [id === 'resend' ? 'email.delivered' : 'user.created', () => ({ type: id === 'resend' ? 'email.delivered' : 'user.created', created_at: isoNow(), data: { id: rid() } })],
      source: `${id} webhook docs (verification with the svix library)`,
      more: { detectVia: 'endpoint' as const, notes: ['Same headers as Svix: Hookscope judges these deliveries as Svix unless the endpoint is set to this provider.'] }
    })
  ),
  brief({
    id: 'telegram',
    name: 'Telegram Bot API',
    category: 'messaging',
    scheme: { family: 'token', header: 'X-Telegram-Bot-Api-Secret-Token' },
    description: 'X-Telegram-Bot-Api-Secret-Token: the secret_token given to setWebhook, compared as is.',
    eventId: ['json:update_id'],
    sample: ['message', () => ({ update_id: Math.floor(Math.random() * 1e9), message: { message_id: 1, date: nowSec(), chat: { id: 42, type: 'private' }, text: '/start' } })],
    source: 'core.telegram.org/bots/api#setwebhook'
  }),
  brief({
    id: 'line',
    name: 'LINE Messaging API',
    category: 'messaging',
    scheme: hmacBody('x-line-signature', { encoding: 'base64' }),
    description: 'x-line-signature: base64 HMAC-SHA256 of the raw body with the channel secret.',
    eventType: ['json:events.0.type'],
    eventId: ['json:events.0.webhookEventId'],
    sample: ['message', () => ({ destination: rid('U', 32), events: [{ type: 'message', webhookEventId: rid('', 26), timestamp: Date.now(), message: { type: 'text', id: rid('', 14), text: 'hi' } }] })],
    source: 'developers.line.biz/en/docs/messaging-api/receiving-messages (signature validation)',
    confirmedBy: { by: 'sdk', package: '@line/bot-sdk' }
  }),
  brief({
    id: 'webex',
    name: 'Webex',
    category: 'messaging',
    scheme: hmacBody('X-Spark-Signature', { algorithm: 'sha1' }),
    description: 'X-Spark-Signature: hex HMAC-SHA1 of the raw body with the webhook secret.',
    eventType: ['json:event'],
    eventId: ['json:id'],
    sample: ['created', () => ({ id: rid('', 40), name: 'messages', resource: 'messages', event: 'created', created: isoNow(), data: { id: rid('', 40), roomId: rid('', 40) } })],
    source: 'developer.webex.com/docs/webhooks (authenticating requests)'
  }),
  brief({
    id: 'twitch-eventsub',
    name: 'Twitch EventSub',
    category: 'other',
    scheme: hmacBody('Twitch-Eventsub-Message-Signature', { prefix: 'sha256=', idHeader: 'Twitch-Eventsub-Message-Id', timestampHeader: 'Twitch-Eventsub-Message-Timestamp', template: '{id}{timestamp}{body}' }),
    description: 'Twitch-Eventsub-Message-Signature: "sha256=<hex HMAC-SHA256 of {message id}{message timestamp}{raw body}>"; 10-minute window.',
    eventType: ['json:subscription.type'],
    eventId: ['header:Twitch-Eventsub-Message-Id'],
    sample: ['channel.follow', () => ({ subscription: { id: uuid(), type: 'channel.follow', version: '2' }, event: { user_id: '1337', user_name: 'viewer', followed_at: isoNow() } })],
    source: 'dev.twitch.tv/docs/eventsub/handling-webhook-events (verifying the event message)',
    more: { timestampToleranceSec: 600 }
  }),
  brief({
    id: 'x-twitter',
    name: 'X (Twitter) Account Activity',
    category: 'messaging',
    scheme: hmacBody('x-twitter-webhooks-signature', { prefix: 'sha256=', encoding: 'base64' }),
    description: 'x-twitter-webhooks-signature: "sha256=<base64 HMAC-SHA256 of the raw body>" with the app consumer secret.',
    sample: ['tweet_create_events', () => ({ for_user_id: '2244994945', tweet_create_events: [{ id_str: rid('', 19), text: 'hello' }] })],
    source: 'developer.x.com account-activity-api (securing webhooks)'
  }),
  brief({
    id: 'intercom',
    name: 'Intercom',
    category: 'crm',
    scheme: hmacBody('X-Hub-Signature', { algorithm: 'sha1', prefix: 'sha1=' }),
    description: 'X-Hub-Signature: "sha1=<hex HMAC-SHA1 of the raw body>" with the app client secret.',
    eventType: ['json:topic'],
    eventId: ['json:id'],
    sample: ['conversation.user.created', () => ({ type: 'notification_event', id: rid('notif_'), topic: 'conversation.user.created', created_at: nowSec(), data: { item: { type: 'conversation', id: rid('', 12) } } })],
    source: 'developers.intercom.com (webhooks, signed notifications)'
  }),
  brief({
    id: 'zendesk',
    name: 'Zendesk',
    category: 'crm',
    scheme: hmacBody('X-Zendesk-Webhook-Signature', { encoding: 'base64', timestampHeader: 'X-Zendesk-Webhook-Signature-Timestamp', template: '{timestamp}{body}' }),
    description: 'X-Zendesk-Webhook-Signature: base64 HMAC-SHA256 of "{timestamp}{raw body}" (timestamp header, ISO 8601).',
    eventType: ['json:type'],
    eventId: ['json:id'],
    sample: ['zen:event-type:ticket.created', () => ({ type: 'zen:event-type:ticket.created', id: uuid(), time: isoNow(), detail: { id: '35436', subject: 'Cannot hear caller' } })],
    source: 'developer.zendesk.com (verifying webhook authenticity)'
  }),
  brief({
    id: 'courier',
    name: 'Courier',
    category: 'messaging',
    scheme: hmacKv('courier-signature', 't', 'signature'),
    description: 'courier-signature: "t=<ts>,signature=<hex HMAC-SHA256 of {t}.{raw body}>".',
    eventType: ['json:type'],
    sample: ['message:updated', () => ({ type: 'message:updated', data: { id: rid('1-'), status: 'DELIVERED' } })],
    source: 'courier.com/docs (webhook signatures)'
  }),
  brief({
    id: 'pusher',
    name: 'Pusher Channels',
    category: 'messaging',
    scheme: hmacBody('X-Pusher-Signature'),
    description: 'X-Pusher-Signature: hex HMAC-SHA256 of the raw body with the app secret (app key in X-Pusher-Key).',
    eventType: ['json:events.0.name'],
    sample: ['channel_occupied', () => ({ time_ms: Date.now(), events: [{ name: 'channel_occupied', channel: 'presence-calls' }] })],
    source: 'pusher.com/docs/channels/server_api/webhooks'
  }),
  brief({
    id: 'mandrill',
    name: 'Mandrill',
    category: 'email',
    scheme: { family: 'url-signed', variant: 'twilio', algorithm: 'sha1', signatureHeader: 'X-Mandrill-Signature' },
    description: 'X-Mandrill-Signature: base64 HMAC-SHA1 of the webhook URL followed by the POST parameters sorted by name (name+value) with the webhook key.',
    sample: ['send', () => ({ mandrill_events: JSON.stringify([{ event: 'send', _id: rid(), ts: nowSec(), msg: { email: 'ana@example.com' } }]) })],
    source: 'mailchimp.com/developer/transactional/guides/track-respond-activity-webhooks (authenticating requests)',
    more: { contentType: 'application/x-www-form-urlencoded' }
  }),
  brief({
    id: 'postmark',
    name: 'Postmark',
    category: 'email',
    scheme: { family: 'basic' },
    secretFormat: 'basic',
    description: 'No signature: HTTP Basic credentials embedded in the webhook URL.',
    eventType: ['json:RecordType'],
    eventId: ['json:MessageID'],
    sample: ['Delivery', () => ({ RecordType: 'Delivery', MessageID: uuid(), Recipient: 'ana@example.com', DeliveredAt: isoNow() })],
    source: 'postmarkapp.com/developer/webhooks/webhooks-overview (basic auth)',
    more: { detectVia: 'endpoint' as const, signatureOptional: true }
  }),
  brief({
    id: 'customerio',
    name: 'Customer.io',
    category: 'email',
    scheme: hmacBody('X-CIO-Signature', { timestampHeader: 'X-CIO-Timestamp', template: 'v0:{timestamp}:{body}' }),
    description: 'X-CIO-Signature: hex HMAC-SHA256 of "v0:{X-CIO-Timestamp}:{raw body}" with the webhook signing key.',
    eventType: ['json:metric'],
    eventId: ['json:event_id'],
    sample: ['delivered', () => ({ event_id: rid('', 26), object_type: 'email', metric: 'delivered', timestamp: nowSec(), data: { recipient: 'ana@example.com' } })],
    source: 'customer.io/docs/api/webhooks (securely verifying requests)'
  }),
  brief({
    id: 'nylas',
    name: 'Nylas',
    category: 'email',
    scheme: hmacBody('x-nylas-signature'),
    description: 'x-nylas-signature: hex HMAC-SHA256 of the raw body with the webhook secret.',
    eventType: ['json:type'],
    eventId: ['json:id'],
    sample: ['message.created', () => ({ specversion: '1.0', type: 'message.created', source: '/google/emails/realtime', id: rid(), time: nowSec(), data: { object: { id: rid() } } })],
    source: 'developer.nylas.com/docs/v3/notifications/webhooks'
  }),
  brief({
    id: 'whatsapp-cloud',
    name: 'WhatsApp Cloud API',
    category: 'messaging',
    scheme: hmacBody('X-Hub-Signature-256', { prefix: 'sha256=' }),
    description: 'X-Hub-Signature-256: "sha256=<hex HMAC-SHA256 of the raw body>" with the Meta App Secret.',
    eventType: ['json:entry.0.changes.0.field'],
    sample: ['messages', () => ({ object: 'whatsapp_business_account', entry: [{ id: rid('', 15), changes: [{ field: 'messages', value: { messages: [{ from: phone().slice(1), id: rid('wamid.'), type: 'text' }] } }] }] })],
    source: 'developers.facebook.com/docs/graph-api/webhooks/getting-started (validating payloads)',
    more: { detectVia: 'endpoint' as const, notes: ['GitHub uses the same header: Hookscope judges WhatsApp deliveries at an endpoint set to WhatsApp.'] }
  }),
  brief({
    id: 'microsoft-teams-outgoing',
    name: 'Microsoft Teams (outgoing webhook)',
    category: 'messaging',
    scheme: hmacBody('Authorization', { encoding: 'base64', prefix: 'HMAC ', key: 'base64' }),
    description: 'Authorization: "HMAC <base64 HMAC-SHA256 of the raw body>" keyed with the base64-decoded security token Teams shows when the outgoing webhook is created.',
    // Authorization is too common to claim a delivery: judged as Teams only at an endpoint set to it.
    eventType: ['json:type'],
    eventId: ['json:id'],
    // A user @mentioned the outgoing webhook in a channel; the handler answers with a message activity.
    sample: [
      'message',
      () => ({
        type: 'message',
        id: String(Date.now()),
        timestamp: isoNow(),
        serviceUrl: 'https://smba.trafficmanager.net/amer/',
        channelId: 'msteams',
        from: { id: `29:${rid('', 40)}`, name: 'Ada Lovelace', aadObjectId: uuid() },
        conversation: { isGroup: true, id: `19:${rid('', 32)}@thread.skype;messageid=${Date.now()}`, name: null, conversationType: 'channel', tenantId: uuid() },
        text: '<at>Hookscope</at> status of call 42?',
        textFormat: 'plain',
        channelData: { teamsChannelId: `19:${rid('', 32)}@thread.skype`, teamsTeamId: `19:${rid('', 32)}@thread.skype`, tenant: { id: uuid() } }
      })
    ],
    more: { detectVia: 'endpoint' },
    source: 'OfficeDev/msteams-samples-outgoing-webhook-nodejs app.js (HMAC check with the base64-decoded shared secret)'
  }),
  brief({
    id: 'dixa',
    name: 'Dixa',
    category: 'messaging',
    scheme: hmacKv('X-DIXA-SIGNATURE', 't', 'v1', { key: 'hex', timestampMs: true }),
    secretHint: 'subscription secret key (hex)',
    description: 'X-DIXA-SIGNATURE: "t=<unix ms>,v1=<hex HMAC-SHA256 of {t}.{raw body}>" keyed with the hex-decoded subscription secret key.',
    eventType: ['json:event_fqn'],
    eventId: ['json:event_id'],
    sample: [
      'CONVERSATION_CREATED',
      () => ({
        event_id: uuid(),
        event_fqn: 'CONVERSATION_CREATED',
        event_version: '1',
        event_timestamp: isoNow(),
        organization: { id: uuid(), name: 'Acme Support' },
        data: { conversation: { csid: 4242, channel: 'widget_chat', status: 'open', direction: 'inbound', created_at: isoNow() } }
      })
    ],
    source: 'docs.dixa.io/docs/webhooks/webhooks-security; docs.dixa.io/docs/webhooks/webhooks-payloads',
    more: { notes: ['The tolerance on t is not stated by Dixa: Hookscope uses 5 minutes.'] }
  })
]
