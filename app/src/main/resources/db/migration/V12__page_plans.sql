-- How the clerk arranged the pages of a document (file:page:degrees, comma-separated); null: every page as uploaded.
-- The raw scans never change: the plan is applied whenever their pages are decoded.
alter table documents add column page_plan varchar(8000);
