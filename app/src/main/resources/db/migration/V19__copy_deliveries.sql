-- Deliveries of certified copies to their requesters (e-mail, the portal's personal data store): written in the
-- transaction that issues the copy, sent by a durable job with retries.
create table copy_deliveries (
    id               varchar(36)  primary key,
    certification_id varchar(36)  not null references certifications (id),
    channel          varchar(10)  not null,
    recipient        varchar(254),
    created_at       timestamp with time zone not null,
    attempts         integer      not null default 0,
    last_error       varchar(2000),
    delivered_at     timestamp with time zone,
    gave_up_at       timestamp with time zone
);
create index copy_deliveries_certification on copy_deliveries (certification_id, created_at);
