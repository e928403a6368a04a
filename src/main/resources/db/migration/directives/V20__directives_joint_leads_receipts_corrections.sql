-- Issue 18 and issue 12 item 7: joint leads, documents received (văn bản đến), corrections of a document.

-- A directive may have several lead bodies ("Đảng ủy, UBND xã … chủ trì"): each sees it in its work list and may
-- report on it. Position 0 is the body named first; directive.lead_id stays that body (kept for the foreign key and
-- for old readers), but every reader asks this table.
create table directive_lead_body (
    directive_id    bigint   not null references directive (id) on delete cascade,
    organisation_id bigint   not null references organisation (id),
    position        smallint not null check (position between 0 and 19),
    primary key (directive_id, organisation_id),
    unique (directive_id, position)
);
create index directive_lead_org on directive_lead_body (organisation_id);
insert into directive_lead_body (directive_id, organisation_id, position) select id, lead_id, 0 from directive;

-- Who registered the document: its issuer (văn bản đi), or a body it was sent to (văn bản đến) because the issuer
-- keeps no record here. A recipient never edits the issuer's own record; it records its receipt of it.
alter table document add column origin varchar(10) not null default 'ISSUER' check (origin in ('ISSUER', 'RECIPIENT'));

-- A body's receipt of a document addressed to it: when it arrived, from whom (the issuer or whoever forwarded it) and
-- the number of the incoming register (số đến). One receipt per document and body.
create table document_receipt (
    id              bigserial primary key,
    document_id     bigint       not null references document (id) on delete cascade,
    organisation_id bigint       not null references organisation (id),
    received_on     date         not null,
    received_from   varchar(300) not null,
    incoming_number varchar(50),
    version         integer      not null default 0,
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null default now(),
    unique (document_id, organisation_id)
);
create index document_receipt_org on document_receipt (organisation_id);

-- A correction (bản đính chính, văn bản thay thế) supersedes the document it corrects: the old one stays readable with
-- its history, linked both ways, but its directives leave work lists and counts.
alter table document add column superseded_by bigint references document (id) on delete set null;
alter table document add column superseded_on date;
alter table document add constraint document_not_superseding_itself check (superseded_by is null or superseded_by <> id);
alter table document_link drop constraint document_link_relation_check;
alter table document_link add constraint document_link_relation_check
    check (relation in ('IMPLEMENTS', 'ANSWERS', 'CITES', 'CORRECTS'));

-- The same document registered twice is found by issuer, number and year (then the day when both have one).
create index document_identity on document (issuer_id, issued_year);
