-- One set of migrations for H2 (MODE=PostgreSQL) and PostgreSQL: only types and syntax both accept.

create table agencies (
    code        varchar(20)  primary key,
    name        varchar(200) not null,
    level       varchar(20)  not null,
    parent_code varchar(20)  references agencies (code),
    created_at  timestamp with time zone not null default current_timestamp
);

create table users (
    username      varchar(64)  primary key,
    password_hash varchar(200) not null,
    full_name     varchar(200) not null,
    title         varchar(200),
    role          varchar(20)  not null,
    agency_code   varchar(20)  references agencies (code),
    enabled       boolean      not null default true,
    created_at    timestamp with time zone not null default current_timestamp
);

create table api_clients (
    id          varchar(36)  primary key,
    name        varchar(200) not null,
    key_hash    varchar(64)  not null unique,
    agency_code varchar(20)  not null references agencies (code),
    created_by  varchar(64)  not null,
    created_at  timestamp with time zone not null default current_timestamp
);

create table dossiers (
    code           varchar(40) primary key,
    agency_code    varchar(20) not null references agencies (code),
    procedure_code varchar(40),
    received_at    timestamp with time zone not null,
    created_by     varchar(64) not null,
    created_at     timestamp with time zone not null default current_timestamp
);
create index dossiers_agency_received on dossiers (agency_code, received_at);

create table documents (
    id             varchar(36)   primary key,
    dossier_code   varchar(40)   not null references dossiers (code),
    title          varchar(300)  not null,
    status         varchar(20)   not null,
    page_count     integer,
    pages_done     integer       not null default 0,
    failure_reason varchar(2000),
    pdf_key        varchar(500),
    pdf_sha256     varchar(64),
    pdf_size       bigint,
    uploaded_by    varchar(64)   not null,
    created_at     timestamp with time zone not null default current_timestamp,
    updated_at     timestamp with time zone not null default current_timestamp,
    digitized_at   timestamp with time zone
);
create index documents_dossier on documents (dossier_code);

create table document_files (
    document_id   varchar(36)  not null references documents (id),
    position      integer      not null,
    original_name varchar(300) not null,
    media_type    varchar(100) not null,
    object_key    varchar(500) not null,
    sha256        varchar(64)  not null,
    size_bytes    bigint       not null,
    primary key (document_id, position)
);

-- Certification register (sổ chứng thực): one counter per agency, kind and year; the row lock serialises numbering.
create table register_books (
    agency_code varchar(20) not null references agencies (code),
    kind        varchar(20) not null,
    register_year integer   not null,
    book_number integer     not null default 1,
    last_number bigint      not null default 0,
    primary key (agency_code, kind, register_year)
);

create table certifications (
    id              varchar(36)  primary key,
    document_id     varchar(36)  not null references documents (id),
    agency_code     varchar(20)  not null references agencies (code),
    kind            varchar(20)  not null,
    register_year   integer      not null,
    register_number bigint       not null,
    book            varchar(60)  not null,
    certifier       varchar(64)  not null,
    certified_at    timestamp with time zone not null,
    object_key      varchar(500) not null,
    sha256          varchar(64)  not null,
    size_bytes      bigint       not null,
    page_count      integer      not null,
    fee_vnd         bigint       not null,
    unique (agency_code, kind, register_year, register_number)
);
create index certifications_agency_time on certifications (agency_code, certified_at);

-- db-scheduler's table (durable jobs shared by every node)
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(250) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean      not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint       not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
