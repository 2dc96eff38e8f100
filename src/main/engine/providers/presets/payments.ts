// Payments, billing and commerce senders.
import { rid, uuid, isoNow } from '../samples'
import { brief, hmacBody, hmacKv, nowSec } from './kit'

export const PAYMENT_PRESETS = [
  brief({
    id: 'square',
    name: 'Square',
    category: 'payments',
    scheme: hmacBody('x-square-hmacsha256-signature', { encoding: 'base64', template: '{url}{body}' }),
    description: 'x-square-hmacsha256-signature: base64 HMAC-SHA256 of "{notification URL}{raw body}" with the subscription signature key.',
    eventType: ['json:type'],
    eventId: ['json:event_id'],
    sample: ['payment.updated', () => ({ merchant_id: rid('', 13).toUpperCase(), type: 'payment.updated', event_id: uuid(), created_at: isoNow(), data: { type: 'payment', id: rid('', 22), object: { payment: { status: 'COMPLETED' } } } })],
    source: 'developer.squareup.com/docs/webhooks/step3validate',
    confirmedBy: { by: 'sdk', package: 'square' }
  }),
  brief({
    id: 'paddle',
    name: 'Paddle Billing',
    category: 'payments',
    scheme: hmacKv('Paddle-Signature', 'ts', 'h1', { template: '{timestamp}:{body}', kv: { timestamp: 'ts', signature: 'h1', separator: ';' } }),
    description: 'Paddle-Signature: "ts=<unix s>;h1=<hex HMAC-SHA256 of {ts}:{raw body}>" with the notification destination secret.',
    eventType: ['json:event_type'],
    eventId: ['json:event_id'],
    sample: ['transaction.completed', () => ({ event_id: rid('evt_', 26), event_type: 'transaction.completed', occurred_at: isoNow(), data: { id: rid('txn_', 26), status: 'completed' } })],
    source: 'developer.paddle.com/webhooks/signature-verification',
    confirmedBy: { by: 'sdk', package: '@paddle/paddle-node-sdk' }
  }),
  brief({
    id: 'lemonsqueezy',
    name: 'Lemon Squeezy',
    category: 'payments',
    scheme: hmacBody('X-Signature'),
    description: 'X-Signature: hex HMAC-SHA256 of the raw body with the webhook signing secret.',
    eventType: ['json:meta.event_name'],
    sample: ['order_created', () => ({ meta: { event_name: 'order_created' }, data: { type: 'orders', id: String(Math.floor(Math.random() * 1e6)) } })],
    source: 'docs.lemonsqueezy.com/help/webhooks/signing-requests',
    more: { detectVia: 'endpoint' as const, notes: ['X-Signature is too common a header to claim: set an endpoint to Lemon Squeezy.'] }
  }),
  brief({
    id: 'razorpay',
    name: 'Razorpay',
    category: 'payments',
    scheme: hmacBody('X-Razorpay-Signature'),
    description: 'X-Razorpay-Signature: hex HMAC-SHA256 of the raw body with the webhook secret.',
    eventType: ['json:event'],
    eventId: ['header:X-Razorpay-Event-Id'],
    sample: ['payment.captured', () => ({ entity: 'event', event: 'payment.captured', created_at: nowSec(), payload: { payment: { entity: { id: rid('pay_', 14), amount: 50000 } } } })],
    source: 'razorpay.com/docs/webhooks/validate-test',
    confirmedBy: { by: 'sdk', package: 'razorpay' }
  }),
  brief({
    id: 'checkout-com',
    name: 'Checkout.com',
    category: 'payments',
    scheme: hmacBody('Cko-Signature'),
    description: 'Cko-Signature: hex HMAC-SHA256 of the raw body with the webhook secret key.',
    eventType: ['json:type'],
    eventId: ['json:id'],
    sample: ['payment_captured', () => ({ id: rid('evt_', 26), type: 'payment_captured', created_on: isoNow(), data: { id: rid('pay_', 26), amount: 1000 } })],
    source: 'checkout.com/docs/developer-resources/webhooks (verify the signature)'
  }),
  brief({
    id: 'coinbase-commerce',
    name: 'Coinbase Commerce',
    category: 'payments',
    scheme: hmacBody('X-CC-Webhook-Signature'),
    description: 'X-CC-Webhook-Signature: hex HMAC-SHA256 of the raw body with the shared webhook secret.',
    eventType: ['json:event.type'],
    eventId: ['json:event.id'],
    sample: ['charge:confirmed', () => ({ id: 1, scheduled_for: isoNow(), event: { id: uuid(), type: 'charge:confirmed', data: { code: rid('', 8).toUpperCase() } } })],
    source: 'docs.cdp.coinbase.com/commerce (webhooks security)'
  }),
  brief({
    id: 'paystack',
    name: 'Paystack',
    category: 'payments',
    scheme: hmacBody('x-paystack-signature', { algorithm: 'sha512' }),
    description: 'x-paystack-signature: hex HMAC-SHA512 of the raw body with the account secret key.',
    eventType: ['json:event'],
    sample: ['charge.success', () => ({ event: 'charge.success', data: { id: Math.floor(Math.random() * 1e9), reference: rid('ref_'), amount: 50000, status: 'success' } })],
    source: 'paystack.com/docs/payments/webhooks (verify event origin)'
  }),
  brief({
    id: 'gocardless',
    name: 'GoCardless',
    category: 'payments',
    scheme: hmacBody('Webhook-Signature'),
    description: 'Webhook-Signature: hex HMAC-SHA256 of the raw body with the endpoint secret.',
    eventType: ['json:events.0.action'],
    eventId: ['json:events.0.id'],
    sample: ['confirmed', () => ({ events: [{ id: rid('EV', 12).toUpperCase(), created_at: isoNow(), resource_type: 'payments', action: 'confirmed', links: { payment: rid('PM', 12) } }] })],
    source: 'developer.gocardless.com/getting-started/staying-up-to-date-with-webhooks'
  }),
  brief({
    id: 'dwolla',
    name: 'Dwolla',
    category: 'payments',
    scheme: hmacBody('X-Request-Signature-SHA-256'),
    description: 'X-Request-Signature-SHA-256: hex HMAC-SHA256 of the raw body with the webhook subscription secret.',
    eventType: ['json:topic'],
    eventId: ['json:id'],
    sample: ['customer_transfer_completed', () => ({ id: uuid(), resourceId: uuid(), topic: 'customer_transfer_completed', timestamp: isoNow() })],
    source: 'developers.dwolla.com/docs/balance/webhooks (process validating webhooks)'
  }),
  brief({
    id: 'mollie',
    name: 'Mollie',
    category: 'payments',
    scheme: hmacBody('X-Mollie-Signature', { prefix: 'sha256=' }),
    description: 'X-Mollie-Signature: "sha256=<hex HMAC-SHA256 of the raw body>" with the webhook signing secret.',
    eventType: ['json:type'],
    eventId: ['json:id'],
    sample: ['payment-link.paid', () => ({ resource: 'event', id: rid('event_', 10), type: 'payment-link.paid', entityId: rid('pl_', 10), createdAt: isoNow() })],
    source: 'docs.mollie.com (next-gen webhooks, verifying signatures)'
  }),
  brief({
    id: 'airwallex',
    name: 'Airwallex',
    category: 'payments',
    scheme: hmacBody('x-signature', { timestampHeader: 'x-timestamp', template: '{timestamp}{body}' }),
    description: 'x-signature: hex HMAC-SHA256 of "{x-timestamp}{raw body}" (timestamp in ms) with the webhook secret.',
    eventType: ['json:name'],
    eventId: ['json:id'],
    sample: ['payment_intent.succeeded', () => ({ id: uuid(), name: 'payment_intent.succeeded', account_id: uuid(), created_at: isoNow(), data: { object: { id: rid('int_') } } })],
    source: 'airwallex.com/docs/developer-tools__listen-for-webhook-events',
    more: { detectVia: 'endpoint' as const }
  }),
  brief({
    id: 'xero',
    name: 'Xero',
    category: 'payments',
    scheme: hmacBody('x-xero-signature', { encoding: 'base64' }),
    description: 'x-xero-signature: base64 HMAC-SHA256 of the raw body with the webhook key.',
    eventType: ['json:events.0.eventType'],
    sample: ['UPDATE', () => ({ events: [{ resourceUrl: 'https://api.xero.com/api.xro/2.0/Invoices/1', eventCategory: 'INVOICE', eventType: 'UPDATE', eventDateUtc: isoNow() }], firstEventSequence: 1, lastEventSequence: 1, entropy: rid('', 20) })],
    source: 'developer.xero.com/documentation/guides/webhooks/configuring-your-server'
  }),
  brief({
    id: 'quickbooks',
    name: 'QuickBooks Online',
    category: 'payments',
    scheme: hmacBody('intuit-signature', { encoding: 'base64' }),
    description: 'intuit-signature: base64 HMAC-SHA256 of the raw body with the webhook verifier token.',
    sample: ['Create', () => ({ eventNotifications: [{ realmId: '1185883450', dataChangeEvent: { entities: [{ name: 'Invoice', id: '130', operation: 'Create', lastUpdated: isoNow() }] } }] })],
    source: 'developer.intuit.com/app/developer/qbo/docs/develop/webhooks'
  }),
  brief({
    id: 'fastspring',
    name: 'FastSpring',
    category: 'commerce',
    scheme: hmacBody('X-FS-Signature', { encoding: 'base64' }),
    description: 'X-FS-Signature: base64 HMAC-SHA256 of the raw body with the webhook HMAC secret.',
    eventType: ['json:events.0.type'],
    eventId: ['json:events.0.id'],
    sample: ['order.completed', () => ({ events: [{ id: rid(), type: 'order.completed', live: false, created: Date.now(), data: { order: rid() } }] })],
    source: 'developer.fastspring.com/reference/message-security'
  }),
  brief({
    id: 'woocommerce',
    name: 'WooCommerce',
    category: 'commerce',
    scheme: hmacBody('X-WC-Webhook-Signature', { encoding: 'base64' }),
    description: 'X-WC-Webhook-Signature: base64 HMAC-SHA256 of the raw body with the webhook secret; topic in X-WC-Webhook-Topic.',
    eventType: ['header:X-WC-Webhook-Topic'],
    eventId: ['header:X-WC-Webhook-Delivery-ID'],
    sample: ['order.created', () => ({ id: Math.floor(Math.random() * 1e4), status: 'processing', total: '49.00', currency: 'USD', date_created: isoNow() })],
    source: 'woocommerce.github.io/woocommerce-rest-api-docs (webhooks, delivery headers)',
    more: { extraHeaders: [['X-WC-Webhook-Topic', '{event}'], ['X-WC-Webhook-Delivery-ID', '{id}']] }
  }),
  brief({
    id: 'chargebee',
    name: 'Chargebee',
    category: 'payments',
    scheme: { family: 'basic' },
    secretFormat: 'basic',
    description: 'No signature: HTTP Basic credentials configured on the webhook.',
    eventType: ['json:event_type'],
    eventId: ['json:id'],
    sample: ['subscription_created', () => ({ id: rid('ev_', 16), occurred_at: nowSec(), event_type: 'subscription_created', content: { subscription: { id: rid('', 16) } } })],
    source: 'apidocs.chargebee.com/docs/api/events (webhook basic authentication)',
    more: { detectVia: 'endpoint' as const, signatureOptional: true }
  }),
  brief({
    id: 'plaid',
    name: 'Plaid',
    category: 'payments',
    scheme: { family: 'jwt', header: 'Plaid-Verification', algorithm: 'ES256', bare: true, payloadHashClaim: 'request_body_sha256' },
    secretFormat: 'public-key',
    secretHint: 'public key: the JWK /webhook_verification_key/get returns, or PEM',
    description:
      'Plaid-Verification: an ES256 JWT (header kid) with claims iat (at most 5 minutes old) and request_body_sha256 (hex SHA-256 of the raw body); verify with the JWK that /webhook_verification_key/get returns for the kid.',
    eventType: ['json:webhook_code'],
    eventId: ['json:item_id'],
    sample: [
      'SYNC_UPDATES_AVAILABLE',
      () => ({ webhook_type: 'TRANSACTIONS', webhook_code: 'SYNC_UPDATES_AVAILABLE', item_id: rid('', 37), initial_update_complete: true, historical_update_complete: false, environment: 'production' })
    ],
    source: 'plaid.com/docs/api/webhooks/webhook-verification (steps to verify webhooks)',
    more: {
      notes: [
        "--secret takes the JWK Plaid's /webhook_verification_key/get returns for the JWT's kid (as JSON), or the same key as PEM; Hookscope does not call Plaid's API, so fetch the key yourself and paste it again when Plaid rotates it."
      ]
    }
  })
]
