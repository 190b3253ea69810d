import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type PaybenchBridge } from './bridge';

/**
 * The only bridge to the main process: three fixed channels, arguments passed as data. The
 * renderer never sees ipcRenderer itself.
 */
const bridge: PaybenchBridge = {
  call: (name, input) => ipcRenderer.invoke(CHANNELS.call, name, input),
  saveFile: (payload) => ipcRenderer.invoke(CHANNELS.saveFile, payload),
  openFile: (filters) => ipcRenderer.invoke(CHANNELS.openFile, filters),
};

contextBridge.exposeInMainWorld('paybench', bridge);
