import type { CreditDeskDb } from './database';

export async function loadDemoData(_db: CreditDeskDb): Promise<{ ok: true; subjects: number; cases: number } | { ok: false; reason: string }> {
  return { ok: false, reason: '演示数据尚未就绪' };
}
