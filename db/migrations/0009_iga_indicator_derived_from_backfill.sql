-- Rule sets stored before indicators carried `derived_from` found the beneficiary indicator by its
-- name; mark it once so the proposal keeps working on existing databases. New rule sets say it in their data.
UPDATE "iga_indicators" SET "derived_from" = 'beneficiaries'
WHERE "derived_from" IS NULL AND "scope" = 'innovation' AND "name" ~* 'kemanfaatan\s+inovasi';
