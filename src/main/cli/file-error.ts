import { HookscopeError } from '../../shared/errors'

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'part of its folder path is a file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full'
}

/** A file the CLI was told to write (--out, --junit) cannot be: say which and why in a user's words. */
export function cannotWrite(file: string, error: unknown): HookscopeError {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  return new HookscopeError('invalid_input', `Cannot write ${file}: ${REASONS[code] ?? (error as Error).message}.`)
}
