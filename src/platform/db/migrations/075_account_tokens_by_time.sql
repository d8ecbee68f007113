-- Password-reset mails are capped per account and hour: counting a user's recent tokens, used or
-- not, needs them by user, purpose and time (account_tokens_user holds only unused ones).
create index account_tokens_issued on account_tokens (user_id, purpose, created_at);
