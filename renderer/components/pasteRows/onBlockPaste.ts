import type { ClipboardEvent } from 'react';
import { isBlockPaste } from './parse';

/**
 * A table's paste handler: a block of cells (tabs or several rows, as Excel copies them) goes to
 * `onBlock` with the field of the box pasted into (its `data-field`), and does not land in that
 * box; a single value is left to the box, as pasting into one cell should be.
 */
export function onBlockPaste(onBlock: (text: string, startField: string | undefined) => void) {
  return (e: ClipboardEvent<HTMLElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!isBlockPaste(text)) return;
    e.preventDefault();
    const box = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-field]') : null;
    onBlock(text, box?.dataset.field);
  };
}
