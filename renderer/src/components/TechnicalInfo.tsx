/**
 * 技术信息: digests, device and record ids kept one click away. Lists and pages show what an officer
 * reads (文号, 本机, times); these values matter only to technical support, so they are folded here.
 *
 *   <TechnicalInfo items={[['文件校验值（SHA-256）', doc.sha256], ['设备编号', deviceId]]} />
 */
import { Typography } from 'antd';
import { useState } from 'react';

export type TechnicalItem = readonly [label: string, value: string | null | undefined];

export function TechnicalInfo({ items, testId }: { items: readonly TechnicalItem[]; testId?: string }) {
  const [open, setOpen] = useState(false);
  const shown = items.filter(([, value]) => value);
  if (shown.length === 0) return null;
  return (
    <span data-testid={testId ?? 'technical-info'} style={{ fontSize: 12 }}>
      <Typography.Link type="secondary" onClick={() => setOpen((v) => !v)} style={{ fontSize: 12 }} aria-expanded={open}>
        {open ? '收起技术信息' : '技术信息'}
      </Typography.Link>
      {open && (
        <span style={{ display: 'block' }} data-testid={`${testId ?? 'technical-info'}-details`}>
          {shown.map(([label, value]) => (
            <span key={label} style={{ display: 'block' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {label}：
              </Typography.Text>
              <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {value}
              </Typography.Text>
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
