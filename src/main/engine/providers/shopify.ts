import { headerValue } from '../headers'
import { defineHmacProvider } from './hmac-scheme'
import { isoNow, uuid } from './samples'

const gid = (): number => Math.floor(Math.random() * 9e12) + 1e12

/** Shopify: X-Shopify-Hmac-Sha256 = base64 HMAC-SHA256 of the raw body; topic in X-Shopify-Topic. */
export const shopify = defineHmacProvider({
  id: 'shopify',
  category: 'commerce',
  secretFormat: 'hmac-secret',
  confirmedBy: { by: 'docs' },
  name: 'Shopify',
  scheme: 'X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body; topic in X-Shopify-Topic.',
  summary: { algorithm: 'sha256', encoding: 'base64', signatureHeader: 'X-Shopify-Hmac-Sha256', prefix: '', template: '{body}', key: 'raw' },
  eventOf: () => ({ type: null, id: null }),
  eventFromHeaders: (headers) => {
    const type = headerValue(headers, 'X-Shopify-Topic')
    return type === null ? null : { type, id: headerValue(headers, 'X-Shopify-Webhook-Id') }
  },
  extraHeaders: (o) => [
    ['X-Shopify-Topic', o.event ?? 'orders/create'],
    ['X-Shopify-Webhook-Id', o.id ?? uuid()],
    ['X-Shopify-Shop-Domain', 'example.myshopify.com'],
    ['X-Shopify-API-Version', '2024-07']
  ],
  events: [
    { type: 'orders/create', description: 'An order was placed', sample: () => ({ id: gid(), name: '#1001', email: 'buyer@example.com', created_at: isoNow(), total_price: '49.00', currency: 'USD', line_items: [{ id: gid(), title: 'Headset', quantity: 1, price: '49.00' }] }) },
    { type: 'orders/paid', description: 'An order was paid', sample: () => ({ id: gid(), name: '#1002', financial_status: 'paid', total_price: '120.00', currency: 'USD', updated_at: isoNow() }) },
    { type: 'customers/create', description: 'A customer was created', sample: () => ({ id: gid(), email: 'new@example.com', first_name: 'Ana', last_name: 'Lima', created_at: isoNow() }) },
    { type: 'app/uninstalled', description: 'The app was uninstalled', sample: () => ({ id: gid(), name: 'Example Store', domain: 'example.myshopify.com' }) }
  ],
  retry: { delaysMs: [60_000, 300_000, 900_000, 3_600_000], timeoutMs: 5_000, description: 'Retries 8 times over 4 hours when the answer is not 2xx within 5 seconds.' },
  methods: ['POST'],
  contentType: 'application/json'
})
