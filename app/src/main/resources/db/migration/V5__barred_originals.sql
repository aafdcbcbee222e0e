-- Originals the certifier refused to certify from (erased, altered, damaged, ...): no copy is made of them.
create table barred_originals (
    document_id varchar(36)   primary key references documents (id),
    reason      varchar(30)   not null,
    note        varchar(1000),
    barred_by   varchar(64)   not null,
    barred_at   timestamp with time zone not null
);
