-- Administrative units as versioned data: one row per version of a unit (name, level or parent changed), valid on
-- [valid_from, valid_to). Codes of merged or abolished units stay, linked to their successors, so that figures
-- recorded under them count for today's units.
create table admin_units (
    code        varchar(20)  not null,
    valid_from  date         not null,
    valid_to    date,
    name        varchar(200) not null,
    level       varchar(20)  not null,
    parent_code varchar(20),
    primary key (code, valid_from)
);
create index admin_units_parent on admin_units (parent_code);

create table admin_unit_successors (
    predecessor_code varchar(20) not null,
    successor_code   varchar(20) not null,
    effective_on     date        not null,
    primary key (predecessor_code, successor_code)
);

-- Yearly targets per level and indicator, in percent.
create table indicator_targets (
    target_year integer      not null,
    level       varchar(20)  not null,
    indicator   varchar(40)  not null,
    target_rate numeric(5, 2) not null,
    primary key (target_year, level, indicator)
);

-- Facts about dossiers, from Sohoa's own actions and from the one-stop system; idempotent by dossier and event id.
create table dossier_events (
    dossier_code varchar(40)  not null,
    event_id     varchar(100) not null,
    event_type   varchar(40)  not null,
    occurred_at  timestamp with time zone not null,
    unit_code    varchar(20),
    channel      varchar(20),
    component    varchar(100),
    components   integer,
    paper_result boolean,
    result_form  varchar(20),
    source       varchar(64)  not null,
    recorded_at  timestamp with time zone not null default current_timestamp,
    primary key (dossier_code, event_id)
);

-- One row per dossier with facts: the lock that serialises its events, and the unit that holds it now.
create table dossier_facts (
    dossier_code varchar(40) primary key,
    unit_code    varchar(20),
    updated_at   timestamp with time zone not null default current_timestamp
);

-- Monthly figures per unit, kept up to date as facts arrive (period_month = yyyymm, Vietnam time).
create table unit_month_figures (
    unit_code                varchar(20) not null,
    period_month             integer     not null,
    received                 bigint      not null default 0,
    digitized                bigint      not null default 0,
    reused                   bigint      not null default 0,
    linked_data_store        bigint      not null default 0,
    completed_paper_result   bigint      not null default 0,
    completed_electronic     bigint      not null default 0,
    certified_copies         bigint      not null default 0,
    primary key (unit_code, period_month)
);
