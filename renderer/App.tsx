import { Suspense, lazy, useMemo, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Spin, Typography } from 'antd';
import { CalculatorOutlined, ClusterOutlined, FundOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { I18nContext, initialLang, translate, type Lang } from './i18n';
import { navigate, useHashRoute } from './components/useHashRoute';

const ProjectsPage = lazy(() => import('./pages/projects/ProjectsPage'));
const GuidesPage = lazy(() => import('./pages/guides/GuidesPage'));
const ContributionsPage = lazy(() => import('./pages/contributions/ContributionsPage'));
const StaffingPage = lazy(() => import('./pages/staffing/StaffingPage'));
const AreaPlanPage = lazy(() => import('./pages/plan/AreaPlanPage'));

const PAGES = [
  { key: 'projects', icon: <CalculatorOutlined />, Page: ProjectsPage },
  { key: 'guides', icon: <FundOutlined />, Page: GuidesPage },
  { key: 'contributions', icon: <SafetyCertificateOutlined />, Page: ContributionsPage },
  { key: 'staffing', icon: <TeamOutlined />, Page: StaffingPage },
  { key: 'plan', icon: <ClusterOutlined />, Page: AreaPlanPage },
] as const;

export default function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const route = useHashRoute();
  const i18n = useMemo(
    () => ({
      lang,
      setLang: (l: Lang) => {
        localStorage.setItem('paybench.lang', l);
        dayjs.locale(l === 'zh' ? 'zh-cn' : 'en');
        setLangState(l);
      },
      t: (key: string) => translate(lang, key),
    }),
    [lang],
  );
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
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
                  {i18n.t('appSubtitle')}
                </Typography.Text>
              </div>
              <Menu
                mode="inline"
                selectedKeys={[current.key]}
                items={PAGES.map((p) => ({ key: p.key, icon: p.icon, label: i18n.t(`menu.${p.key}`) }))}
                onClick={(e) => navigate(e.key)}
                style={{ borderInlineEnd: 'none' }}
              />
              <div style={{ padding: 16 }}>
                <Button size="small" onClick={() => i18n.setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">
                  {i18n.t('language')}
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
