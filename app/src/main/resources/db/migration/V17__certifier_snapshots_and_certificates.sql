-- The certifier's name and title as they were when the number was given: the register and the public verification
-- page show them, not today's (a certifier promoted or renamed later). Older entries fall back to the user row.
alter table register_entries add column certifier_name varchar(200);
alter table register_entries add column certifier_title varchar(200);

-- Certificates enrolled for a certifier: a signature with a certificate of the user's own (USB token, remote signing)
-- is accepted only with one enrolled for the signed-in certifier. Keyed by the SHA-256 of the DER encoding.
create table certifier_certificates (
    fingerprint  varchar(64)   primary key,
    username     varchar(64)   not null references users (username),
    subject      varchar(1000) not null,
    issuer       varchar(1000) not null,
    serial       varchar(80)   not null,
    not_before   timestamp with time zone not null,
    not_after    timestamp with time zone not null,
    certificate  varchar(12000) not null,
    enrolled_by  varchar(64)   not null,
    enrolled_at  timestamp with time zone not null
);
create index certifier_certificates_user on certifier_certificates (username);
