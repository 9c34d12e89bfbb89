/**
 * 联合奖惩 on the case page: the current stage (shared/'s fold), the 实施部门 and what each has done,
 * and the prompts to revoke / lift once the listing has ended (shared/'s flags).
 */
import { Alert, Button, Card, Descriptions, Tag, Typography } from 'antd';
import type { CaseEventType } from '../../../shared/case/events';
import { CASE_EVENT_LABELS } from '../../../shared/case/events';
import type { CaseState } from '../../../shared/case/state';
import { JOINT_STAGE_LABELS } from '../../../shared/case/state';
import { jointProgress, windDownPrompts } from '../../../shared/case/joint';

const STAGE_COLOR: Record<CaseState['jointStage'], string> = { none: 'default', J0: 'processing', J1: 'processing', J2: 'blue', J3: 'green', J4: 'default' };

/** The 联合奖惩 stage as a tag (also used in the case header). */
export function JointStageTag({ state }: { state: CaseState }) {
  return (
    <Tag color={STAGE_COLOR[state.jointStage]} data-testid="case-joint-stage" data-stage={state.jointStage}>
      联合奖惩：{JOINT_STAGE_LABELS[state.jointStage]}
    </Tag>
  );
}

/** Prompts for what must stop now that the listing has ended; each opens the action that resolves it. */
export function WindDownAlerts({ state, onAct }: { state: CaseState; onAct: (type: CaseEventType) => void }) {
  const prompts = windDownPrompts(state);
  if (prompts.length === 0) return null;
  return (
    <div style={{ marginBottom: 12 }}>
      {prompts.map((p) => (
        <Alert
          key={p.key}
          type={p.level}
          showIcon
          style={{ marginBottom: 8 }}
          data-testid={`winddown-${p.key}`}
          title={p.title}
          description={p.description}
          action={
            <Button size="small" danger={p.level === 'error'} onClick={() => onAct(p.action)} data-testid={`winddown-${p.key}-act`}>
              办理{CASE_EVENT_LABELS[p.action]}
            </Button>
          }
        />
      ))}
    </div>
  );
}

export function JointSanctionCard({ state }: { state: CaseState }) {
  const p = jointProgress(state);
  return (
    <Card size="small" title="联合奖惩" style={{ marginBottom: 16 }} data-testid="joint-card" extra={<Typography.Text type="secondary">{JOINT_STAGE_LABELS[state.jointStage]}</Typography.Text>}>
      {p.stage === 'none' ? (
        <Typography.Text type="secondary">尚未发起联合奖惩。</Typography.Text>
      ) : (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="发起">
              {p.initiatedOn ?? '—'}
              {p.platformRef ? `（平台录入编号 ${p.platformRef}）` : ''}
            </Descriptions.Item>
            {p.revokedOn && (
              <Descriptions.Item label="撤销">
                {p.revokedOn}（{p.revokeReason}）
              </Descriptions.Item>
            )}
          </Descriptions>
          {p.units.length === 0 ? (
            <Typography.Text type="secondary">尚未确定实施部门。</Typography.Text>
          ) : (
            p.units.map((u) => (
              <div key={u.unit} data-testid="joint-unit" data-unit={u.unit} style={{ marginBottom: 4 }}>
                <Typography.Text strong>{u.unit}</Typography.Text>{' '}
                {u.respondedOn ? <Tag color="blue">{u.respondedOn} 响应</Tag> : <Tag>待响应</Tag>}
                {u.feedbackOn ? <Tag color="green">{u.feedbackOn} 反馈</Tag> : u.respondedOn ? <Tag>待反馈</Tag> : null}
                {u.measureLabels.length > 0 && <Typography.Text type="secondary">措施：{u.measureLabels.join('、')}</Typography.Text>}
                {u.feedback && (
                  <div>
                    <Typography.Text type="secondary">反馈：{u.feedback}</Typography.Text>
                  </div>
                )}
              </div>
            ))
          )}
        </>
      )}
    </Card>
  );
}
