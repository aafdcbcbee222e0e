-- The person who asked for each certification (người yêu cầu chứng thực, NĐ 23/2015): name, identity paper and its
-- number, optional phone and e-mail. Kept on the register entry, which is the certification request; entries made
-- before this version have none. A dossier may name its applicant, from whom the desk pre-fills the requester.
alter table register_entries add column requester_name varchar(100);
alter table register_entries add column requester_id_type varchar(10);
alter table register_entries add column requester_id_number varchar(20);
alter table register_entries add column requester_phone varchar(16);
alter table register_entries add column requester_email varchar(254);

alter table dossiers add column applicant_name varchar(100);
alter table dossiers add column applicant_id_type varchar(10);
alter table dossiers add column applicant_id_number varchar(20);
alter table dossiers add column applicant_phone varchar(16);
alter table dossiers add column applicant_email varchar(254);
