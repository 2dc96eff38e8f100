// Deliveries between their first byte and their answer. Quitting waits for them, so a provider whose
// delivery was being stored when the user quit gets its answer instead of a cut connection (which it
// would retry, and the retry would be a duplicate). Costs a counter per delivery, nothing more.

export class InFlight {
  private count = 0
  private closing = false
  private readonly drainWaiters: (() => void)[] = []
  private readonly sleepers = new Set<() => void>()

  get size(): number {
    return this.count
  }

  /** True once draining began: answers then close their connection rather than keep it alive. */
  get draining(): boolean {
    return this.closing
  }

  begin(): void {
    this.count++
  }

  end(): void {
    this.count--
    if (this.count === 0) for (const wake of this.drainWaiters.splice(0)) wake()
  }

  /**
   * A configured answer delay. Draining cuts it short: the delivery is already stored, and quitting
   * must not wait minutes for a delay someone set to test a provider's timeout.
   */
  delay(ms: number): Promise<void> {
    if (this.closing || ms <= 0) return Promise.resolve()
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer)
        this.sleepers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      this.sleepers.add(wake)
    })
  }

  /** Resolves true when every delivery in flight has been answered, or false after `graceMs`. */
  drain(graceMs: number): Promise<boolean> {
    this.closing = true
    for (const wake of [...this.sleepers]) wake()
    if (this.count === 0) return Promise.resolve(true)
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const i = this.drainWaiters.indexOf(done)
        if (i >= 0) this.drainWaiters.splice(i, 1)
        resolve(false)
      }, graceMs)
      const done = (): void => {
        clearTimeout(timer)
        resolve(true)
      }
      this.drainWaiters.push(done)
    })
  }
}
