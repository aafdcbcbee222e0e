-- Audit log: append-only, each entry hashed with the one before it (SHA-256 chain), so that a changed, removed or
-- inserted entry breaks the chain from there on. audit_head holds the last entry; its row lock orders the appends.
create table audit_log (
    seq           bigint       primary key,
    occurred_at   timestamp with time zone not null,
    actor         varchar(64)  not null,
    agency_code   varchar(20),
    action        varchar(40)  not null,
    subject       varchar(200),
    detail        varchar(2000),
    previous_hash varchar(64)  not null,
    hash          varchar(64)  not null
);
create index audit_log_time on audit_log (occurred_at);
create table audit_head (
    id   integer     primary key,
    seq  bigint      not null,
    hash varchar(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
