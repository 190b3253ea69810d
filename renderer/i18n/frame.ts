import { defineMessages } from './index';

/** The frame around the pages: the subtitle under the product name, the menu, the language switch. */
export const frameMessages = defineMessages(
  {
    subtitle: '社工薪酬与购买服务预算工作台',
    menuProjects: '项目预算',
    menuGuides: '薪酬指导价',
    menuContributions: '社保公积金参数',
    menuStaffing: '岗位测算',
    menuPlan: '区域规划',
    menuRoster: '人员名册',
    menuReview: '预算审核',
    // the switch names the language it switches to, in that language
    otherLanguage: 'English',
    otherLanguageShort: 'EN',
    collapseMenu: '收起菜单',
    expandMenu: '展开菜单',
  },
  {
    subtitle: 'Social-work pay & service budgets',
    menuProjects: 'Project budgets',
    menuGuides: 'Pay guides',
    menuContributions: 'Contributions',
    menuStaffing: 'Staffing',
    menuPlan: 'Area plan',
    menuRoster: 'Roster',
    menuReview: 'Budget review',
    otherLanguage: '中文',
    otherLanguageShort: '中',
    collapseMenu: 'Collapse the menu',
    expandMenu: 'Expand the menu',
  },
);

export type FrameMessages = (typeof frameMessages)['zh'];
