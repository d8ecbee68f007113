-- Issue 20: a customer's avatar (accounts module): the stored square image's variants, as the
-- catalog keeps its images (platform/media). Only the owner changes it, so it is not audited as
-- staff data; the users audit trigger keeps only named columns, so it never reaches the log.
alter table users add column avatar jsonb;
