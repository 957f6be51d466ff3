-- The sync server's tables (DESIGN §4, §7). Plain PostgreSQL 15: PGlite and the production
-- server run this same file.

-- Users sign in with a password (scrypt) and see the regions granted to them.
CREATE TABLE users (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      text NOT NULL,
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'clerk', 'viewer')),
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  disabled_at   timestamptz
);
CREATE UNIQUE INDEX users_username ON users (lower(username));

-- Region grants; region_id '*' grants every region.
CREATE TABLE region_grants (
  user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  region_id text NOT NULL,
  PRIMARY KEY (user_id, region_id)
);

-- Opaque bearer tokens, stored as SHA-256 of the token.
CREATE TABLE tokens (
  token_hash bytea PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX tokens_expires ON tokens (expires_at);
CREATE INDEX tokens_user ON tokens (user_id);

-- Failed logins per username + address, for the login rate limit.
CREATE TABLE login_failures (
  key          text PRIMARY KEY,
  failures     integer NOT NULL,
  window_start timestamptz NOT NULL
);

-- Each client install's outbox position: pushes with seq <= last_seq are skipped.
CREATE TABLE clients (
  client_id  text PRIMARY KEY,
  user_id    bigint NOT NULL,
  last_seq   bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The merged state of every record: field values and each field's HLC stamp.
CREATE TABLE records (
  region_id  text NOT NULL,
  tbl        text NOT NULL,
  id         uuid NOT NULL,
  fields     jsonb NOT NULL DEFAULT '{}',
  clocks     jsonb NOT NULL DEFAULT '{}',
  deleted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, tbl, id)
);

-- The server-ordered log: record changes and document updates share one version sequence.
CREATE SEQUENCE log_version;

CREATE TABLE changes (
  version   bigint PRIMARY KEY DEFAULT nextval('log_version'),
  region_id text NOT NULL,
  tbl       text NOT NULL,
  record_id uuid NOT NULL,
  fields    jsonb NOT NULL,
  client_id text NOT NULL,
  seq       bigint NOT NULL,
  user_id   bigint NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_region_version ON changes (region_id, version);

-- Yjs updates of rich-text documents; compaction merges a document's rows into one that keeps
-- the newest version (client_id, seq, user_id are then null).
CREATE TABLE doc_updates (
  version   bigint PRIMARY KEY DEFAULT nextval('log_version'),
  region_id text NOT NULL,
  doc_id    text NOT NULL,
  payload   bytea NOT NULL,
  client_id text,
  seq       bigint,
  user_id   bigint,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX doc_updates_region_version ON doc_updates (region_id, version);
CREATE INDEX doc_updates_doc ON doc_updates (region_id, doc_id);

-- Guarded-field changes that were not applied because the server's value had moved on.
CREATE TABLE conflicts (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_id    text NOT NULL,
  tbl          text NOT NULL,
  record_id    uuid NOT NULL,
  field        text NOT NULL,
  base_hlc     text,
  client_value jsonb,
  client_hlc   text NOT NULL,
  server_value jsonb,
  server_hlc   text,
  client_id    text NOT NULL,
  seq          bigint NOT NULL,
  user_id      bigint NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conflicts_client_seq ON conflicts (client_id, seq);
CREATE INDEX conflicts_record ON conflicts (region_id, tbl, record_id);
