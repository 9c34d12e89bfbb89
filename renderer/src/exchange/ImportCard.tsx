/**
 * The import wizard: choose the kind of register and the file; the worker reads it and proposes the
 * column mapping (remembered once confirmed, editable); every row is checked in the worker with a
 * progress bar and a cancel button; the preview counts valid, invalid and duplicate rows; the user
 * chooses "import the valid rows" or "nothing until all are fixed"; rejected rows download as a
 * workbook with 错误说明.
 */
import { App as AntApp, Alert, Button, Card, Descriptions, Progress, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { importTemplate, IMPORT_TEMPLATE_IDS, proposeMapping, rejectionText, rowAction, type ColumnMapping, type ImportTemplateId, type MappingProposal } from '../../../shared';
import { useDesk } from '../stores/app-store';
import { commitImport, importRules, previewImport, rememberedMapping, rememberMapping, type CheckedRow, type ImportChoice, type ImportOutcome, type ImportPreview } from '../desk/imports';
import { createImportWorker, type ImportWorkerClient } from './import-client';
import type { OpenResult, PrepareResult } from './import-engine';
import { saveBytes, XLSX_MIME } from './xlsx-writer';

export const TEMPLATE_LABELS: Record<ImportTemplateId, string> = {
  subjects_org: '企业及其他组织主体',
  subjects_person: '自然人主体',
  cases: '失信案件（含认定依据文书）',
  linked_persons: '关联责任人（法定代表人、主要责任人）',
};

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'choose_sheet'; file: Extract<OpenResult, { ok: true }>; fileName: string }
  | { kind: 'mapping'; file: Extract<OpenResult, { ok: true }>; fileName: string; prepared: Extract<PrepareResult, { ok: true }>; proposal: MappingProposal; fields: Record<string, number> }
  | { kind: 'checking'; fileName: string; done: number; total: number }
  | { kind: 'preview'; file: Extract<OpenResult, { ok: true }>; fileName: string; preview: ImportPreview; rows: CheckedRow[] }
  | { kind: 'writing'; fileName: string }
  | { kind: 'done'; file: Extract<OpenResult, { ok: true }>; fileName: string; outcome: ImportOutcome };

const UNMAPPED = -1;

export function ImportCard() {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [templateId, setTemplateId] = useState<ImportTemplateId>('subjects_org');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<ImportChoice>('valid_rows');
  const worker = useRef<ImportWorkerClient | null>(null);
  const template = importTemplate(templateId);

  useEffect(() => () => worker.current?.dispose(), []);

  const reset = () => {
    worker.current?.dispose();
    worker.current = null;
    setStep({ kind: 'idle' });
  };

  const prepare = async (client: ImportWorkerClient, file: Extract<OpenResult, { ok: true }>, fileName: string, sheetName: string) => {
    const prepared = await client.prepare(sheetName);
    if (!prepared.ok) {
      setError(prepared.message);
      setStep({ kind: 'idle' });
      return;
    }
    const remembered = await rememberedMapping(desk, prepared.fingerprint);
    const proposal = remembered ? proposeMapping(template, prepared.prepared.headers, remembered) : prepared.proposal;
    setStep({ kind: 'mapping', file, fileName, prepared, proposal, fields: { ...proposal.mapping.fields } });
  };

  const start = async (file: File) => {
    setError(null);
    worker.current?.dispose();
    const client = createImportWorker();
    worker.current = client;
    setStep({ kind: 'reading', fileName: file.name });
    const opened = await client.open(file, file.name, templateId);
    if (!opened.ok) {
      setError(opened.message);
      setStep({ kind: 'idle' });
      return;
    }
    if (opened.sheet === null) {
      setStep({ kind: 'choose_sheet', file: opened, fileName: file.name });
      if (opened.message) message.info(opened.message);
      return;
    }
    await prepare(client, opened, file.name, opened.sheet);
  };

  const check = async (s: Extract<Step, { kind: 'mapping' }>) => {
    const client = worker.current;
    if (!client) return;
    const mapping: ColumnMapping = { ...s.proposal.mapping, fields: Object.fromEntries(Object.entries(s.fields).filter(([, i]) => i !== UNMAPPED)) };
    setError(null);
    setStep({ kind: 'checking', fileName: s.fileName, done: 0, total: s.prepared.prepared.dataRowCount });
    const rules = await importRules(desk);
    const result = await client.validate(mapping, rules, (done, total) => setStep({ kind: 'checking', fileName: s.fileName, done, total }));
    if (result === null) {
      message.info('已取消检查，没有导入任何数据');
      setStep({ ...s });
      return;
    }
    if (!result.ok) {
      setError(result.message);
      setStep({ ...s });
      return;
    }
    await rememberMapping(desk, mapping);
    const preview = await previewImport(desk, result.rows);
    setStep({ kind: 'preview', file: s.file, fileName: s.fileName, preview, rows: result.rows });
  };

  const write = async (s: Extract<Step, { kind: 'preview' }>) => {
    setStep({ kind: 'writing', fileName: s.fileName });
    const outcome = await commitImport(desk, { templateId, template, file: { name: s.fileName, sha256: s.file.sha256, size: s.file.size }, rows: s.rows, choice });
    setStep({ kind: 'done', file: s.file, fileName: s.fileName, outcome });
    if (outcome.ok) message.success('导入完成');
  };

  const downloadRejects = async (rejected: { rowNumber: number; reason: string }[]) => {
    const result = await worker.current?.rejects(rejected);
    if (!result) {
      setError('无法生成未导入的行，请重新选择文件');
      return;
    }
    if (await saveBytes(result.bytes, result.fileName, XLSX_MIME)) message.success('已保存未导入的行，改正后可重新导入');
  };

  return (
    <Card size="small" title="导入登记册" data-testid="import-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>表格类型</Typography.Text>
          <Select
            style={{ minWidth: 280 }}
            value={templateId}
            onChange={(v) => {
              reset();
              setTemplateId(v);
            }}
            options={IMPORT_TEMPLATE_IDS.map((id) => ({ value: id, label: TEMPLATE_LABELS[id] }))}
            data-testid="import-template"
          />
          <Upload accept=".xlsx,.xls,.et,.csv" showUploadList={false} beforeUpload={(file) => (void start(file), false)} data-testid="import-upload">
            <Button type="primary" disabled={step.kind === 'checking' || step.kind === 'writing'}>
              选择文件
            </Button>
          </Upload>
          <Typography.Text type="secondary">可导入 .xlsx、.xls、WPS表格 .et 和 CSV（UTF-8 或 GBK）</Typography.Text>
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
        {step.kind === 'reading' && <Alert type="info" showIcon title={`正在读取“${step.fileName}”……`} />}
        {step.kind === 'choose_sheet' && (
          <Space>
            <Typography.Text>工作簿中有多张工作表，请选择要导入的一张：</Typography.Text>
            <Select
              style={{ minWidth: 200 }}
              placeholder="选择工作表"
              options={(step.file.candidates.length > 0 ? step.file.candidates : step.file.sheetNames).map((n) => ({ value: n, label: n }))}
              onChange={(n: string) => worker.current && void prepare(worker.current, step.file, step.fileName, n)}
              data-testid="import-sheet"
            />
          </Space>
        )}
        {step.kind === 'mapping' && <MappingEditor step={step} onChange={(fields) => setStep({ ...step, fields })} onConfirm={() => void check(step)} templateId={templateId} />}
        {step.kind === 'checking' && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
            <Typography.Text>
              正在逐行检查“{step.fileName}”：{step.done} / {step.total} 行
            </Typography.Text>
            <Progress percent={step.total > 0 ? Math.floor((step.done / step.total) * 100) : 0} />
            <Button onClick={() => worker.current?.cancel()} data-testid="import-cancel">
              取消
            </Button>
          </Space>
        )}
        {step.kind === 'preview' && <PreviewPanel step={step} choice={choice} onChoice={setChoice} onWrite={() => void write(step)} onCancel={reset} onRejects={() => void downloadRejects(step.preview.rows.filter((r) => rowAction(r) === 'reject').map((r) => ({ rowNumber: r.rowNumber, reason: rejectionText(r) })))} />}
        {step.kind === 'writing' && <Alert type="info" showIcon title="正在写入……（全部写入或全部不写入，不会只写入一半）" />}
        {step.kind === 'done' && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-result">
            {step.outcome.ok ? (
              <Alert
                type="success"
                showIcon
                title={`已导入：新登记主体 ${step.outcome.written.subjects} 个，合并到已有主体 ${step.outcome.written.merged} 行，关联责任人 ${step.outcome.written.links} 条，案件 ${step.outcome.written.cases} 件；已存在而跳过 ${step.outcome.written.skipped} 行；未导入 ${step.outcome.rejected.length} 行`}
              />
            ) : (
              <Alert type="warning" showIcon title={step.outcome.reason} />
            )}
            <Space>
              {step.outcome.rejected.length > 0 && (
                <Button onClick={() => void downloadRejects(step.outcome.rejected)} data-testid="import-download-rejects">
                  下载未导入的行（含错误说明）
                </Button>
              )}
              <Button onClick={reset}>导入其他文件</Button>
            </Space>
          </Space>
        )}
      </Space>
    </Card>
  );
}

function MappingEditor({ step, onChange, onConfirm, templateId }: { step: Extract<Step, { kind: 'mapping' }>; onChange: (fields: Record<string, number>) => void; onConfirm: () => void; templateId: ImportTemplateId }) {
  const template = importTemplate(templateId);
  const byColumn = new Map(Object.entries(step.fields).map(([k, i]) => [i, k]));
  const missing = template.columns.filter((c) => c.required === 'always' && (step.fields[c.key] === undefined || step.fields[c.key] === UNMAPPED));
  const twice = Object.entries(step.fields).filter(([, i], _, all) => i !== UNMAPPED && all.filter(([, j]) => j === i).length > 1);
  const setColumn = (index: number, key: string | null) => {
    const next = Object.fromEntries(Object.entries(step.fields).filter(([k, i]) => i !== index && k !== key));
    if (key) next[key] = index;
    onChange(next);
  };
  const prepared = step.prepared.prepared;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-mapping">
      <Typography.Text>
        工作表“{step.prepared.sheetName}”：表头在第 {prepared.headerRowIndex + 1} 行，数据 {prepared.dataRowCount} 行{prepared.hiddenDataRows > 0 ? `（其中隐藏的行 ${prepared.hiddenDataRows} 行，同样导入）` : ''}。请核对每一列对应的字段：
      </Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="index"
        dataSource={step.proposal.columns}
        columns={[
          { title: '列', dataIndex: 'letter', width: 50 },
          { title: '表格中的表头', dataIndex: 'header' },
          {
            title: '对应字段',
            render: (_, c) => (
              <Select
                style={{ minWidth: 220 }}
                value={byColumn.get(c.index) ?? ''}
                onChange={(v: string) => setColumn(c.index, v === '' ? null : v)}
                options={[{ value: '', label: '（不导入）' }, ...template.columns.map((d) => ({ value: d.key, label: `${d.header}${d.required === 'always' ? '（必填）' : ''}` }))]}
                data-testid={`mapping-${c.letter}`}
              />
            ),
          },
          {
            title: '',
            render: (_, c) => (c.match === 'contains' ? <Tag color="orange">请确认</Tag> : c.match === 'ignored' ? <Tag>错误说明列，不导入</Tag> : null),
          },
        ]}
      />
      {missing.length > 0 && <Alert type="warning" showIcon title={`没有对应的必填字段：${missing.map((c) => `“${c.header}”`).join('、')}。请在上表中指定，或在表格中补上这些列`} />}
      {twice.length > 0 && <Alert type="warning" showIcon title="同一列不能对应两个字段" />}
      <Button type="primary" disabled={missing.length > 0} onClick={onConfirm} data-testid="import-check">
        确认列对应并逐行检查
      </Button>
    </Space>
  );
}

function PreviewPanel({ step, choice, onChoice, onWrite, onCancel, onRejects }: { step: Extract<Step, { kind: 'preview' }>; choice: ImportChoice; onChoice: (c: ImportChoice) => void; onWrite: () => void; onCancel: () => void; onRejects: () => void }) {
  const s = step.preview.summary;
  const problems = step.preview.rows.filter((r) => rowAction(r) === 'reject').slice(0, 200);
  const blocked = choice === 'all_or_nothing' && s.reject > 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-preview">
      <Descriptions size="small" bordered column={4}>
        <Descriptions.Item label="数据行">{s.dataRows}</Descriptions.Item>
        <Descriptions.Item label="通过检查">
          <span data-testid="preview-valid">{s.valid}</span>
        </Descriptions.Item>
        <Descriptions.Item label="有问题">
          <span data-testid="preview-invalid">{s.invalid}</span>
        </Descriptions.Item>
        <Descriptions.Item label="重复">
          <span data-testid="preview-duplicate">{s.duplicateInFile + s.existingConflict}</span>
        </Descriptions.Item>
        <Descriptions.Item label="将新登记">{s.create}</Descriptions.Item>
        <Descriptions.Item label="合并到已有主体">{s.merge}</Descriptions.Item>
        <Descriptions.Item label="已登记，跳过">{s.skip}</Descriptions.Item>
        <Descriptions.Item label="示例行（不导入）">{s.examples}</Descriptions.Item>
      </Descriptions>
      {problems.length > 0 && (
        <Table
          size="small"
          rowKey="rowNumber"
          pagination={{ pageSize: 10 }}
          dataSource={problems}
          columns={[
            { title: '行号', dataIndex: 'rowNumber', width: 70 },
            { title: '错误说明', render: (_, r) => rejectionText(r) },
          ]}
          data-testid="preview-problems"
        />
      )}
      <Radio.Group value={choice} onChange={(e) => onChoice(e.target.value as ImportChoice)} data-testid="import-choice">
        <Radio value="valid_rows">导入通过检查的行，有问题的行导出改正后再导入</Radio>
        <Radio value="all_or_nothing">全部改正后再导入（有问题的行时不导入任何数据）</Radio>
      </Radio.Group>
      {blocked && <Alert type="info" showIcon title={`还有 ${s.reject} 行有问题：请下载这些行，改正后再导入`} />}
      <Space>
        <Button type="primary" disabled={blocked || s.create + s.merge === 0} onClick={onWrite} data-testid="import-write">
          导入
        </Button>
        {s.reject > 0 && (
          <Button onClick={onRejects} data-testid="preview-download-rejects">
            下载有问题的行（含错误说明）
          </Button>
        )}
        <Button onClick={onCancel}>放弃本次导入</Button>
      </Space>
    </Space>
  );
}
