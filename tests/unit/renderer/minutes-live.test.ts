// One part's view of the minutes' awareness: its caret plugin hears another clerk's caret move,
// never this clerk's own (which moves at every key and would redraw every part).
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { partAwareness } from '../../../renderer/src/features/minutes/live-minutes';

describe('partAwareness', () => {
  it("passes on other clerks' changes only, and stops when the listener is removed", () => {
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    const part = partAwareness(mine);
    const heard = vi.fn();
    part.on('change', heard);

    mine.setLocalStateField('cursor', { anchor: 1, head: 1 });
    expect(heard).not.toHaveBeenCalled();

    theirs.setLocalStateField('user', { name: 'Даулет', color: '#0072b2' });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'live');
    expect(heard).toHaveBeenCalledTimes(1);
    // The states read through the part are the document's.
    expect(part.getStates().get(theirs.clientID)).toMatchObject({ user: { name: 'Даулет' } });
    expect(part.clientID).toBe(mine.clientID);
    part.setLocalStateField('user', { name: 'Айгерим' });
    expect(mine.getLocalState()).toMatchObject({ user: { name: 'Айгерим' } });

    part.off('change', heard);
    theirs.setLocalStateField('cursor', { anchor: 2, head: 2 });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'live');
    expect(heard).toHaveBeenCalledTimes(1);
    mine.destroy();
    theirs.destroy();
  });
});
