-- "Recognised before" in the overview (AssessmentOverview.forEach): an earlier appraised round of the unit and tier
-- with every criterion met. A probe of this partial index per unit, instead of reading every earlier signed-off round.
create index assessment_round_recognised on assessment_round (unit_code, tier, as_of, id)
    where status = 'APPRAISED' and achieved = total;
