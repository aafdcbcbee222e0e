-- Statement templates an administrator adds when a decree changes the wording. The versions Sohoa ships with live in
-- code (StatementTemplate); a copy is stamped with the latest version whose effective_from has begun on its date.
create table statement_templates (
    version        varchar(20)   primary key,
    effective_from date          not null,
    lines          varchar(4000) not null,
    created_by     varchar(64)   not null,
    created_at     timestamp with time zone not null default current_timestamp
);
