-- Photos (JPEG, PNG) and workbooks (XLSX) as evidence besides PDF, DOCX and text: a photo keeps its original as
-- uploaded and a display copy (a JPEG of at most 1,280 px on its long edge) for pages.
alter table attachment add column preview bytea;
comment on column attachment.preview is 'display copy of a photo, null for other files and photos already small JPEGs';
