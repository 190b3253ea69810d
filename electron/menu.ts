import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** The application menu, in Chinese; pages are reached through the renderer's hash routes. */
export function buildMenu(win: () => BrowserWindow | null): Menu {
  const go = (route: string) => () => {
    const w = win();
    if (w) void w.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify('#/' + route)}`);
  };
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '项目预算', accelerator: 'CmdOrCtrl+1', click: go('projects') },
        { label: '薪酬指导价', accelerator: 'CmdOrCtrl+2', click: go('guides') },
        { label: '社保公积金参数', accelerator: 'CmdOrCtrl+3', click: go('contributions') },
        { label: '岗位测算', accelerator: 'CmdOrCtrl+4', click: go('staffing') },
        { label: '区域规划', accelerator: 'CmdOrCtrl+5', click: go('plan') },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '窗口',
      submenu: [
        { label: '最小化', role: 'minimize' },
        { label: '关闭', role: 'close' },
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: '关于 Paybench 社工薪酬与购买服务预算工作台', role: 'about' }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
