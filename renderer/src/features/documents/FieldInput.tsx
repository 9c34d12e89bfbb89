import { Input, InputNumber, Select } from 'antd';
import type { FieldSpec } from '../../documents/forms';

/** A form control for one field; Form.Item injects id, value and onChange, which are passed on. */
export function FieldInput({ spec, ...control }: { spec: FieldSpec } & Record<string, unknown>) {
  switch (spec.type) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} {...control} />;
    case 'lines':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="每行一项" {...control} />;
    case 'date':
      return <Input type="date" style={{ width: 200 }} {...control} />;
    case 'number':
      return <InputNumber min={1} {...control} />;
    case 'select':
      return <Select options={spec.options} style={{ width: 240 }} {...control} />;
    default:
      return <Input {...control} />;
  }
}

