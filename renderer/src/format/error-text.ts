/**
 * An error as the officer reads it: the Chinese message the code gave (`messageZh`, or a message
 * already in Chinese), else what happened in words with what to do next — never an English
 * exception text. The original error goes to the console (logs are in English).
 *
 *   message.error(errorTextZh(error, '导出没有完成'));
 */
const NEXT_STEP_ZH = '请重试；仍不成功请联系技术支持。';

export function errorTextZh(error: unknown, whatFailedZh: string): string {
  const zh = (error as { messageZh?: unknown } | null)?.messageZh;
  if (typeof zh === 'string' && zh) return zh;
  if (error instanceof Error && /[\u4e00-\u9fff]/u.test(error.message)) return error.message;
  console.error(`${whatFailedZh}:`, error);
  return `${whatFailedZh}。${NEXT_STEP_ZH}`;
}
