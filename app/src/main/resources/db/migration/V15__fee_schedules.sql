-- Fee rates an administrator adds when a circular changes them; the rate Sohoa ships with lives in code
-- (FeeSchedule.SHIPPED). A copy is charged by the latest rate begun on its certification date (Vietnam time).
create table fee_schedules (
    effective_from  date          primary key,
    first_pages_vnd bigint        not null,
    first_pages     integer       not null,
    later_pages_vnd bigint        not null,
    cap_vnd         bigint        not null,
    legal_basis     varchar(200)  not null,
    created_by      varchar(64)   not null,
    created_at      timestamp with time zone not null default current_timestamp
);
-- the receipt's line of each copy as it was charged (pages of the original, rates, legal basis); older copies have none
alter table certifications add column fee_line varchar(300);
