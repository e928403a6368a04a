-- How many criterion results of a round rest on a provisional threshold ("9/19 (3 tạm tính)"), stored with the
-- round's other totals so that lists and the overview read it without re-evaluating.
alter table assessment_round add column provisional_count integer not null default 0;
