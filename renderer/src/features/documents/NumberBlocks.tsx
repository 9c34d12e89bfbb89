/** 文号与号段: this device's number blocks, allocation, and the voided or unfinished numbers. */
import { App as AntApp, Button, Card, Form, Input, InputNumber, Radio, Select, Table, Tag, Typography } from 'antd';
import { useDesk } from '../../stores/app-store';
import { useDeskQuery } from '../../desk';
import { allocateNumberBlock, numberBlocksView } from '../../desk/documents';
import { seriesLabel, type NumberBlock } from '../../../../shared/documents/numbering';
import { DOCUMENT_KINDS, DOCUMENT_KIND_SHORT, type DocumentKind } from '../../../../shared/documents/types';
import type { OfficeProfile } from '../../../../shared/office/profile';
import { yearOf } from '../../../../shared/util/dates';
import { formatDateTime } from '../../format/time';
import { TechnicalInfo } from '../../components/TechnicalInfo';

export function NumberBlocks(props: { deviceId: string; office: OfficeProfile; today: string }) {
  const { deviceId, office, today } = props;
  const desk = useDesk();
  const { message } = AntApp.useApp();
  type BlockValues = { kind: DocumentKind; year: number; target: 'this' | 'other'; otherDeviceId?: string; first: number; last: number };
  const [form] = Form.useForm<BlockValues>();
  const data = useDeskQuery((d) => numberBlocksView(d), []);
  const target = Form.useWatch('target', form) ?? 'this';

  const add = async () => {
    const v = form.getFieldsValue(true) as BlockValues;
    const forDevice = v.target === 'other' ? String(v.otherDeviceId ?? '').trim() : deviceId;
    const result = await allocateNumberBlock(desk, { officeId: office.officeId, kind: v.kind, year: Number(v.year), deviceId: forDevice, first: Number(v.first), last: Number(v.last) });
    if (!result.ok) void message.error(result.reason);
    else void message.success(`已为${result.block.deviceId === deviceId ? '本机' : '另一台设备'}分配 ${seriesLabel(result.block)} ${result.block.first}–${result.block.last} 号。`);
  };

  const voided = (data?.ledger ?? []).filter((e) => e.state !== 'issued');
  return (
    <div>
      <Typography.Paragraph type="secondary">
        每台设备只能使用分配给它的号段，离线签发也不会重号。号段由管理员分配（接入市级平台后由平台下发）；不同设备的号段不得重叠。为另一台电脑分配时，请在那台电脑本页的“技术信息”中查看它的设备编号。{' '}
        <TechnicalInfo testId="device-id" items={[['本机设备编号', deviceId]]} />
      </Typography.Paragraph>
      <Card size="small" title="分配号段" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" initialValues={{ kind: 'listing-decision', year: yearOf(today), target: 'this', first: 1, last: 100 }} data-testid="block-form">
          <Form.Item name="kind" label="文书">
            <Select style={{ width: 200 }} options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_SHORT[k] }))} data-testid="block-kind" />
          </Form.Item>
          <Form.Item name="year" label="年度">
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="target" label="使用设备">
            <Radio.Group options={[{ value: 'this', label: '本机' }, { value: 'other', label: '另一台设备' }]} data-testid="block-target" />
          </Form.Item>
          {target === 'other' && (
            <Form.Item name="otherDeviceId" label="设备编号" rules={[{ required: true, whitespace: true, message: '请填写那台电脑的设备编号（在它的“文号与号段”页“技术信息”中查看）' }]}>
              <Input style={{ width: 240 }} placeholder="那台电脑的设备编号" />
            </Form.Item>
          )}
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
          { title: '设备', dataIndex: 'deviceId', render: (d: string) => (d === deviceId ? <Tag color="blue">本机</Tag> : <>另一台设备 <TechnicalInfo items={[['设备编号', d]]} /></>) },
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

