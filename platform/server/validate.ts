/**
 * Validation on the platform: per operation (each failure becomes field errors on that operation
 * alone), and the admin inputs (office enrolment, published items).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalize, CanonicalJsonError } from '../../shared/sync/hash';
import { valueTooDeep } from '../../shared/sync/json-depth';
import { IdSchema, MAX_JSON_DEPTH, MAX_PAYLOAD_BYTES, PULLED_KINDS, payloadSchemaVersionsOf, PushOperationSchema, type FieldError, type PushOperation } from '../../shared/sync/protocol';

/** Shortest office token accepted (issued tokens are 43 characters). */
export const MIN_TOKEN_LENGTH = 16;

export const OfficeEnrolmentSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(100),
  token: z
    .string()
    .min(MIN_TOKEN_LENGTH, `token shorter than ${MIN_TOKEN_LENGTH} characters`)
    .max(256)
    .regex(/^[\x21-\x7e]+$/, 'token: printable ASCII without spaces')
    .optional(),
});

export const PublishItemSchema = z.object({
  id: IdSchema,
  kind: z.enum(PULLED_KINDS),
  caseId: z.string().min(1).max(128).optional(),
  payload: z.custom<unknown>((value) => value !== undefined, 'payload required').refine((value) => !valueTooDeep(value, MAX_JSON_DEPTH), `payload nests deeper than ${MAX_JSON_DEPTH} levels`),
});

/** What each admin-input field's error says to a person. */
const ADMIN_FIELD_ZH: Readonly<Record<string, string>> = {
  id: '编号只能由 1–64 位字母、数字、下划线或连字符组成',
  name: '请填写单位名称（100 字以内）',
  token: `单位令牌至少 ${MIN_TOKEN_LENGTH} 个字符，且只能是不含空格的英文字符`,
  kind: '平台不认识的下发事项类型',
  caseId: '案件编号格式不正确',
  payload: '缺少下发内容，或内容嵌套层次过深',
};

/** Field errors (English and Chinese) from a failed admin-input parse. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const path = issue.path.join('.') || '(input)';
    const code = field === 'token' && issue.code === 'too_small' ? 'short-token' : issue.code;
    return { path, code, message: issue.message, messageZh: (Object.hasOwn(ADMIN_FIELD_ZH, field) ? ADMIN_FIELD_ZH[field] : undefined) ?? `字段格式不正确：${path}` };
  });
}

export type Validated =
  | { ok: true; op: PushOperation; canonical: string }
  | { ok: false; kind: 'rejected'; errors: FieldError[] }
  | { ok: false; kind: 'retry-later'; reason: string };

function fieldError(path: string, code: string, message: string, messageZh: string): FieldError {
  return { path, code, message, messageZh };
}

/** PostgreSQL jsonb cannot hold U+0000; find such strings (and keys) so the record is rejected with a path. */
function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) return `${path}.${JSON.stringify(key)}`;
      const hit = findNul(child, `${path}.${key}`);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function sha256HexNode(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function validateOperation(raw: unknown, batchDeviceId: string): Validated {
  const parsed = PushOperationSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      kind: 'rejected',
      errors: parsed.error.issues.map((issue) =>
        fieldError(issue.path.join('.') || '(operation)', issue.code, issue.message, `字段格式不正确：${issue.path.join('.') || '操作'}`),
      ),
    };
  }
  const op = parsed.data;
  const errors: FieldError[] = [];
  // An operation keeps the deviceId of the device that recorded it (its deviceSeq is per that device);
  // the batch's deviceId is the sender, which differs after a restore onto another machine.
  void batchDeviceId;
  const versions = payloadSchemaVersionsOf(op.kind);
  if (!versions) {
    errors.push(fieldError('kind', 'unknown-kind', `unknown operation kind ${op.kind}`, `平台不认识的操作类型：${op.kind}`));
  } else if (op.payloadSchemaVersion > versions.max) {
    // A newer desk than this platform: defer rather than drop.
    return { ok: false, kind: 'retry-later', reason: `payload schema version ${op.payloadSchemaVersion} of ${op.kind} is newer than this platform supports (${versions.max})` };
  } else if (op.payloadSchemaVersion < versions.min) {
    errors.push(fieldError('payloadSchemaVersion', 'too-old', `payload schema version ${op.payloadSchemaVersion} is no longer accepted`, '数据格式版本过旧，平台已不再接收，请升级办案台后重新提交'));
  }
  if (op.payload === null || typeof op.payload !== 'object' || Array.isArray(op.payload)) {
    errors.push(fieldError('payload', 'not-object', 'payload must be a JSON object', '操作内容必须是一个对象'));
  }
  if (op.kind === 'case-event' && op.payload && typeof op.payload === 'object' && !Array.isArray(op.payload)) {
    // The desk sends the whole appended event (shared/case/events.ts): it names its type and its case.
    const event = op.payload as { type?: unknown; caseId?: unknown };
    if (typeof event.type !== 'string' || event.type.length === 0) errors.push(fieldError('payload.type', 'required', 'case event without a type', '案件事件缺少事件类型'));
    if (event.caseId !== undefined && event.caseId !== op.entityId) errors.push(fieldError('payload.caseId', 'entity-mismatch', 'payload.caseId differs from entityId', '事件所属案件与操作对象不一致'));
  }
  if (valueTooDeep(op.payload, MAX_JSON_DEPTH)) {
    return { ok: false, kind: 'rejected', errors: [fieldError('payload', 'too-deep', `payload nests deeper than ${MAX_JSON_DEPTH} levels`, '操作内容嵌套层次过深')] };
  }
  const nul = findNul(op.payload, 'payload');
  if (nul) errors.push(fieldError(nul, 'nul-character', 'string contains U+0000', '内容中含有不可见的空字符（\\u0000），请删除后重新提交'));
  let canonical = '';
  try {
    canonical = canonicalize(op.payload);
  } catch (error) {
    errors.push(fieldError('payload', 'not-canonical', error instanceof CanonicalJsonError ? error.message : 'payload cannot be canonicalized', '操作内容无法规范化'));
  }
  if (canonical.length > MAX_PAYLOAD_BYTES) {
    errors.push(fieldError('payload', 'too-large', `payload larger than ${MAX_PAYLOAD_BYTES} bytes`, '操作内容过大'));
  }
  if (errors.length === 0 && sha256HexNode(canonical) !== op.payloadHash) {
    errors.push(fieldError('payloadHash', 'hash-mismatch', 'payloadHash is not the SHA-256 of the canonical payload', '内容校验值不符（内容可能在发送前被改动）'));
  }
  if (Number.isNaN(Date.parse(op.recordedAt))) errors.push(fieldError('recordedAt', 'bad-time', 'recordedAt is not a time', '记录时间格式不正确'));
  return errors.length > 0 ? { ok: false, kind: 'rejected', errors } : { ok: true, op, canonical };
}
