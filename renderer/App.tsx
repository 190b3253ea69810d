import { Suspense, lazy, useMemo, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Spin, Tooltip, Typography } from 'antd';
import {
  AuditOutlined,
  CalculatorOutlined,
  ClusterOutlined,
  FundOutlined,
  IdcardOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { I18nContext, initialLang, rememberLang, type Lang } from './i18n';
import { frameMessages } from './i18n/frame';
import { useHashRoute } from './components/useHashRoute';
import { leaveTo } from './components/leaveGuard';

const ProjectsPage = lazy(() => import('./pages/projects/ProjectsPage'));
const GuidesPage = lazy(() => import('./pages/guides/GuidesPage'));
const ContributionsPage = lazy(() => import('./pages/contributions/ContributionsPage'));
const StaffingPage = lazy(() => import('./pages/staffing/StaffingPage'));
const AreaPlanPage = lazy(() => import('./pages/plan/AreaPlanPage'));
const RosterPage = lazy(() => import('./pages/roster/RosterPage'));
const ReviewPage = lazy(() => import('./pages/review/ReviewPage'));
/** 预算对比 (#/compare/<id>/<id>…): opened from the project list, not a menu entry of its own */
const ComparePage = lazy(() => import('./pages/compare/ComparePage'));

const PAGES = [
  { key: 'projects', icon: <CalculatorOutlined />, Page: ProjectsPage, label: 'menuProjects' },
  { key: 'guides', icon: <FundOutlined />, Page: GuidesPage, label: 'menuGuides' },
  { key: 'contributions', icon: <SafetyCertificateOutlined />, Page: ContributionsPage, label: 'menuContributions' },
  { key: 'staffing', icon: <TeamOutlined />, Page: StaffingPage, label: 'menuStaffing' },
  { key: 'plan', icon: <ClusterOutlined />, Page: AreaPlanPage, label: 'menuPlan' },
  { key: 'roster', icon: <IdcardOutlined />, Page: RosterPage, label: 'menuRoster' },
  { key: 'review', icon: <AuditOutlined />, Page: ReviewPage, label: 'menuReview' },
] as const;

const SIDER_KEY = 'paybench.siderCollapsed';

/** The menu folded to its icons, as the user left it: on a 1280-pixel screen the tables need the room. */
function initialCollapsed(): boolean {
  try {
    return localStorage.getItem(SIDER_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberCollapsed(collapsed: boolean) {
  try {
    localStorage.setItem(SIDER_KEY, collapsed ? '1' : '0');
  } catch {
    // storage refused (private mode): the choice holds for this session only
  }
}

export default function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [collapsed, setCollapsedState] = useState(initialCollapsed);
  const setCollapsed = (c: boolean) => {
    rememberCollapsed(c);
    setCollapsedState(c);
  };
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
            <Layout.Sider
              width={208}
              collapsedWidth={56}
              collapsible
              collapsed={collapsed}
              trigger={null}
              theme="light"
              style={{ borderRight: '1px solid #f0f0f0' }}
              data-testid="sider"
            >
              {/* the column runs the page's full height; its contents stay in view as a long page scrolls */}
              <div style={{ position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' }}>
                <div style={{ padding: collapsed ? '16px 0 8px' : '16px 16px 8px', textAlign: collapsed ? 'center' : 'left' }}>
                  <Typography.Title level={4} style={{ margin: 0 }}>
                    {collapsed ? 'P' : 'Paybench'}
                  </Typography.Title>
                  {!collapsed && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.subtitle}
                    </Typography.Text>
                  )}
                </div>
                <Menu
                  mode="inline"
                  selectedKeys={[current.key]}
                  items={PAGES.map((p) => ({ key: p.key, icon: p.icon, label: m[p.label] }))}
                  onClick={(e) => void leaveTo(e.key)}
                  style={{ borderInlineEnd: 'none' }}
                />
                <Space
                  direction={collapsed ? 'vertical' : 'horizontal'}
                  align="center"
                  style={{ padding: collapsed ? '16px 0' : 16, width: '100%', justifyContent: collapsed ? 'center' : 'space-between' }}
                >
                  <Tooltip title={collapsed ? m.otherLanguage : undefined} placement="right">
                    <Button size="small" onClick={() => i18n.setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">
                      {collapsed ? m.otherLanguageShort : m.otherLanguage}
                    </Button>
                  </Tooltip>
                  <Tooltip title={collapsed ? m.expandMenu : m.collapseMenu} placement="right">
                    <Button
                      size="small"
                      type="text"
                      icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                      onClick={() => setCollapsed(!collapsed)}
                      aria-label={collapsed ? m.expandMenu : m.collapseMenu}
                      data-testid="sider-toggle"
                    />
                  </Tooltip>
                </Space>
              </div>
            </Layout.Sider>
            <Layout.Content style={{ padding: '20px 20px', background: '#fff', minWidth: 0 }}>
              <Suspense fallback={<Spin />}>{route[0] === 'compare' ? <ComparePage /> : <Page />}</Suspense>
            </Layout.Content>
          </Layout>
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
