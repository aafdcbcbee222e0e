-- Every object Sohoa writes, with the SHA-256 read back after the write: what ./sohoa scrub checks.
create table stored_objects (
    object_key   varchar(600) primary key,
    sha256       varchar(64)  not null,
    size_bytes   bigint       not null,
    content_type varchar(100) not null,
    created_at   timestamp with time zone not null default current_timestamp
);
