-- The scan-quality gate's verdict on each uploaded page (file and page in it), judged at upload and completed after
-- OCR with the recognition's mean confidence. A page replaced by a rescan keeps its row, marked replaced: the share of
-- pages rescanned is a quality indicator per unit.
create table page_quality (
    document_id     varchar(36)   not null references documents (id),
    file_position   integer       not null,
    page_in_file    integer       not null,
    verdict         varchar(10)   not null,
    findings        varchar(1000) not null,
    mean_confidence double precision,
    judged_at       timestamp with time zone not null,
    replaced_at     timestamp with time zone,
    primary key (document_id, file_position, page_in_file)
);
