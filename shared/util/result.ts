/**
 * A refusal carries an English `code` for logs and a Chinese `reason` a user can act on.
 * Every check in shared/ answers with this envelope instead of throwing.
 */
export type Refusal = { ok: false; code: string; reason: string };
export type Ok<T extends object = Record<never, never>> = { ok: true } & T;
export type Check<T extends object = Record<never, never>> = Ok<T> | Refusal;

export function refuse(code: string, reason: string): Refusal {
  return { ok: false, code, reason };
}
