import { useEffect, useState } from 'react';

/** Hash routing (#/projects/12): works from file-like origins and needs no server fallback. */
export function currentRoute(): string[] {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return hash.split('/').filter(Boolean).map(decodeURIComponent);
}

export function useHashRoute(): string[] {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(...parts: (string | number)[]): void {
  window.location.hash = '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
}
