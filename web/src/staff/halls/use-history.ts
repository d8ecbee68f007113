// Undo and redo for the editor: every committed change is a step; drags commit once on release.
import { useCallback, useState } from 'react';

export function useHistory<T>(initial: T) {
  const [state, setState] = useState<{ past: T[]; present: T; future: T[] }>({
    past: [],
    present: initial,
    future: [],
  });
  const commit = useCallback((next: T | ((prev: T) => T)) => {
    setState((s) => {
      const value = typeof next === 'function' ? (next as (prev: T) => T)(s.present) : next;
      if (value === s.present) return s;
      return { past: [...s.past.slice(-99), s.present], present: value, future: [] };
    });
  }, []);
  const reset = useCallback((value: T) => setState({ past: [], present: value, future: [] }), []);
  const undo = useCallback(
    () =>
      setState((s) =>
        s.past.length
          ? { past: s.past.slice(0, -1), present: s.past[s.past.length - 1]!, future: [s.present, ...s.future] }
          : s,
      ),
    [],
  );
  const redo = useCallback(
    () =>
      setState((s) =>
        s.future.length ? { past: [...s.past, s.present], present: s.future[0]!, future: s.future.slice(1) } : s,
      ),
    [],
  );
  return {
    value: state.present,
    commit,
    reset,
    undo,
    redo,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    dirty: state.past.length > 0,
  };
}
