import { App as AntApp, Alert, Badge, Button, ConfigProvider, Layout, Menu, Result, Select, Space, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { useEffect, useRef, type ReactNode } from 'react';
import { SECTIONS, navigate, useRoute, type SectionKey } from './router';
import { CasesPage } from './pages/CasesPage';
import { SubjectsPage } from './pages/SubjectsPage';
import { DeadlinesPage } from './pages/DeadlinesPage';
import { DocumentsPage } from './features/documents/DocumentsPage';
import { SyncPage } from './pages/SyncPage';
import { SettingsPage } from './pages/SettingsPage';
import { StatisticsPage } from './features/statistics/StatisticsPage';
import { ExchangePage } from './exchange/ExchangePage';
import { useAppStore } from './stores/app-store';
import { attentionCounts, useDeskQuery } from './desk';
import { SyncStatusBadge } from './sync/SyncStatusBadge';

dayjs.locale('zh-cn');

/**
 * The desktop build serves the page with a CSP whose style-src allows one nonce per load (antd writes
 * its styles at run time); main puts it in <meta property="csp-nonce">. Browser mode has none.
 */
const STYLE_NONCE = typeof document !== 'undefined' ? ((document.querySelector('meta[property="csp-nonce"]') as HTMLMetaElement | null)?.nonce ?? '') : '';

const PAGES: Record<SectionKey, (params: string[]) => ReactNode> = {
  cases: (params) => <CasesPage params={params} />,
  subjects: (params) => <SubjectsPage params={params} />,
  deadlines: () => <DeadlinesPage />,
  documents: (params) => <DocumentsPage params={params} />,
  statistics: () => <StatisticsPage />,
  exchange: (params) => <ExchangePage params={params} />,
  sync: () => <SyncPage />,
  settings: () => <SettingsPage />,
};

function StartupReminder({ overdue, dueToday }: { overdue: number; dueToday: number }) {
  const { notification } = AntApp.useApp();
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current || overdue + dueToday === 0) return;
    shown.current = true;
    notification.warning({
      key: 'startup-reminder',
      title: '期限提醒',
      description: (
        <span data-testid="startup-reminder">
          {overdue > 0 ? `有 ${overdue} 项期限已逾期` : ''}
          {overdue > 0 && dueToday > 0 ? '，' : ''}
          {dueToday > 0 ? `今天到期 ${dueToday} 项` : ''}。
          <a onClick={() => navigate('deadlines')}>查看期限清单</a>
        </span>
      ),
      duration: 8,
    });
  }, [overdue, dueToday, notification]);
  return null;
}

/** 培训模式, on every screen while the training database is open: nothing here is real or synced. */
function TrainingBanner() {
  return (
    <Alert
      type="warning"
      banner
      data-testid="training-banner"
      title={<Typography.Text strong>培训模式：这里的主体、案件和文书都是虚构的演示数据，保存在单独的培训数据库中，不会同步或导出到市平台，也不会混入办公室的正式数据。</Typography.Text>}
      action={
        <Button size="small" onClick={() => navigate('settings')} data-testid="training-banner-settings">
          清空或退出培训模式
        </Button>
      }
      style={{ position: 'sticky', top: 0, zIndex: 10 }}
    />
  );
}

function Shell() {
  const route = useRoute();
  const { status, message, office, staffName, today, fixedToday, setStaff, mode } = useAppStore();
  const counts = useDeskQuery((desk) => attentionCounts(desk), [today]);
  const badge = counts ? counts.overdue + counts.dueToday : 0;

  if (status === 'refused') {
    return (
      <Result status="warning" title="本机数据来自较新版本，已停止打开" subTitle={message} data-testid="db-refused" extra={<Typography.Text type="secondary">数据没有被改动或删除。</Typography.Text>} />
    );
  }
  if (status === 'error') return <Result status="error" title="无法打开本机数据" subTitle={message} data-testid="db-error" />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={168} theme="light" data-testid="nav">
        <Typography.Title level={4} style={{ padding: '16px 16px 8px', margin: 0 }}>
          信用办案台
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={[route.section]}
          items={SECTIONS.map((s) => ({
            key: s.key,
            label:
              s.key === 'deadlines' && badge > 0 ? (
                <Space>
                  {s.label}
                  <Badge count={badge} data-testid="nav-deadline-badge" title={`逾期 ${counts?.overdue ?? 0} 项，今天到期 ${counts?.dueToday ?? 0} 项`} />
                </Space>
              ) : (
                s.label
              ),
          }))}
          onClick={({ key }) => navigate(key as SectionKey)}
        />
      </Layout.Sider>
      <Layout>
        {mode === 'training' && <TrainingBanner />}
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Text strong>{office?.name ?? '尚未设置办公室'}</Typography.Text>
          <Typography.Text type="secondary" data-testid="today">
            今天：{today}
            {fixedToday ? '（指定日期）' : ''}
          </Typography.Text>
          <span style={{ flex: 1 }} />
          <SyncStatusBadge />
          {office && office.staff.length > 0 && (
            <Space>
              <Typography.Text type="secondary">经办人</Typography.Text>
              <Select size="small" style={{ minWidth: 120 }} value={staffName ?? undefined} onChange={(v) => void setStaff(v)} options={office.staff.map((s) => ({ value: s, label: s }))} data-testid="staff-select" />
            </Space>
          )}
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }} data-testid={`page-${route.section}`}>
          {status === 'opening' ? (
            <Spin description="正在打开本机数据…" />
          ) : (
            <>
              {!office && route.section !== 'settings' && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  data-testid="first-run-banner"
                  title="首次使用：请先完成办公室设置（名称、统一社会信用代码、规则集、编号前缀、经办人），或载入演示数据试用。"
                  action={<Button type="primary" size="small" onClick={() => navigate('settings')}>去设置</Button>}
                />
              )}
              {PAGES[route.section](route.params)}
            </>
          )}
        </Layout.Content>
      </Layout>
      {counts && <StartupReminder overdue={counts.overdue} dueToday={counts.dueToday} />}
    </Layout>
  );
}

export function App() {
  const init = useAppStore((s) => s.init);
  useEffect(() => {
    void init();
  }, [init]);
  return (
    <ConfigProvider locale={zhCN} csp={STYLE_NONCE ? { nonce: STYLE_NONCE } : undefined} theme={{ token: { fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif" } }}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}
