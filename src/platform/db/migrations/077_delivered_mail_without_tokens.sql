-- Delivered mail is kept a month for support, and its verification and reset links held working
-- tokens. From now on they are stripped when a message leaves over SMTP or is given up
-- (mail.store.ts); this does the same for the mail already kept. The dev mailbox keeps its links.
update mail_outbox
set text_body = regexp_replace(text_body, '([?&;]token=)[^&"''<>[:space:]]+', '\1[redacted]', 'gi'),
    html_body = regexp_replace(html_body, '([?&;]token=)[^&"''<>[:space:]]+', '\1[redacted]', 'gi')
where (sent_at is not null and transport is distinct from 'dev') or failed_at is not null;
