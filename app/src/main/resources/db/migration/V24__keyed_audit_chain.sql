-- The audit chain is keyed (HMAC-SHA256 with a key kept outside the database) from the first start of this
-- version: the entries written before are re-hashed once with the key if their plain chain is intact.
alter table audit_head add column keyed boolean default false not null;

-- Anchors of the chain's head: each is also an object in the certified-copy bucket (under Object Lock where the
-- store has it), time-stamped, so that a rewritten log no longer matches what was anchored outside the database.
create table audit_anchors (
    anchor      bigint       primary key,
    seq         bigint       not null,
    hash        varchar(64)  not null,
    object_key  varchar(300) not null,
    anchored_at timestamp with time zone not null
);

-- an empty log is keyed from its first entry
update audit_head set keyed = true where seq = 0;
