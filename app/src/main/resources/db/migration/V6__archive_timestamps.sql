-- PAdES-BASELINE-LTA copies: when the certificate of their last archive time-stamp expires, and each renewal (a new
-- version of the copy with one more time-stamp; the versions before stay, as stored objects are never overwritten).
alter table certifications add column archive_expires_at timestamp with time zone;
create table archive_renewals (
    certification_id varchar(36)  not null references certifications (id),
    sequence_number  integer      not null,
    object_key       varchar(500) not null,
    sha256           varchar(64)  not null,
    size_bytes       bigint       not null,
    renewed_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    primary key (certification_id, sequence_number)
);
