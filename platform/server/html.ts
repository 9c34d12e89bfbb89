/** The read-only overview page: what each office has sent. */
import type { PlatformStore } from './store';

function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function skewText(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  return Math.abs(ms) > 5 * 60_000 ? `<b class="warn">${minutes} 分钟</b>` : `${Math.round(ms / 1000)} 秒`;
}

export async function renderOverview(store: PlatformStore): Promise<string> {
  const { offices, batches } = await store.summary();
  const officeRows = offices
    .map(
      (o) =>
        `<tr><td>${esc(o.id)}</td><td>${esc(o.name)}</td><td class="n">${o.ops}</td><td class="n">${o.batches}</td><td class="n">${o.rejections}</td><td class="n">${o.conflicts}</td><td class="n">${o.mediaIncomplete}</td><td>${esc(o.lastReceivedAt ?? '—')}</td><td>${skewText(o.maxAbsSkewMs)}</td></tr>`,
    )
    .join('');
  const batchRows = batches
    .map(
      (b) =>
        `<tr><td>${esc(b.officeId)}</td><td><code>${esc(b.batchId)}</code></td><td><code>${esc(b.deviceId)}</code></td><td>${b.source === 'sneakernet' ? '离线文件' : '网络'}</td><td class="n">${b.opCount}</td><td class="n">${b.deliveries}</td><td>${skewText(b.skewMs)}</td><td>${esc(b.firstReceivedAt)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>市公共信用信息平台（参考实现）· 接收情况</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin-bottom:24px}td,th{border:1px solid #ccc;padding:4px 8px;font-size:13px}th{background:#f3f3f3}.n{text-align:right}.warn{color:#b00}</style></head>
<body><h1>各单位报送情况</h1><p>只读页面。时钟偏差为平台收到批次时与设备发送时间之差。</p>
<table data-testid="offices"><thead><tr><th>单位</th><th>名称</th><th>已收记录</th><th>批次</th><th>退回</th><th>冲突</th><th>附件未齐</th><th>最近接收</th><th>最大时钟偏差</th></tr></thead><tbody>${officeRows}</tbody></table>
<h2>最近批次</h2><table data-testid="batches"><thead><tr><th>单位</th><th>批次</th><th>设备</th><th>方式</th><th>记录数</th><th>送达次数</th><th>时钟偏差</th><th>首次接收</th></tr></thead><tbody>${batchRows}</tbody></table>
</body></html>`;
}
