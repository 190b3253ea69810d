import { App } from 'antd';
import { useCallback } from 'react';
import { ApiCallError } from '../../src/app/api/client';
import { defineMessages, schemaMessage, useI18n, type Lang } from '../i18n';

/**
 * A save the store refused because the record changed after this window read it: another window,
 * or another Paybench on the same database, saved it first (docs/design.md §Data flow). Nothing was
 * overwritten. The user chooses: 重新载入 — show what is stored now, dropping this window's edits —
 * or 另存为副本 — keep this window's edits as a new record beside the one saved elsewhere.
 */
export function isStaleSave(error: unknown): boolean {
  return error instanceof ApiCallError && error.error.code === 'CONFLICT' && error.error.problems.some((p) => p.path === 'revision');
}

const staleMessages = defineMessages(
  {
    title: '保存冲突：另一个窗口已修改了这条记录',
    reload: '重新载入',
    keepCopy: '另存为副本',
    choices: '重新载入：显示已保存的最新内容，放弃本窗口未保存的修改。另存为副本：把本窗口的内容存为一条新记录，原记录保留另一个窗口保存的内容。',
    reloadOnly: '重新载入：显示已保存的最新内容，放弃本窗口未保存的修改。',
    copyName: (name: string, n: number) => (n === 1 ? `${name}（副本）` : `${name}（副本 ${n}）`),
  },
  {
    title: 'Save conflict: another window changed this record',
    reload: 'Reload',
    keepCopy: 'Save as a copy',
    choices:
      "Reload: show what is stored now and drop this window's unsaved edits. Save as a copy: store this window's edits as a new record; the original keeps what the other window saved.",
    reloadOnly: "Reload: show what is stored now and drop this window's unsaved edits.",
    copyName: (name: string, n: number) => (n === 1 ? `${name} (copy)` : `${name} (copy ${n})`),
  },
);

/** The first of 某某（副本）, 某某（副本 2）, … that no record has yet. */
export function freeCopyName(name: string, taken: Iterable<string>, lang: Lang = 'zh'): string {
  const used = new Set(taken);
  const m = staleMessages[lang];
  for (let n = 1; ; n++) {
    const candidate = m.copyName(name, n);
    if (!used.has(candidate)) return candidate;
  }
}

export interface StaleSaveChoices {
  error: unknown;
  onReload(): void | Promise<void>;
  /** absent where a copy makes no sense (a record keyed by its name and date): then only 重新载入 */
  onKeepCopy?(): void | Promise<void>;
}

/**
 * Asks what to do about a stale save. Neither Esc nor a click beside the dialog answers it: each
 * way out is one of the choices, named.
 */
export function useStaleSave(): (choices: StaleSaveChoices) => void {
  const { modal } = App.useApp();
  const { lang } = useI18n();
  return useCallback(
    ({ error, onReload, onKeepCopy }: StaleSaveChoices) => {
      const m = staleMessages[lang];
      const said = schemaMessage(error instanceof Error ? error.message : String(error), lang);
      const content = (
        <div data-testid="stale-save">
          <p>{said}</p>
          <p>{onKeepCopy ? m.choices : m.reloadOnly}</p>
        </div>
      );
      const common = { title: m.title, content, okText: m.reload, onOk: onReload, closable: false, keyboard: false, maskClosable: false, width: 520 };
      if (onKeepCopy) modal.confirm({ ...common, cancelText: m.keepCopy, onCancel: onKeepCopy });
      else modal.warning(common);
    },
    [modal, lang],
  );
}
