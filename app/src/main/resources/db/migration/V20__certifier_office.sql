-- The certifier's office (Chairman / Vice-Chairman of the commune People's Committee; before 2025-07-01 also head /
-- deputy head of the district Justice Office): certification is refused while it is not recorded.
alter table users add column office varchar(30);
update users set office = 'COMMUNE_VICE_CHAIR' where username = 'certifier' and role = 'CERTIFIER'
    and title = 'Phó Chủ tịch UBND xã';
