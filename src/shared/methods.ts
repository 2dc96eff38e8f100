// The names of the Api's methods and events, free of any dependency so the sandboxed preload can bundle it.

export const API_METHODS = [
  // signatures: providers, endpoints, secrets (api/signatures.ts)
  'listProviders',
  'listEndpoints',
  'createEndpoint',
  'updateEndpoint',
  'deleteEndpoint',
  'addSecret',
  'removeSecret',
  'getSecretStorage',
  'getVerificationSnippet',
  'getInfo',
  'listRequests',
  'getRequest',
  'deleteRequest',
  'clearRequests',
  'deleteMatching',
  'getSettings',
  'updateSettings',
  'nextCapture',
  'getDecodedBody',
  'readBody',
  'getTunnel',
  'startTunnel',
  'stopTunnel',
  'dismissTunnelUrlChange',
  // outbound: send, replay, forward (api/outbound.ts)
  'outboundCatalog',
  'sampleEvent',
  'listTargets',
  'saveTarget',
  'deleteTarget',
  'replayRequest',
  'sendEvent',
  'listDeliveries',
  'listForwardRules',
  'saveForwardRule',
  'deleteForwardRule',
  'exportRequests',
  'importHar',
  'cancelOutbound',
  // forge-test (api/forge.ts)
  'forgeStart',
  'forgeGet',
  'forgeCancel',
  'forgeList',
  'forgeExport',
  'forgeDelivery',
  // calls and diff (api/calls.ts)
  'listCalls',
  'getCall',
  'diffRequests',
  'previousDelivery',
  // retention and limits (api/storage.ts)
  'pinRequest',
  'getStorage'
] as const

export type ApiMethod = (typeof API_METHODS)[number]

export const API_EVENTS = ['requestsUpdated', 'endpointsChanged', 'requestsAdded', 'requestsDeleted', 'settingsChanged', 'tunnelChanged', 'deliveryRecorded', 'forwardRulesChanged', 'forgeProgress'] as const
export type ApiEvent = (typeof API_EVENTS)[number]

export const IPC_PREFIX = 'hookscope:'
export const IPC_EVENT_CHANNEL = 'hookscope:event'
