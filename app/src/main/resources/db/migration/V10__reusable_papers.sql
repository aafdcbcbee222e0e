-- Whose paper a document is and until when it is valid, so that a later dossier of the same citizen can reuse the
-- digitized paper instead of a new scan; a reused document points at the one it was taken from.
alter table documents add column citizen_id varchar(12);
alter table documents add column paper_type varchar(60);
alter table documents add column valid_until date;
alter table documents add column reused_from varchar(36);
create index documents_citizen_paper on documents (citizen_id, paper_type);
