// The lines every verification snippet shares: an Express or Flask app reading WEBHOOK_SECRET, a
// constant-time compare, the 200 answer.
import type { Provider } from '../providers/types'

export const join = (lines: string[]): string => lines.join('\n')

export const NODE_HEAD = (p: Provider, env: string): string[] => [
  `// ${p.name}: ${p.scheme ?? ''}`,
  `const crypto = require('node:crypto')`,
  `const express = require('express')`,
  `const app = express()`,
  `const ${env} = process.env.WEBHOOK_SECRET`
]
export const PY_HEAD = (p: Provider, env: string): string[] => [
  `# ${p.name}: ${p.scheme ?? ''}`,
  `import base64, hashlib, hmac, json, os, time`,
  `from flask import Flask, request, abort`,
  `app = Flask(__name__)`,
  `${env} = os.environ["WEBHOOK_SECRET"]`
]
export const NODE_SAFE = [
  `function safeEqual(a, b) {`,
  `  const x = Buffer.from(a)`,
  `  const y = Buffer.from(b)`,
  `  return x.length === y.length && crypto.timingSafeEqual(x, y)`,
  `}`
]
export const PY_SAFE = [`def safe_equal(a: str, b: str) -> bool:`, `    return len(a) == len(b) and hmac.compare_digest(a.encode(), b.encode())`]
export const NODE_TAIL = [`  res.status(200).json({ received: true })`, `})`, `app.listen(3000)`]
export const PY_TAIL = [`    return {"received": True}, 200`]
