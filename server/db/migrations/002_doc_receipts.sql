-- Which document updates the server has stored, by their bytes: an update relayed live is stored
-- at once, and the same update arrives again later in the client's push (its outbox copy); the
-- receipt makes the second arrival store nothing, so the log holds each update once. Receipts
-- older than a week are dropped when their document is compacted (a push comes long before).
CREATE TABLE doc_receipts (
  region_id text NOT NULL,
  doc_id    text NOT NULL,
  hash      bytea NOT NULL,
  at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, doc_id, hash)
);
