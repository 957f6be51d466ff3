-- The log stores a change the way a compact pull page carries it: the stamp most of its fields
-- share once (hlc), those fields' values by name (fields), and only the fields stamped otherwise
-- with their own stamps (stamped, { name: { value, hlc } }). That halves what a push writes into
-- the log while it holds the region's log lock. A change stored before has hlc NULL and its
-- fields whole ({ name: { value, hlc } }); both forms are read alike (server/sync/pull.ts).
ALTER TABLE changes ADD COLUMN hlc text;
ALTER TABLE changes ADD COLUMN stamped jsonb;
