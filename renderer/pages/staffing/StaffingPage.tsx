import { Empty, Typography } from 'antd';

// Placeholder written by the app helper so the frame builds; the page's owner replaces this file.
export default function Placeholder() {
  return (
    <div>
      <Typography.Title level={4}>岗位测算</Typography.Title>
      <Empty description="此页面正在开发中" />
    </div>
  );
}
