-- Register engine (sổ chứng thực). A number is reserved in its own short transaction as a PENDING entry, then the
-- copy is made outside the lock; the entry ends ISSUED with its copies, or VOID with the reason. A number is never
-- reused or skipped: every number from 1 to register_books.last_number has exactly one entry.
create table register_entries (
    agency_code     varchar(20)  not null references agencies (code),
    kind            varchar(20)  not null,
    register_year   integer      not null,
    register_number bigint       not null,
    book            varchar(60)  not null,
    document_id     varchar(36)  not null references documents (id),
    certifier       varchar(64)  not null,
    copies          integer      not null,
    status          varchar(10)  not null,
    reserved_at     timestamp with time zone not null,
    closed_at       timestamp with time zone,
    void_reason     varchar(1000),
    primary key (agency_code, kind, register_year, register_number)
);
create index register_entries_pending on register_entries (status, reserved_at);
-- a year's register is closed after 31 December (totals printed, nothing more reserved in it)
alter table register_books add column closed_at timestamp with time zone;

insert into register_entries (agency_code, kind, register_year, register_number, book, document_id, certifier,
                              copies, status, reserved_at, closed_at)
select agency_code, kind, register_year, register_number, book, document_id, certifier, 1, 'ISSUED',
       certified_at, certified_at
from certifications;

-- Several copies of one original made at the same time share its number (NĐ 23/2015): the certified copies are
-- keyed by number and copy index. The table is rebuilt because its old unique key has no portable name.
create table certified_copies (
    id              varchar(36)  primary key,
    document_id     varchar(36)  not null references documents (id),
    agency_code     varchar(20)  not null references agencies (code),
    kind            varchar(20)  not null,
    register_year   integer      not null,
    register_number bigint       not null,
    copy_index      integer      not null,
    book            varchar(60)  not null,
    certifier       varchar(64)  not null,
    certified_at    timestamp with time zone not null,
    object_key      varchar(500) not null,
    sha256          varchar(64)  not null,
    size_bytes      bigint       not null,
    page_count      integer      not null,
    fee_vnd         bigint       not null,
    -- the code that opens the copy's public verification page: its first characters are in the QR code, the
    -- whole code (given to the citizen) also shows the personal content
    verification_code varchar(32),
    unique (agency_code, kind, register_year, register_number, copy_index),
    foreign key (agency_code, kind, register_year, register_number)
        references register_entries (agency_code, kind, register_year, register_number)
);
insert into certified_copies (id, document_id, agency_code, kind, register_year, register_number, copy_index, book,
                              certifier, certified_at, object_key, sha256, size_bytes, page_count, fee_vnd)
select id, document_id, agency_code, kind, register_year, register_number, 1, book, certifier, certified_at,
       object_key, sha256, size_bytes, page_count, fee_vnd
from certifications;
drop table certifications;
alter table certified_copies rename to certifications;
create index certifications_agency_time on certifications (agency_code, certified_at);
create index certifications_document on certifications (document_id);
