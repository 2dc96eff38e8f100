// Starting points for the answers call-control webhooks expect back. Each is a template (shared/template.ts)
// reading the request; the UI offers them, users edit them.
import type { Header } from './types'

export interface AnswerPreset {
  id: string
  label: string
  headers: Header[]
  body: string
}

export const ANSWER_PRESETS: AnswerPreset[] = [
  {
    id: 'twiml',
    label: 'TwiML (Twilio voice)',
    headers: [['Content-Type', 'text/xml']],
    body: [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Response>',
      '  <Say voice="alice">Hello from Hookscope. Call {{body.CallSid}} from {{body.From}}.</Say>',
      '  <Pause length="1"/>',
      '  <Hangup/>',
      '</Response>'
    ].join('\n')
  },
  {
    id: 'ncco',
    label: 'Vonage NCCO',
    headers: [['Content-Type', 'application/json']],
    body: JSON.stringify(
      [
        { action: 'talk', text: 'Hello from Hookscope. Conversation {{body.conversation_uuid}}.' },
        { action: 'input', type: ['dtmf'], dtmf: { maxDigits: 1 }, eventUrl: ['https://example.com/ncco/input'] }
      ],
      null,
      2
    )
  },
  {
    id: 'assistant',
    label: 'Voice-AI assistant (assistant-request)',
    headers: [['Content-Type', 'application/json']],
    body: JSON.stringify(
      {
        assistant: {
          firstMessage: 'Hi, this is the Hookscope test assistant. How can I help?',
          model: { provider: 'openai', model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'You are a helpful receptionist. Call id: {{body.message.call.id}}.' }] },
          metadata: { callId: '{{body.message.call.id}}', requestId: '{{header.x-request-id}}' }
        }
      },
      null,
      2
    )
  },
  {
    id: 'json',
    label: 'JSON echo of the call',
    headers: [['Content-Type', 'application/json']],
    body: '{"received": true, "event": "{{event.type}}", "call": "{{call.id}}"}'
  }
]
