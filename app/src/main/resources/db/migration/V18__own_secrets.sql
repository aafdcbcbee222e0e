-- A password an administrator set (a new user's, or a reset) is temporary: the user changes it at first sign-in.
alter table users add column must_change_password boolean not null default false;
-- The certifier's own signing PIN (BCrypt), which alone releases a key the service holds for them: an administrator
-- who resets the certifier's password cannot sign in their name. Administrators may only clear it.
alter table users add column signing_pin_hash varchar(200);
