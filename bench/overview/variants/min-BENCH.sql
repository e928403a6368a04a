select u.code, r.id, r.as_of, r.status, r.statuses
from unit_path p join unit u on u.id = p.unit_id
left join lateral (select r.id, r.as_of, r.status, r.statuses from assessment_round r
                   where r.unit_code = u.code and r.set_code = 'QD318-2022-XA-NTM' and r.as_of <= date '2025-12-31'
                     and r.status in ('VERIFIED', 'APPRAISED')
                   order by r.as_of desc, r.id desc limit 1) r on true
where p.path like '/BENCH/%' and u.level = 3
  and p.valid_from <= date '2025-12-31' and coalesce(p.valid_to, 'infinity'::date) >= date '2025-12-31'
