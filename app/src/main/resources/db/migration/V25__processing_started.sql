-- When OCR of a document last started: with digitized_at it gives the measured seconds per page that the desk's
-- queue estimate uses.
alter table documents add column processing_started_at timestamp with time zone;
