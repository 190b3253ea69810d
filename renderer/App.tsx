import { Suspense, lazy, useMemo, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Spin, Typography } from 'antd';
import { CalculatorOutlined, ClusterOutlined, FundOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { I18nContext, initialLang, rememberLang, type Lang } from './i18n';
import { frameMessages } from './i18n/frame';
import { navigate, useHashRoute } from './components/useHashRoute';

const ProjectsPage = lazy(() => import('./pages/projects/ProjectsPage'));
const GuidesPage = lazy(() => import('./pages/guides/GuidesPage'));
const ContributionsPage = lazy(() => import('./pages/contributions/ContributionsPage'));
const StaffingPage = lazy(() => import('./pages/staffing/StaffingPage'));
const AreaPlanPage = lazy(() => import('./pages/plan/AreaPlanPage'));

const PAGES = [
  { key: 'projects', icon: <CalculatorOutlined />, Page: ProjectsPage, label: 'menuProjects' },
  { key: 'guides', icon: <FundOutlined />, Page: GuidesPage, label: 'menuGuides' },
  { key: 'contributions', icon: <SafetyCertificateOutlined />, Page: ContributionsPage, label: 'menuContributions' },
  { key: 'staffing', icon: <TeamOutlined />, Page: StaffingPage, label: 'menuStaffing' },
  { key: 'plan', icon: <ClusterOutlined />, Page: AreaPlanPage, label: 'menuPlan' },
] as const;

export default function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const route = useHashRoute();
  const i18n = useMemo(
    () => ({
      lang,
      setLang: (l: Lang) => {
        rememberLang(l);
        dayjs.locale(l === 'zh' ? 'zh-cn' : 'en');
        setLangState(l);
      },
    }),
    [lang],
  );
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  const m = frameMessages[lang];
  const current = PAGES.find((p) => p.key === route[0]) ?? PAGES[0];
  const { Page } = current;

  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1f6feb', borderRadius: 4 } }}>
        <AntApp>
          <Layout style={{ minHeight: '100vh' }}>
            <Layout.Sider width={220} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
              <div style={{ padding: '16px 16px 8px' }}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  Paybench
                </Typography.Title>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.subtitle}
                </Typography.Text>
              </div>
              <Menu
                mode="inline"
                selectedKeys={[current.key]}
                items={PAGES.map((p) => ({ key: p.key, icon: p.icon, label: m[p.label] }))}
                onClick={(e) => navigate(e.key)}
                style={{ borderInlineEnd: 'none' }}
              />
              <div style={{ padding: 16 }}>
                <Button size="small" onClick={() => i18n.setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">
                  {m.otherLanguage}
                </Button>
              </div>
            </Layout.Sider>
            <Layout.Content style={{ padding: '20px 20px', background: '#fff', minWidth: 0 }}>
              <Suspense fallback={<Spin />}>
                <Page />
              </Suspense>
            </Layout.Content>
          </Layout>
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
