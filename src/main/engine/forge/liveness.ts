import type { OutboundResult } from '../outbound/send-http'

/**
 * What a run learns about the target staying alive: a target that stops answering in time is hanging
 * (the rest is not sent), and one that answered and then refuses connections most likely crashed on
 * the delivery it was handling: an uncaught exception in a node:http handler takes the whole server down.
 */
export class Liveness {
  private silentInARow = 0
  private answered = false
  private stoppedDuring: string | null = null

  constructor(private readonly hangAfter: number) {}

  get hanging(): boolean {
    return this.silentInARow >= this.hangAfter
  }

  observe(checkTitle: string, r: OutboundResult): void {
    this.silentInARow = r.errorKind === 'timeout' ? this.silentInARow + 1 : 0
    if (r.answered) {
      this.answered = true
      this.stoppedDuring = null
    } else if (this.answered && !this.stoppedDuring && (r.errorKind === 'refused' || r.errorKind === 'reset')) {
      this.stoppedDuring = checkTitle
    }
  }

  /** Advice for a check that got no answer, when the target had answered before and then went away. */
  explain(checkTitle: string): string | null {
    if (!this.stoppedDuring) return null
    if (checkTitle === this.stoppedDuring) {
      return 'Your handler dropped this delivery and stopped answering: it probably crashed, so catch errors in the handler and answer 401 instead of letting an exception end the process.'
    }
    return `Not judged: the target stopped answering during "${this.stoppedDuring}" and has not answered since.`
  }
}
