// While a form holds changes not yet saved, closing or reloading the browser tab asks first (the
// browser's own question). The Electron window closes without asking (its main process saves the
// window and the snapshot, then destroys it); what was typed is kept there as a draft all the same.
import { useEffect } from 'react';

export function useWarnBeforeUnload(hasChanges: boolean): void {
  useEffect(() => {
    if (!hasChanges) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasChanges]);
}
