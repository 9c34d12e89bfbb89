/** 文号与号段: this device's number blocks, allocation, and the voided or unfinished numbers. */
import { App as AntApp, Button, Card, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useDesk } from '../../stores/app-store';
import { useDeskQuery } from '../../desk';
import { allocateNumberBlock, numberBlocksView } from '../../desk/documents';
import { seriesLabel, type NumberBlock } from '../../../../shared/documents/numbering';
import { DOCUMENT_KINDS, DOCUMENT_KIND_SHORT, type DocumentKind } from '../../../../shared/documents/types';
import type { OfficeProfile } from '../../../../shared/office/profile';
import { yearOf } from '../../../../shared/util/dates';
import { formatDateTime } from '../../format/time';

export function NumberBlocks(props: { deviceId: string; office: OfficeProfile; today: string }) {
  const { deviceId, office, today } = props;
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ kind: DocumentKind; year: number; deviceId: string; first: number; last: number }>();
  const data = useDeskQuery((d) => numberBlocksView(d), []);

  const add = async () => {
    const v = form.getFieldsValue(true) as { kind: DocumentKind; year: number; deviceId: string; first: number; last: number };
    const result = await allocateNumberBlock(desk, { officeId: office.officeId, kind: v.kind, year: Number(v.year), deviceId: String(v.deviceId ?? '').trim(), first: Number(v.first), last: Number(v.last) });
    if (!result.ok) void message.error(result.reason);
    else void message.success(`已为设备 ${result.block.deviceId} 分配 ${seriesLabel(result.block)} ${result.block.first}–${result.block.last} 号。`);
  };

  const voided = (data?.ledger ?? []).filter((e) => e.state !== 'issued');
  return (
    <div>
      <Typography.Paragraph type="secondary">
        每台设备只能使用分配给它的号段，离线签发也不会重号。号段由管理员分配（接入市级平台后由平台下发）；不同设备的号段不得重叠。本机设备号：
        <Typography.Text code copyable data-testid="device-id">
          {deviceId}
        </Typography.Text>
      </Typography.Paragraph>
      <Card size="small" title="分配号段" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" initialValues={{ kind: 'listing-decision', year: yearOf(today), deviceId, first: 1, last: 100 }} data-testid="block-form">
          <Form.Item name="kind" label="文书">
            <Select style={{ width: 200 }} options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_SHORT[k] }))} data-testid="block-kind" />
          </Form.Item>
          <Form.Item name="year" label="年度">
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="deviceId" label="设备">
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="first" label="起号">
            <InputNumber min={1} data-testid="block-first" />
          </Form.Item>
          <Form.Item name="last" label="止号">
            <InputNumber min={1} data-testid="block-last" />
          </Form.Item>
          <Button type="primary" onClick={() => void add()} data-testid="block-add">
            分配
          </Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        dataSource={data?.blocks ?? []}
        pagination={false}
        columns={[
          { title: '文号序列', render: (_: unknown, b: NumberBlock) => seriesLabel(b) },
          { title: '设备', dataIndex: 'deviceId', render: (d: string) => (d === deviceId ? <Tag color="blue">本机</Tag> : d) },
          { title: '号段', render: (_: unknown, b: NumberBlock) => `${b.first}–${b.last}` },
          { title: '剩余', render: (_: unknown, _b: NumberBlock, i: number) => data?.remaining[i] ?? '' },
          { title: '分配人', dataIndex: 'assignedBy' },
        ]}
      />
      <Card size="small" title="作废与未完成的文号" style={{ marginTop: 16 }}>
        {voided.length === 0 ? (
          <Typography.Text type="secondary">没有作废的文号。</Typography.Text>
        ) : (
          <Table
            rowKey="id"
            size="small"
            dataSource={voided}
            pagination={false}
            columns={[
              { title: '文号序列', render: (_: unknown, e: (typeof voided)[number]) => seriesLabel(e) },
              { title: '序号', dataIndex: 'seq' },
              { title: '状态', dataIndex: 'state', render: (s: string) => (s === 'voided' ? <Tag color="red">作废</Tag> : <Tag color="orange">签发中</Tag>) },
              { title: '原因', dataIndex: 'voidReason' },
              { title: '时间', dataIndex: 'voidedAt', render: (at: string) => formatDateTime(at) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

