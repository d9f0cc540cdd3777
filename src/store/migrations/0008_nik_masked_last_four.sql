-- Members enrolled before issue #8 kept 8 of the NIK's 16 digits in the masked form
-- (3174********0001); the mask now shows the last 4 only.
UPDATE "members" SET "nik_masked" = repeat('*', length("nik_masked") - 4) || right("nik_masked", 4) WHERE "nik_masked" !~ '^\*+[0-9]{4}$';
