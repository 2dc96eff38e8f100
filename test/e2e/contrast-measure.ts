import type { Locator } from '@playwright/test'

export interface LowContrast {
  text: string
  color: string
  background: string
  ratio: number
}

/**
 * WCAG contrast of every piece of text inside `root`, measured in the page: the computed colour of each
 * element that directly holds text, against the background it really sits on (the ancestors' background
 * colours composited, opacity included). Returns the ratio of every text, lowest first.
 */
export async function measureContrast(root: Locator): Promise<LowContrast[]> {
  return root.evaluate((el) => {
    type Rgba = [number, number, number, number]
    const parse = (css: string): Rgba => {
      const m = css.match(/rgba?\(([^)]+)\)/)
      if (!m) throw new Error(`unexpected colour ${css}`)
      const p = m[1].split(/[,\s/]+/).filter(Boolean).map(Number)
      return [p[0], p[1], p[2], p[3] ?? 1]
    }
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3] + bottom[3] * (1 - top[3])
      if (a === 0) return [0, 0, 0, 0]
      const mix = (i: number): number => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a
      return [mix(0), mix(1), mix(2), a]
    }
    const luminance = ([r, g, b]: Rgba): number => {
      const lin = (c: number): number => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    const backgroundOf = (node: Element): Rgba => {
      const layers: Rgba[] = []
      for (let e: Element | null = node; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor)
        if (c[3] > 0) layers.push(c)
        if (c[3] >= 1) break
      }
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1])
    }
    const opacityOf = (node: Element): number => {
      let o = 1
      for (let e: Element | null = node; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity)
      return o
    }
    const out: { text: string; color: string; background: string; ratio: number }[] = []
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    const seen = new Set<Element>()
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const owner = n.parentElement
      if (!owner || seen.has(owner) || !n.textContent?.trim()) continue
      seen.add(owner)
      const style = getComputedStyle(owner)
      if (style.visibility === 'hidden' || style.display === 'none' || owner.getClientRects().length === 0) continue
      // Disabled controls are exempt from WCAG 1.4.3.
      if (owner.closest('button:disabled, select:disabled, input:disabled')) continue
      const bg = backgroundOf(owner)
      const c = parse(style.color)
      const fg = over([c[0], c[1], c[2], c[3] * opacityOf(owner)], bg)
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a)
      out.push({ text: n.textContent.trim().slice(0, 40), color: style.color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`, ratio: (l1 + 0.05) / (l2 + 0.05) })
    }
    return out.sort((a, b) => a.ratio - b.ratio)
  })
}
