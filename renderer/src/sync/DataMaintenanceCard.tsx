/**
 * 设置 → 数据维护: 重置本机数据. Refused while anything is unsent and no export covers it (the reason
 * names the count and points to 同步 → 导出离线同步文件); otherwise asks for the typed words
 * 「确认重置」, deletes this device's database and reloads to first-run.
 */
import { App as AntApp, Alert, Button, Card, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ButtonProps } from 'antd';
import { useAppStore } from '../stores/app-store';
import { resetLocalData, RESET_CONFIRMATION } from '../desk';
import { navigate } from '../router';
import { checkBeforeDestructive } from '../desk/sync';
import { errorTextZh } from '../format/error-text';

export function DataMaintenanceCard() {
  const desk = useAppStore((s) => s.desk);
  const deviceId = useAppStore((s) => s.deviceId);
  const { message } = AntApp.useApp();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);

  const start = async () => {
    if (!desk) return;
    setRefusal(null);
    const verdict = await checkBeforeDestructive(desk, 'reset');
    if (!verdict.allowed) {
      setRefusal(verdict.reasonZh);
      return;
    }
    setTyped('');
    setConfirming(true);
  };

  const reset = async () => {
    if (!desk) return;
    setBusy(true);
    try {
      const r = await resetLocalData(desk, typed, deviceId ? { deviceId } : {});
      if (r.ok) {
        setConfirming(false);
        message.success('本机数据已清除，正在重新启动…');
        window.location.hash = '';
        window.location.reload();
        return;
      }
      if (r.code === 'unsent') {
        setConfirming(false);
        setRefusal(r.reasonZh);
      } else message.error(r.reasonZh);
    } catch (error) {
      console.error('reset failed', error);
      message.error(errorTextZh(error, '本机数据没有重置（数据未被删除）'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="数据维护" size="small" style={{ marginBottom: 16 }} data-testid="data-maintenance">
      <Typography.Paragraph type="secondary">
        重置本机数据会删除这台电脑上的全部案件、文书、设置和待报送记录，回到首次使用状态，不能撤销。还有未报送到市平台的记录时不能重置，除非已先导出离线同步文件。
      </Typography.Paragraph>
      <Button danger onClick={() => void start()} data-testid="reset-local-data">
        重置本机数据
      </Button>
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="reset-refused"
          title={refusal}
          action={
            <Button size="small" onClick={() => navigate('sync')}>
              去同步页面
            </Button>
          }
        />
      )}
      <Modal
        open={confirming}
        title="重置本机数据"
        okText="重置"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: typed.trim() !== RESET_CONFIRMATION, loading: busy, 'data-testid': 'reset-confirm-ok' } as ButtonProps}
        onOk={() => void reset()}
        onCancel={() => setConfirming(false)}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>这台电脑上的全部办案数据将被删除。请输入「{RESET_CONFIRMATION}」确认：</Typography.Text>
          <Input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={RESET_CONFIRMATION} data-testid="reset-confirm-input" />
        </Space>
      </Modal>
    </Card>
  );
}
