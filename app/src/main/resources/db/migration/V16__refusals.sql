-- Refusals to copy and certify an original (NĐ 23/2015 art. 22), at intake or at certification, each with the
-- written notice given to the requester (made from this row). Not copies: no register number, no fee. Who refused
-- is kept as they were named then.
create table certification_refusals (
    id                  varchar(36)   primary key,
    agency_code         varchar(20)   not null references agencies (code),
    dossier_code        varchar(40)   references dossiers (code),
    document_id         varchar(36)   references documents (id),
    paper_title         varchar(300)  not null,
    reason              varchar(30)   not null,
    note                varchar(1000),
    stage               varchar(20)   not null,
    requester_name      varchar(100),
    requester_id_type   varchar(10),
    requester_id_number varchar(20),
    requester_phone     varchar(16),
    requester_email     varchar(254),
    refused_by          varchar(64)   not null,
    refused_by_name     varchar(200)  not null,
    refused_by_title    varchar(200),
    refused_at          timestamp with time zone not null
);
create index certification_refusals_agency_time on certification_refusals (agency_code, refused_at);
create index certification_refusals_dossier on certification_refusals (dossier_code);
