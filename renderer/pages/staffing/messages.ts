import { defineMessages } from '../../i18n';

/**
 * Every text of the 岗位测算 page, Chinese (the default) and English. Rule names, rule parameters
 * and the arithmetic steps come from the staffing rules themselves and are never translated.
 */
export const staffingMessages = defineMessages(
  {
    title: '岗位测算',
    intro:
      '按政策文件的配备规则测算岗位数：每条规则给出下限、上限和按取值点选定的人数，并列出计算过程。区间规则中的“10 至 15 人”“每 300–500 户”均为可编辑的参数。',
    loadFailed: '读取配备规则失败',
    computeFailed: '岗位测算失败',

    // tabs
    tabCommunity: '社区（按户数/人口）',
    tabUnionEmployees: '工会（按职工）',
    tabUnionBranches: '工会（按基层工会）',
    tabPopulation: '按人口',
    tabNgoShare: '社会组织 70 %',
    tabCertificate: '持证率',

    // policy point (取值点)
    point: '取值点',
    pointMin: '下限',
    pointMid: '中值',
    pointMax: '上限',
    pointCustom: '自定比例',
    customPlaceholder: '0–1，如 0.25',

    // outcome
    min: '下限',
    chosen: '取值',
    max: '上限',
    unbounded: '不限',
    steps: '计算过程',
    parameters: '规则参数',

    // community tab
    rule: '配备规则',
    date: '测算日期（取生效版本）',
    households: '户数',
    residents: '常住人口',
    elderlyShare: '老年人口占比（%）',
    elderlySharePlaceholder: '如 28',
    urbanRural: '城乡',
    urban: '城市社区',
    rural: '农村社区',
    currentStaff: '现有人数',
    certifiedStaff: '持证人数',
    paramsEditable: '规则参数（可编辑，按生效日期分版本）',
    paramsEdited: '规则参数（已修改，按修改后的参数测算）',
    restoreParams: '恢复原参数',
    saveRule: '保存为我的规则（须换一个代号 key）',
    compute: '测算',
    ruleSaved: (name: string, key: string) => `已保存规则“${name}”（${key}），区域规划中可选用`,
    saveRuleFailed: '保存规则失败',
    badJson: (detail: string) => `规则参数不是有效的 JSON：${detail}`,

    // one-unit tabs: what is counted, and the rule in one line
    countUnionEmployees: '职工人数',
    countUnionBranches: '基层工会数',
    countPopulation: '城镇常住人口',
    countNgoShare: '机构岗位总数',
    countCertificate: '社区工作人员数',
    noteUnionEmployees: '工会：每 3000–5000 名职工配 1 名社工（下限 ceil(n/5000)，上限 ceil(n/3000)）',
    noteUnionBranches: '工会：每 30–50 家基层工会配 1 名社工（下限 ceil(n/50)，上限 ceil(n/30)）',
    notePopulation: '每万名城镇常住人口 18 名社区工作者（向上取整）',
    noteNgoShare: '公益服务类社会组织：社工专业岗位不低于岗位总数的 70 %',
    noteCertificate: '持证率：城市社区 100 %，农村社区 80 % 以上',
  },
  {
    title: 'Staffing',
    intro:
      'Counts posts by the staffing rules of the policy documents: each rule gives a minimum, a maximum and the number chosen at the policy point, with the arithmetic. Ranges such as “10 to 15 staff” or “one per 300–500 households” are editable parameters.',
    loadFailed: 'Could not load the staffing rules',
    computeFailed: 'Staffing calculation failed',

    tabCommunity: 'Community (households / population)',
    tabUnionEmployees: 'Trade union (employees)',
    tabUnionBranches: 'Trade union (branches)',
    tabPopulation: 'By population',
    tabNgoShare: 'NGO 70 %',
    tabCertificate: 'Certificate rate',

    point: 'Policy point',
    pointMin: 'Minimum',
    pointMid: 'Midpoint',
    pointMax: 'Maximum',
    pointCustom: 'Custom share',
    customPlaceholder: '0–1, e.g. 0.25',

    min: 'Minimum',
    chosen: 'Chosen',
    max: 'Maximum',
    unbounded: 'No limit',
    steps: 'Arithmetic',
    parameters: 'Rule parameters',

    rule: 'Staffing rule',
    date: 'Date (selects the version in force)',
    households: 'Households',
    residents: 'Residents',
    elderlyShare: 'Share aged 60+ (%)',
    elderlySharePlaceholder: 'e.g. 28',
    urbanRural: 'Urban / rural',
    urban: 'Urban community',
    rural: 'Rural community',
    currentStaff: 'Current staff',
    certifiedStaff: 'Certified staff',
    paramsEditable: 'Rule parameters (editable, versioned by effective date)',
    paramsEdited: 'Rule parameters (edited: the calculation uses these)',
    restoreParams: 'Restore parameters',
    saveRule: 'Save as my rule (needs a new key)',
    compute: 'Calculate',
    ruleSaved: (name: string, key: string) => `Saved rule “${name}” (${key}); it can be chosen in the area plan`,
    saveRuleFailed: 'Could not save the rule',
    badJson: (detail: string) => `The rule parameters are not valid JSON: ${detail}`,

    countUnionEmployees: 'Employees',
    countUnionBranches: 'Union branches',
    countPopulation: 'Urban residents',
    countNgoShare: 'Total posts of the organisation',
    countCertificate: 'Community workers',
    noteUnionEmployees: 'Trade union: one social worker per 3,000–5,000 employees (minimum ceil(n/5000), maximum ceil(n/3000))',
    noteUnionBranches: 'Trade union: one social worker per 30–50 union branches (minimum ceil(n/50), maximum ceil(n/30))',
    notePopulation: '18 community workers per 10,000 urban residents (rounded up)',
    noteNgoShare: 'Public-service NGOs: social-work posts at least 70 % of all posts',
    noteCertificate: 'Certificate rate: 100 % in urban communities, at least 80 % in rural ones',
  },
);

export type StaffingMessages = (typeof staffingMessages)['zh'];
