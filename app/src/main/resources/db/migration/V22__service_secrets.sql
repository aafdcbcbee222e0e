-- Random keys the service makes for itself and every node shares (e.g. the one that derives the CSRF tokens of
-- HTTP Basic callers), made once on first use.
create table service_secrets (
    name       varchar(40)  primary key,
    secret     varchar(200) not null,
    created_at timestamp with time zone not null default current_timestamp
);
