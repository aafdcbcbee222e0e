-- Certifications whose certifier signs outside the service (USB token, remote signing): the prepared signature
-- waits here, on any node, until the signature value arrives or the session expires.
create table signing_sessions (
    id                varchar(36)  primary key,
    document_id       varchar(36)  not null references documents (id),
    agency_code       varchar(20)  not null,
    kind              varchar(20)  not null,
    register_year     integer      not null,
    register_number   bigint       not null,
    book              varchar(60)  not null,
    certifier         varchar(64)  not null,
    copy_id           varchar(36)  not null,
    verification_code varchar(32)  not null,
    prepared_pdf      bytea        not null,
    byte_range        varchar(100) not null,
    signed_attributes bytea        not null,
    certificate_chain bytea        not null,
    status            varchar(12)  not null,
    reserved_at       timestamp with time zone not null,
    expires_at        timestamp with time zone not null,
    foreign key (agency_code, kind, register_year, register_number)
        references register_entries (agency_code, kind, register_year, register_number)
);
