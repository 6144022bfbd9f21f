-- The face-match chain's end in the reported chain head; null in heads from terminals that do
-- not report it (they are compared on records and audit log only).
ALTER TABLE chain_heads ADD COLUMN face_match_seq INTEGER;
ALTER TABLE chain_heads ADD COLUMN face_match_mac TEXT;
