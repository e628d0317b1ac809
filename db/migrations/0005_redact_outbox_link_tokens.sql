-- Emailed links' tokens are now stored sealed and kept copies are redacted (lib/email/secret-links.ts).
-- Rows written before that still hold live links: redact every kept copy, and the props of rows that
-- are done with (sent or failed). Rows still queued keep their links so they can still be sent; the
-- drainer redacts their copy when it sends them.
UPDATE "email_outbox"
SET "rendered_html" = regexp_replace(
      regexp_replace("rendered_html", '(/(confirm/(signature|letters)|unsubscribe)/)[A-Za-z0-9_-]{43}', '\1{redacted}', 'g'),
      '([?&](amp;)?token=)[a-f0-9]{64}', '\1{redacted}', 'g'),
    "rendered_text" = regexp_replace(
      regexp_replace("rendered_text", '(/(confirm/(signature|letters)|unsubscribe)/)[A-Za-z0-9_-]{43}', '\1{redacted}', 'g'),
      '([?&](amp;)?token=)[a-f0-9]{64}', '\1{redacted}', 'g')
WHERE "rendered_html" IS NOT NULL OR "rendered_text" IS NOT NULL;
--> statement-breakpoint
UPDATE "email_outbox"
SET "props" = regexp_replace(
      regexp_replace("props"::text, '(/(confirm/(signature|letters)|unsubscribe)/)[A-Za-z0-9_-]{43}', '\1{redacted}', 'g'),
      '([?&]token=)[a-f0-9]{64}', '\1{redacted}', 'g')::jsonb
WHERE "status" IN ('sent', 'failed');
