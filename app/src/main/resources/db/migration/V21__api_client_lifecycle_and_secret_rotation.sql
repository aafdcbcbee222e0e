-- API keys can be disabled, expire and be revoked; the last use is kept (at most one write a minute per key).
alter table api_clients add column enabled boolean default true not null;
alter table api_clients add column expires_at timestamp with time zone;
alter table api_clients add column revoked_at timestamp with time zone;
alter table api_clients add column revoked_by varchar(64);
alter table api_clients add column last_used_at timestamp with time zone;

-- A rotated webhook secret keeps signing beside the new one until previous_secret_until.
alter table webhook_subscriptions add column previous_secret varchar(100);
alter table webhook_subscriptions add column previous_secret_until timestamp with time zone;
