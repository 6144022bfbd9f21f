-- Registry schema, PostgreSQL (the production store). Times are timestamptz except
-- terminal_time, which is kept exactly as the terminal sent it (evidence of its clock).
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE enrolment_codes (
  code_hash TEXT PRIMARY KEY,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  terminal_id TEXT
);
CREATE TABLE terminals (
  id TEXT PRIMARY KEY,
  name TEXT,
  public_key TEXT NOT NULL,
  enrolled_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);
CREATE TABLE nonces (
  terminal_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (terminal_id, nonce)
);
CREATE INDEX nonces_expiry ON nonces (expires_at);
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL REFERENCES terminals (id),
  seq BIGINT NOT NULL,
  terminal_time TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  clock_skew_ms BIGINT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  flags TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX records_terminal_seq ON records (terminal_id, seq);
CREATE INDEX records_received ON records (received_at);
CREATE TABLE chain_flags (
  id BIGSERIAL PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL,
  flagged_at TIMESTAMPTZ NOT NULL,
  resolved_at TIMESTAMPTZ
);
CREATE INDEX chain_flags_terminal ON chain_flags (terminal_id, seq);
CREATE TABLE trust_lists (
  version INTEGER PRIMARY KEY,
  jws TEXT NOT NULL,
  etag TEXT NOT NULL,
  published_at TIMESTAMPTZ NOT NULL
);
