import { Alert, Button } from 'antd';
import { formatMoney, parseDecimal } from '../../../src/core/money/decimal';
import { useMessages } from '../../i18n';
import type { TaxSide, TaxSwitchEffect } from './taxSwitch';
import { toolMessages } from './toolMessages';

/**
 * The notice under the fee card after 按比例 ↔ 价税合计 (taxSwitch.ts): the old and the new method
 * with their rates, and the total before and after with the difference; 撤销 puts the old method
 * and rates back (so does Ctrl+Z: the switch is one step of the history).
 */
export default function TaxSwitchNotice({ effect, onUndo, onClose }: { effect: TaxSwitchEffect; onUndo(): void; onClose(): void }) {
  const t = useMessages(toolMessages);
  const method = (s: TaxSide) =>
    'taxPercent' in s.rates ? t.taxSimpleWith(s.rates.taxPercent) : t.taxGrossUpWith(s.rates.vatPercent, s.rates.surchargePercent);
  const money = (v: string) => formatMoney(parseDecimal(v));
  const signed = (v: string) => (v.startsWith('-') ? money(v) : `+${money(v)}`);
  const { old, new: now, difference } = effect;
  return (
    <Alert
      type="info"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 12 }}
      data-testid="tax-switch-notice"
      message={t.taxSwitched}
      description={
        <div>
          <div data-testid="tax-switch-methods">
            {method(old)} → {method(now)}
          </div>
          <div data-testid="tax-switch-totals">
            {old.total !== null && now.total !== null && difference !== null
              ? t.taxTotals(money(old.total), money(now.total), signed(difference))
              : t.taxNoTotal}
          </div>
        </div>
      }
      action={
        <Button size="small" onClick={onUndo} data-testid="tax-switch-undo">
          {t.undo}
        </Button>
      }
    />
  );
}
