-- Webhook subscriptions of other systems, and the outbox of deliveries: a delivery row is written in the
-- transaction of the event it announces and sent afterwards by a durable job, with retries.
create table webhook_subscriptions (
    id          varchar(36)   primary key,
    agency_code varchar(20)   not null references agencies (code),
    url         varchar(2000) not null,
    secret      varchar(100)  not null,
    events      varchar(200)  not null,
    active      boolean       not null default true,
    created_by  varchar(64)   not null,
    created_at  timestamp with time zone not null default current_timestamp
);

create table webhook_deliveries (
    id              varchar(36)  primary key,
    subscription_id varchar(36)  not null references webhook_subscriptions (id),
    event_type      varchar(40)  not null,
    payload         varchar(8000) not null,
    created_at      timestamp with time zone not null default current_timestamp,
    attempts        integer      not null default 0,
    last_status     integer,
    last_error      varchar(2000),
    delivered_at    timestamp with time zone,
    gave_up_at      timestamp with time zone
);
create index webhook_deliveries_subscription on webhook_deliveries (subscription_id, created_at);
