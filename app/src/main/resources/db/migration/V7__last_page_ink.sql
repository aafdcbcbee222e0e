-- Where the last page of a digitized document has ink, measured while OCR had the page in memory: the
-- certification statement is placed from it without decoding the page image again (deflated, a few KB).
alter table documents add column last_page_ink bytea;
