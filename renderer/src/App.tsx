import { App as AntApp, ConfigProvider, Layout, Menu, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { SECTIONS, navigate, useRoute, type SectionKey } from './router';
import { CasesPage } from './pages/CasesPage';
import { SubjectsPage } from './pages/SubjectsPage';
import { DeadlinesPage } from './pages/DeadlinesPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { SyncPage } from './pages/SyncPage';
import { SettingsPage } from './pages/SettingsPage';

dayjs.locale('zh-cn');

const PAGES: Record<SectionKey, (params: string[]) => ReactNode> = {
  cases: (params) => <CasesPage params={params} />,
  subjects: (params) => <SubjectsPage params={params} />,
  deadlines: () => <DeadlinesPage />,
  documents: () => <DocumentsPage />,
  sync: () => <SyncPage />,
  settings: () => <SettingsPage />,
};

export function App() {
  const route = useRoute();
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif" } }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider width={168} theme="light" data-testid="nav">
            <Typography.Title level={4} style={{ padding: '16px 16px 8px', margin: 0 }}>
              信用办案台
            </Typography.Title>
            <Menu
              mode="inline"
              selectedKeys={[route.section]}
              items={SECTIONS.map((s) => ({ key: s.key, label: s.label }))}
              onClick={({ key }) => navigate(key as SectionKey)}
            />
          </Layout.Sider>
          <Layout.Content style={{ padding: 24 }} data-testid={`page-${route.section}`}>
            {PAGES[route.section](route.params)}
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
