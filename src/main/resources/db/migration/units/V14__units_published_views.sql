-- What other modules may read of the unit tree in SQL (ModuleTablesTests): the dated lines of ancestors and names.
-- Everything else goes through the units module's Java API.
create view units_v_line as
    select u.code as unit_code, u.kind, u.level, p.path, p.depth, p.valid_from, p.valid_to
    from unit_path p join unit u on u.id = p.unit_id;

create view units_v_name as
    select u.code as unit_code, n.name, n.search_key, n.valid_from, n.valid_to
    from unit_name n join unit u on u.id = n.unit_id;

create view units_v_parent as
    select u.code as unit_code, par.code as parent_code, l.valid_from, l.valid_to
    from unit_parent l join unit u on u.id = l.unit_id join unit par on par.id = l.parent_id;

create view units_v_classification as
    select u.code as unit_code, c.region, c.commune_group, c.especially_disadvantaged, c.safe_zone_poor_district,
           c.valid_from, c.valid_to
    from unit_classification c join unit u on u.id = c.unit_id;
