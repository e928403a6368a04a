select u.unit_code, u.kind, n.name, pn.name as parent_name,
       r.id, r.as_of, r.status, r.achieved, r.total, r.provisional_count, r.statuses, r.set_code, r.set_version, r.tier,
       p.id as previous_id, p.set_code as previous_set, p.set_version as previous_version, p.as_of as previous_as_of,
       p.statuses as previous_statuses,
       r.id is not null and exists (select 1 from assessment_round a where a.unit_code = u.unit_code and a.tier = r.tier
            and a.status = 'APPRAISED' and a.achieved = a.total and a.as_of < r.as_of and a.id <> r.id) as recognised
from units_v_line u
left join lateral (select x.name from units_v_name x where x.unit_code = u.unit_code and x.valid_from <= ?1
                   order by x.valid_from desc limit 1) n on true
left join units_v_parent pl on pl.unit_code = u.unit_code and pl.valid_from <= ?1
     and coalesce(pl.valid_to, 'infinity'::date) >= ?1
left join lateral (select x.name from units_v_name x where x.unit_code = pl.parent_code and x.valid_from <= ?1
                   order by x.valid_from desc limit 1) pn on true
left join lateral (select r.* from assessment_round r where r.unit_code = u.unit_code and r.set_code = ?2
                   and r.as_of <= ?1 and r.status in ('VERIFIED', 'APPRAISED')
                   order by r.as_of desc, r.id desc limit 1) r on true
left join lateral (select p.* from assessment_round p where r.id is not null and p.unit_code = u.unit_code
                   and p.tier = r.tier and p.status in ('VERIFIED', 'APPRAISED') and p.as_of < r.as_of and p.id <> r.id
                   order by p.as_of desc, p.id desc limit 1) p on true
where u.path ~>=~ ?3 and u.path ~<~ ?4 and u.level = 3
  and u.valid_from <= ?1 and coalesce(u.valid_to, 'infinity'::date) >= ?1
order by n.name, u.unit_code
