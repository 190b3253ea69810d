import { message } from 'antd';

/**
 * Long work (imports, big exports): a persistent loading notice with elapsed seconds until the
 * promise settles, so the user sees the app is working and nothing is clicked twice.
 */
let counter = 0;

export async function withProgress<T>(label: string, work: () => Promise<T>): Promise<T> {
  const key = `progress-${++counter}`;
  const started = Date.now();
  const show = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    void message.loading({ key, content: seconds > 0 ? `${label}（${seconds} 秒）` : label, duration: 0 });
  };
  show();
  const timer = setInterval(show, 1000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    message.destroy(key);
  }
}
