-- Chain heads the terminals report, signed with their keys: kept as evidence, compared with the
-- previous report to flag a head that went backwards or forked.
CREATE TABLE chain_heads (
  id BIGSERIAL PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  record_id TEXT,
  hash TEXT NOT NULL,
  audit_seq BIGINT NOT NULL,
  audit_mac TEXT NOT NULL,
  terminal_time TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  signature TEXT NOT NULL
);
CREATE INDEX chain_heads_terminal ON chain_heads (terminal_id, id);
