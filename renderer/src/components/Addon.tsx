/**
 * Text beside an input (a unit such as 日 or %, a label such as 成立日期), as antd 6 wants it: a
 * Space.Compact with a Space.Addon (the inputs' own addonBefore / addonAfter are deprecated).
 */
import { Input, InputNumber, Space, type InputNumberProps, type InputProps } from 'antd';
import type { ReactNode } from 'react';

/** An InputNumber with its unit after it; usable as a Form.Item control (value / onChange go to the input). */
export function NumberWithUnit({ unit, ...props }: InputNumberProps<number> & { unit: ReactNode }) {
  return (
    <Space.Compact>
      <InputNumber<number> {...props} />
      <Space.Addon>{unit}</Space.Addon>
    </Space.Compact>
  );
}

/** An Input with a label before it. */
export function InputWithLabel({ label, style, ...props }: InputProps & { label: ReactNode }) {
  return (
    <Space.Compact style={style}>
      <Space.Addon>{label}</Space.Addon>
      <Input {...props} />
    </Space.Compact>
  );
}
