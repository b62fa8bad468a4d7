-- The caller's phone is stored sealed (ciphertext of the archive's cipher), which is longer than a phone number.
alter table complaint alter column contact_phone type varchar(200);
