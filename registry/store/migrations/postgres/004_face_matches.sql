-- A record's face match (the teller's conclusion after the machine's comparison), sent by the
-- terminal after the record: at most one per record, kept as the terminal sent it.
CREATE TABLE face_matches (
  record_id TEXT PRIMARY KEY REFERENCES records (id),
  terminal_id TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  hash TEXT NOT NULL,
  payload TEXT NOT NULL
);
