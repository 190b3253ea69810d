import { useRef, type MutableRefObject } from 'react';

/**
 * The latest value, for callbacks that must keep one identity for the page's life (effects run on
 * them once) yet speak the language the user has switched to since: they read `.current` when called.
 */
export function useLatest<T>(value: T): MutableRefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
