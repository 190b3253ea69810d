import { Button, Tooltip } from 'antd';
import { DiffOutlined } from '@ant-design/icons';
import type { FilePayload } from '../../../src/app/api/operation';
import { COMPARE_MAX, COMPARE_MIN } from '../../../src/core/compare/compareBudgets';
import { navigate } from '../../components/useHashRoute';
import { useMessages } from '../../i18n';
import { compareMessages } from './messages';
import { keepBidsForComparison } from './pendingBids';

/** 对比 on 预算审核: the reviewed bids (2 to 10) side by side on 预算对比. */
export default function CompareBidsButton({ files, disabled }: { files: FilePayload[]; disabled: boolean }) {
  const m = useMessages(compareMessages);
  const n = files.length;
  const inRange = n >= COMPARE_MIN && n <= COMPARE_MAX;
  return (
    <Tooltip title={inRange ? m.compareBidsCount(n) : m.compareBidsHint}>
      <Button
        icon={<DiffOutlined />}
        disabled={disabled || !inRange}
        onClick={() => {
          keepBidsForComparison(files);
          navigate('compare', 'bids');
        }}
        data-testid="compare-bids"
      >
        {m.compareBids}
      </Button>
    </Tooltip>
  );
}
