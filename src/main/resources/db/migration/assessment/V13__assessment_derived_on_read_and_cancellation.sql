-- The round keeps only what its own values decide: totals and one status letter per criterion ("statuses", in set
-- order, see CriterionCodes), refreshed whenever its values, judgements or the unit's classification change.
-- What depends on other rounds (the previous signed-off round, criteria lost or gained, recognition, revocation
-- risk) is computed when read, so that appraising an older round can never leave a later one stale.
alter table assessment_round add column tier varchar(32);
alter table assessment_round add column statuses varchar(200);
update assessment_round r set tier = s.tier from criteria_set_version s where s.code = r.set_code and s.version = r.set_version;
alter table assessment_round alter column tier set not null;
-- statuses stay null here: the application re-evaluates such rounds before it opens its port (RoundEvaluations).

alter table assessment_round drop column previous_round_id;
alter table assessment_round drop column lost_criteria;
alter table assessment_round drop column gained_criteria;
alter table assessment_round drop column recognised;
alter table assessment_round drop column at_risk;
alter table assessment_round drop column risk_text;
drop table assessment_criterion_result;

-- A draft opened by mistake (or imported twice) is cancelled, never deleted: kept with who, when and why.
alter table assessment_round drop constraint assessment_round_status_check;
alter table assessment_round add constraint assessment_round_status_check
    check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'APPRAISED', 'CANCELLED'));
alter table assessment_round add column cancelled_by varchar(64);
alter table assessment_round add column cancelled_at timestamptz;
alter table assessment_round add column cancel_reason text;

update assessment_round set updated_at = created_at where updated_at is null;
alter table assessment_round alter column updated_at set default now();
alter table assessment_round alter column updated_at set not null;

-- The previous signed-off round of a unit and tier, and the newest round of a unit: both index scans.
create index assessment_round_signed_off on assessment_round (unit_code, tier, as_of desc, id desc)
    where status in ('VERIFIED', 'APPRAISED');
create index assessment_round_latest on assessment_round (unit_code, set_code, as_of desc, id desc) where status <> 'CANCELLED';
create index assessment_round_changed on assessment_round (updated_at);
