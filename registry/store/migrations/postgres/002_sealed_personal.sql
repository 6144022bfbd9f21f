-- Personal fields of a record, sealed (AES-256-GCM) with the registry's data key; the payload
-- keeps the record with `personal` set to null in its place.
ALTER TABLE records ADD COLUMN personal BYTEA;
