-- Registry schema, embedded SQLite store. Times are ISO 8601 UTC text.
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE enrolment_codes (
  code_hash TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  terminal_id TEXT
);
CREATE TABLE terminals (
  id TEXT PRIMARY KEY,
  name TEXT,
  public_key TEXT NOT NULL,
  enrolled_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE nonces (
  terminal_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (terminal_id, nonce)
) WITHOUT ROWID;
CREATE INDEX nonces_expiry ON nonces (expires_at);
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL REFERENCES terminals (id),
  seq INTEGER NOT NULL,
  terminal_time TEXT NOT NULL,
  received_at TEXT NOT NULL,
  clock_skew_ms INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  flags TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX records_terminal_seq ON records (terminal_id, seq);
CREATE INDEX records_received ON records (received_at);
CREATE TABLE chain_flags (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  terminal_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL,
  flagged_at TEXT NOT NULL,
  resolved_at TEXT
);
CREATE INDEX chain_flags_terminal ON chain_flags (terminal_id, seq);
CREATE TABLE trust_lists (
  version INTEGER PRIMARY KEY,
  jws TEXT NOT NULL,
  etag TEXT NOT NULL,
  published_at TEXT NOT NULL
);
