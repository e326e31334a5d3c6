// The 委托 form's draft: saved to the node half a second after the agent stops typing (and kept as
// the page's current draft), so a reload or a closed window loses nothing.
import { useEffect, useRef, useState } from 'react';
import { AgentDraft } from '../../electron/contract/agent-node.js';
import { agentApi } from './agent-api';

export const CURRENT_DRAFT_KEY = 'village-agent-draft';
const SAVE_AFTER_MS = 500;

export function rememberDraft(id: string | null): void {
  try {
    if (id) localStorage.setItem(CURRENT_DRAFT_KEY, id);
    else localStorage.removeItem(CURRENT_DRAFT_KEY);
  } catch {
    // No storage: the draft is still on the node, listed under drafts.
  }
}

export function rememberedDraft(): string | null {
  try {
    return localStorage.getItem(CURRENT_DRAFT_KEY);
  } catch {
    return null;
  }
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export function useDraft(requestId: string, onSaved?: () => void) {
  const [draft, setDraft] = useState<AgentDraft>(() => AgentDraft.parse({}));
  const [loaded, setLoaded] = useState(false);
  const [save, setSave] = useState<SaveState>('idle');
  const dirty = useRef(false);
  const edits = useRef(0);
  // A save still on its way when the screen left the draft (it was authorised, or another was picked)
  // must not make it the page's current draft again.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setLoaded(false);
    dirty.current = false;
    agentApi.detail(requestId).then(
      (d) => live && (setDraft(d.draft), setLoaded(true)),
      () => live && (setDraft(AgentDraft.parse({})), setLoaded(true)),
    );
    return () => {
      live = false;
    };
  }, [requestId]);

  useEffect(() => {
    if (!loaded || !dirty.current) return undefined;
    const timer = setTimeout(() => {
      const saving = edits.current;
      setSave('saving');
      agentApi.saveDraft(requestId, draft).then(
        () => {
          if (!mounted.current) return;
          rememberDraft(requestId);
          // "Saved" is said only of what was saved: an edit made meanwhile has its own save coming.
          setSave(edits.current === saving ? 'saved' : 'idle');
          onSaved?.();
        },
        () => mounted.current && setSave('failed'),
      );
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft, loaded, requestId]);

  const update = (patch: Partial<AgentDraft>) => {
    dirty.current = true;
    edits.current += 1;
    setSave((s) => (s === 'saved' ? 'idle' : s));
    setDraft((d) => ({ ...d, ...patch }));
  };
  return { draft, update, loaded, save };
}
