/** What an import did, in one sentence (CLI and UI say the same). */
export function importMessage(imported: number, skipped: number, file: string): string {
  const plural = (n: number): string => `${n} request${n === 1 ? '' : 's'}`
  const done = imported ? `Imported ${plural(imported)} from ${file}` : `Nothing new in ${file}`
  return skipped ? `${done}; ${skipped} already imported, skipped.` : `${done}.`
}
