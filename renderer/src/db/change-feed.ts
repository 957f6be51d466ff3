// The app's one change feed (DESIGN §3): every committed write to the database — the repository's
// own, another window's or tab's (Dexie passes those on over a BroadcastChannel), and changes
// merged from a pull — reaches every view that listens, as the table and the keys that changed.
// No feature pushes rows into a view by hand.
import { Dexie, cmp, type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';

/** Keys of one table that changed, or 'all' when a range (e.g. a clear) changed. */
export type ChangedKeys = ReadonlySet<string> | 'all';
/** Table name → what changed in it. */
export type Changes = ReadonlyMap<string, ChangedKeys>;
export type ChangeListener = (changes: Changes) => void;

function isNode(tree: IntervalTree | null | undefined): tree is IntervalTreeNode {
  return !!tree && 'from' in tree;
}

/** The single keys of an interval tree, or 'all' when it holds a range. Works on cloned trees too. */
export function keysOf(tree: IntervalTree | null | undefined): ChangedKeys {
  const keys = new Set<string>();
  const stack: IntervalTreeNode[] = [];
  if (isNode(tree)) stack.push(tree);
  while (stack.length > 0) {
    const node = stack.pop() as IntervalTreeNode;
    if (cmp(node.from, node.to) !== 0) return 'all';
    keys.add(String(node.from));
    if (isNode(node.l)) stack.push(node.l);
    if (isNode(node.r)) stack.push(node.r);
  }
  return keys;
}

/** Reads Dexie's mutation parts of one database into table → changed primary keys. */
export function changesOf(dbName: string, parts: ObservabilitySet): Changes {
  const out = new Map<string, ChangedKeys>();
  const prefix = `idb://${dbName}/`;
  for (const [part, tree] of Object.entries(parts)) {
    if (part === 'all') {
      out.set('*', 'all');
      continue;
    }
    if (!part.startsWith(prefix)) continue;
    const rest = part.slice(prefix.length);
    const slash = rest.indexOf('/');
    // `table/` is the primary key part; index parts (`table/index`) add nothing a view needs.
    if (slash < 0 || slash !== rest.length - 1) continue;
    const table = rest.slice(0, slash);
    const keys = keysOf(tree);
    const seen = out.get(table);
    if (seen === 'all' || keys === 'all') out.set(table, 'all');
    else out.set(table, seen ? new Set([...seen, ...keys]) : keys);
  }
  return out;
}

/**
 * Subscribes to every committed change of the named database (this tab's and others'); the
 * listener gets only the tables that changed. Returns the unsubscribe.
 */
export function subscribeChanges(dbName: string, listener: ChangeListener): () => void {
  const handler = (parts: ObservabilitySet) => {
    const changes = changesOf(dbName, parts);
    if (changes.size > 0) listener(changes);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}

/** Whether `changes` touch the table, and which keys (or 'all'); undefined when untouched. */
export function changedIn(changes: Changes, table: string): ChangedKeys | undefined {
  return changes.get('*') ?? changes.get(table);
}
